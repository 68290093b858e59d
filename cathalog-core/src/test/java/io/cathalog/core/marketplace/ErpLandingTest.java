package io.cathalog.core.marketplace;

import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Product;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErpLandingTest {

    @Test
    void linkCodesAreTheMarketplaceCategoryAndTheSku() {
        assertThat(ErpLanding.storeCategoryCode("MLB1055")).isEqualTo("MLB1055");
        assertThat(ErpLanding.storeCategoryCode("100416")).isEqualTo("100416");
        assertThat(ErpLanding.productStoreCode(Product.builder("SKU-1", "Fone").build())).isEqualTo("SKU-1");
    }

    @Test
    void customFieldNamesArePredictableAndParseBack() {
        String name = ErpLanding.customFieldName("Mercado Livre", "MATERIAL", "Material");
        assertThat(name).isEqualTo("Mercado Livre: Material [MATERIAL]");
        assertThat(ErpLanding.parseCustomFieldName(name))
                .contains(new ErpLanding.CustomFieldKey("Mercado Livre", "MATERIAL"));
        assertThat(ErpLanding.customFieldName("Shopee", "100134", "Material [principal]"))
                .isEqualTo("Shopee: Material (principal) [100134]");
        assertThat(ErpLanding.parseCustomFieldName("Cor")).isEmpty();
    }

    @Test
    void longAttributeNamesAreShortenedButKeepTheirId() {
        String name = ErpLanding.customFieldName("Shopee", "100999", "x".repeat(300));
        assertThat(name).hasSize(ErpLanding.MAX_CUSTOM_FIELD_NAME).endsWith("… [100999]");
        assertThat(ErpLanding.parseCustomFieldName(name).orElseThrow().attributeId()).isEqualTo("100999");
    }

    @Test
    void onlyCategoryAttributesLandInCustomFields() {
        ResolvedValue brand = new ResolvedValue("BRAND", "Marca", AttributeValue.text("Acme"), List.of(), "Acme",
                ProductSlot.BRAND, ValueOrigin.PRODUCT_FIELD);
        ResolvedValue material = new ResolvedValue("MATERIAL", "Material", AttributeValue.choice("Alumínio"),
                List.of("2748302"), "Alumínio", ProductSlot.ATTRIBUTE, ValueOrigin.PRODUCT_ATTRIBUTE);
        assertThat(ErpLanding.landsInCustomField(brand)).isFalse();
        assertThat(ErpLanding.landsInCustomField(material)).isTrue();
        assertThat(ErpLanding.customFieldValue(material)).isEqualTo("Alumínio");
        Normalisation n = new Normalisation("mercadolivre", "MLB1", java.util.Map.of("BRAND", brand,
                "MATERIAL", material), List.of(), List.of(), "{}");
        assertThat(n.customFieldValues()).containsExactly(material);
    }
}
