package io.cathalog.examples.marketplace.magalu;

import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ProductSlot;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.testkit.MarketplaceMapperContract;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The library's contract kit, unchanged, plus the plugin's own rules. */
class MagaluMapperContractTest extends MarketplaceMapperContract {

    @Override
    protected MarketplaceMapper newMapper() {
        return new MagaluMapper();
    }

    @Override
    protected List<String> leafCategories() {
        return List.of("EL-FONE", "CA-PANELA");
    }

    @Override
    protected Optional<String> nonLeafCategory() {
        return Optional.of("EL");
    }

    @Override
    protected Optional<String> categoryWithUnknownAttributeType() {
        return Optional.of("EL-FONE");
    }

    @Test
    void brandGtinAndPackageWeightAreRequiredAndTheTitleIsCapped() {
        Product p = Product.builder("SKU-1", "F".repeat(101)).build();
        Normalisation n = newMapper().normalise(p, store(), "EL-FONE");
        assertThat(n.violations()).extracting(Violation::attribute, Violation::code).contains(
                org.assertj.core.groups.Tuple.tuple("title", Violation.Code.TOO_LONG),
                org.assertj.core.groups.Tuple.tuple("brand", Violation.Code.MISSING_REQUIRED),
                org.assertj.core.groups.Tuple.tuple("ean", Violation.Code.MISSING_GTIN),
                org.assertj.core.groups.Tuple.tuple("weight", Violation.Code.MISSING_REQUIRED),
                org.assertj.core.groups.Tuple.tuple("cor", Violation.Code.MISSING_REQUIRED));
    }

    @Test
    void aCompleteProductIsAcceptedAndItsFieldsLandAsAttributes() {
        Product p = good().toBuilder().attribute("cor", AttributeValue.choice("azul"))
                .attribute("Garantia (meses)", AttributeValue.text("12"))
                .grossWeight(Weight.of("300.5", WeightUnit.GRAM)).build();
        Normalisation n = newMapper().normalise(NormalisationRequest.builder(p, store(), "EL-FONE")
                .supply("conexao", AttributeValue.choice("Bluetooth")).build());
        assertThat(n.violations()).isEmpty();
        assertThat(n.values().get("cor").text()).isEqualTo("Azul");
        assertThat(n.values().get("garantia").text()).isEqualTo("12");
        assertThat(n.values().get("weight").text()).isEqualTo("0.301 kg");
        assertThat(n.customFieldValues()).extracting(v -> v.attributeId()).containsExactly("conexao", "cor", "garantia");
        assertThat(n.values().get("brand").slot()).isEqualTo(ProductSlot.BRAND);
        assertThat(n.payloadPreview()).contains("\"ean\":\"7898945080293\"", "\"weight_kg\":0.301");
    }
}
