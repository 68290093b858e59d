package io.cathalog.marketplaces.mercadolivre;

import io.cathalog.core.marketplace.AttributeFlag;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.DocumentSource;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ItemCondition;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ProductSlot;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.ValueMatcher;
import io.cathalog.core.marketplace.ValueOrigin;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.marketplaces.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static io.cathalog.marketplaces.Fixtures.codes;
import static io.cathalog.marketplaces.Fixtures.texts;
import static io.cathalog.marketplaces.Fixtures.warningCodes;
import static org.assertj.core.api.Assertions.assertThat;

class MercadoLivreRulesTest {
    private static final String HEADPHONES = "MLB196208";
    private static final String COOKWARE = "MLB270241";
    private static final String TSHIRTS = "MLB31447";

    private final MercadoLivreMapper ml = Fixtures.mercadoLivreMapper();

    private static Product.Builder headphones() {
        return Product.builder("FONE-JBL-T110", "Fone de Ouvido JBL Tune 110 Preto")
                .brand("jbl")
                .gtin("7898945080293")
                .dimensions(new Dimensions(Length.of("120", LengthUnit.MILLIMETRE), Length.of("45", LengthUnit.MILLIMETRE),
                        Length.of("200", LengthUnit.MILLIMETRE)))
                .grossWeight(Weight.of("0.3", WeightUnit.KILOGRAM))
                .attribute("Modelo", AttributeValue.text("Tune 110"))
                .attribute("cor", AttributeValue.choice("preto"))
                .attribute("É sem fio", AttributeValue.bool(false));
    }

    private Normalisation normalise(Product p, String category) {
        return ml.normalise(p, Fixtures.store("mercadolivre"), category);
    }

    private Normalisation supplied(Product p, String category, String attribute, AttributeValue value) {
        return ml.normalise(NormalisationRequest.builder(p, Fixtures.store("mercadolivre"), category)
                .supply(attribute, value).build());
    }

    @Test
    void readsTheCategoryAndItsAttributes() {
        CategoryRequirements r = ml.requirements(HEADPHONES);
        assertThat(r.name()).isEqualTo("Fones de Ouvido");
        assertThat(r.path()).containsExactly("Eletrônicos, Áudio e Vídeo", "Áudio", "Fones de Ouvido");
        assertThat(r.leaf()).isTrue();
        assertThat(r.limits().titleMaxLength()).isEqualTo(60);
        assertThat(r.attribute("BRAND").orElseThrow().level()).isEqualTo(RequirementLevel.REQUIRED);
        assertThat(r.attribute("BRAND").orElseThrow().has(AttributeFlag.CATALOG_REQUIRED)).isTrue();
        assertThat(r.attribute("LINE").orElseThrow().level()).isEqualTo(RequirementLevel.OPTIONAL);
        assertThat(r.attribute("GTIN").orElseThrow().level()).isEqualTo(RequirementLevel.CONDITIONAL);
        assertThat(r.attribute("GTIN").orElseThrow().flags()).contains(AttributeFlag.MULTIVALUED,
                AttributeFlag.PRODUCT_IDENTIFIER, AttributeFlag.VARIATION_ATTRIBUTE);
        assertThat(r.attribute("EMPTY_GTIN_REASON").orElseThrow().allowedValues()).extracting(v -> v.id())
                .containsExactly("17055158", "17055159", "17055160", "17055161");
        AttributeRequirement cable = r.attribute("CABLE_LENGTH").orElseThrow();
        assertThat(cable.type()).isEqualTo(ValueType.NUMBER_WITH_UNIT);
        assertThat(cable.allowedUnits()).containsExactly("cm", "m", "mm");
        assertThat(cable.defaultUnit()).contains("m");
        assertThat(r.attribute("IS_WIRELESS").orElseThrow().type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(r.attribute("COLOR").orElseThrow().type()).isEqualTo(ValueType.CHOICE);
        assertThat(r.attribute("MODEL").orElseThrow().maxLength()).hasValue(60);
        assertThat(r.attribute("FREQUENCY_RANGE").orElseThrow().type()).isEqualTo(ValueType.UNKNOWN);
        assertThat(r.attribute("FREQUENCY_RANGE").orElseThrow().marketplaceType()).isEqualTo("range");
        assertThat(r.attribute("PACKAGE_HEIGHT").orElseThrow().writable()).isFalse();
        assertThat(r.attribute("HEADPHONE_FORMAT").orElseThrow().writable()).isFalse();
        assertThat(r.attribute("ITEM_CONDITION").orElseThrow().writable()).isFalse();
    }

    @Test
    void readsTagsGivenAsAnArrayOfStrings() {
        CategoryRequirements r = ml.requirements(COOKWARE);
        assertThat(r.attribute("BRAND").orElseThrow().level()).isEqualTo(RequirementLevel.REQUIRED);
        assertThat(r.attribute("COATING_MATERIALS").orElseThrow().type()).isEqualTo(ValueType.MULTI_CHOICE);
        assertThat(r.attribute("PRODUCT_TYPE").orElseThrow().flags()).containsExactly(AttributeFlag.INFERRED);
        assertThat(r.attribute("GTIN").orElseThrow().level()).isEqualTo(RequirementLevel.REQUIRED_IF_NEW);
        assertThat(r.attribute("PIECES_NUMBER").orElseThrow().type()).isEqualTo(ValueType.NUMBER);
    }

    @Test
    void theGtinRuleFollowsTheTagsAndTheConditionalAnswer() {
        assertThat(ml.requirements(HEADPHONES).limits().gtin()).isEqualTo(GtinPolicy.MANDATORY_OR_EXEMPTION);
        assertThat(ml.requirements(COOKWARE).limits().gtin()).isEqualTo(GtinPolicy.MANDATORY_OR_EXEMPTION);
        // No conditional answer recorded for T-shirts: the strict case is assumed.
        assertThat(ml.requirements(TSHIRTS).limits().gtin()).isEqualTo(GtinPolicy.MANDATORY_OR_EXEMPTION);
        DocumentSource nothingRequired = DocumentSource.fetcher(name -> name.endsWith("/conditional")
                ? Optional.of("{\"required_attributes\": []}") : Optional.empty()).orElse(Fixtures.mercadoLivre());
        MercadoLivreMapper lenient = new MercadoLivreMapper(new MercadoLivreRequirements(nothingRequired));
        assertThat(lenient.requirements(HEADPHONES).limits().gtin()).isEqualTo(GtinPolicy.OPTIONAL);
        Normalisation n = lenient.normalise(headphones().build().toBuilder().build(), Fixtures.store("mercadolivre"), HEADPHONES);
        assertThat(n.isAcceptable()).isTrue();
    }

    @Test
    void fillsEverythingAGoodProductHas() {
        Normalisation n = normalise(headphones().build(), HEADPHONES);

        assertThat(n.violations()).isEmpty();
        assertThat(texts(n)).containsEntry("BRAND", "JBL")
                .containsEntry("MODEL", "Tune 110")
                .containsEntry("COLOR", "Preto")
                .containsEntry("IS_WIRELESS", "Não")
                .containsEntry("SELLER_SKU", "FONE-JBL-T110")
                .containsEntry("GTIN", "7898945080293")
                .containsEntry("SELLER_PACKAGE_WIDTH", "12 cm")
                .containsEntry("SELLER_PACKAGE_HEIGHT", "4.5 cm")
                .containsEntry("SELLER_PACKAGE_LENGTH", "20 cm")
                .containsEntry("SELLER_PACKAGE_WEIGHT", "300 g")
                .doesNotContainKeys("PACKAGE_HEIGHT", "PACKAGE_WEIGHT", "HEADPHONE_FORMAT", "ITEM_CONDITION",
                        "EMPTY_GTIN_REASON");
        assertThat(n.values().get("BRAND").valueIds()).containsExactly("7040");
        assertThat(n.values().get("BRAND").slot()).isEqualTo(ProductSlot.BRAND);
        assertThat(n.values().get("COLOR").valueIds()).containsExactly("52049");
        assertThat(n.values().get("COLOR").origin()).isEqualTo(ValueOrigin.PRODUCT_ATTRIBUTE);
        assertThat(n.values().get("IS_WIRELESS").valueIds()).containsExactly("242084");
        assertThat(n.values().get("GTIN").slot()).isEqualTo(ProductSlot.GTIN);
        assertThat(n.customFieldValues()).extracting(v -> v.attributeId()).containsExactly("COLOR", "IS_WIRELESS", "MODEL");
        assertThat(n.payloadPreview()).startsWith("{\"category_id\":\"MLB196208\",\"title\":\"Fone de Ouvido JBL Tune 110 Preto\",")
                .contains("{\"id\":\"BRAND\",\"value_id\":\"7040\",\"value_name\":\"JBL\"}")
                .contains("{\"id\":\"SELLER_PACKAGE_WEIGHT\",\"value_name\":\"300 g\"}")
                .contains("{\"id\":\"GTIN\",\"value_name\":\"7898945080293\"}")
                .doesNotContain("EMPTY_GTIN_REASON", "\"PACKAGE_HEIGHT\"");
    }

    @Test
    void reportsEveryMissingRequiredAttribute() {
        Normalisation n = normalise(Product.builder("SKU-1", "Fone").build(), HEADPHONES);
        assertThat(n.violations()).extracting(Violation::attribute)
                .containsExactly("BRAND", "MODEL", "IS_WIRELESS", "GTIN");
        assertThat(codes(n, "GTIN")).containsExactly(Violation.Code.MISSING_GTIN);
        assertThat(n.violations().get(3).message()).contains("EMPTY_GTIN_REASON", "17055160");
    }

    @ParameterizedTest
    @ValueSource(strings = {"O produto não tem código cadastrado", "o produto nao tem codigo cadastrado", "17055160"})
    void anEmptyGtinReasonTakesTheGtinsPlace(String reason) {
        Product p = headphones().build();
        Product noGtin = new Product(p.sku(), p.name(), p.brand(), Optional.empty(), p.price(), p.dimensions(),
                p.netWeight(), p.grossWeight(), p.status(), p.categoryKey(), p.attributes());
        Normalisation n = supplied(noGtin, HEADPHONES, "EMPTY_GTIN_REASON", AttributeValue.choice(reason));
        assertThat(n.violations()).isEmpty();
        assertThat(n.values().get("EMPTY_GTIN_REASON").valueIds()).containsExactly("17055160");
        assertThat(n.values()).doesNotContainKey("GTIN");
        assertThat(n.payloadPreview()).contains("{\"id\":\"EMPTY_GTIN_REASON\",\"value_id\":\"17055160\"");
    }

    @Test
    void aGtinWinsOverASuppliedReasonAndOnlyOneIsSent() {
        Normalisation n = supplied(headphones().build(), HEADPHONES, "EMPTY_GTIN_REASON", AttributeValue.choice("17055161"));
        assertThat(n.values()).containsKey("GTIN").doesNotContainKey("EMPTY_GTIN_REASON");
        assertThat(warningCodes(n, "EMPTY_GTIN_REASON")).containsExactly(Warning.Code.UNUSED_VALUE);
    }

    @ParameterizedTest
    @CsvSource({"7898945080293,true", "036000291452,true", "73513537,true", "10012345678902,true",
            "4006381333931,true", "7898945080294,false", "036000291453,false", "4006381333932,false", "12345,false"})
    void suppliedGtinsAreCheckedByLengthAndCheckDigit(String gtin, boolean valid) {
        Normalisation n = supplied(headphones().build(), HEADPHONES, "GTIN", AttributeValue.text(gtin));
        if (valid) {
            assertThat(n.violations()).isEmpty();
            assertThat(texts(n)).containsEntry("GTIN", gtin);
        } else {
            assertThat(codes(n, "GTIN")).containsExactly(Violation.Code.INVALID_GTIN);
        }
    }

    @Test
    void aNewRequiredGtinIsNotRequiredForUsedItems() {
        Product cookware = Product.builder("PAN-5", "Jogo de Panelas Tramontina 5 peças")
                .brand("Tramontina").dimensions(Fixtures.cm("40", "20", "40")).grossWeight(Fixtures.kg("3.2"))
                .attribute("Modelo", AttributeValue.text("Paris"))
                .attribute("Material", AttributeValue.choice("aluminio"))
                .attribute("Quantidade de peças", AttributeValue.number(new BigDecimal("5"))).build();
        NormalisationRequest.Builder b = NormalisationRequest.builder(cookware, Fixtures.store("mercadolivre"), COOKWARE);
        assertThat(codes(ml.normalise(b.build()), "GTIN")).containsExactly(Violation.Code.MISSING_GTIN);
        assertThat(ml.normalise(b.condition(ItemCondition.USED).build()).violations()).isEmpty();
    }

    @Test
    void longTitlesAreReportedNeverCut() {
        String title = "Fone de Ouvido Bluetooth JBL Tune 110 Preto com Microfone Original";
        assertThat(title).hasSizeGreaterThan(60);
        Product p = headphones().name(title).build();
        Normalisation n = normalise(p, HEADPHONES);
        assertThat(codes(n, "title")).containsExactly(Violation.Code.TOO_LONG);
        assertThat(n.payloadPreview()).contains("\"title\":\"" + title + "\"");
        Normalisation shorter = ml.normalise(NormalisationRequest.builder(p, Fixtures.store("mercadolivre"), HEADPHONES)
                .title("Fone de Ouvido JBL Tune 110 Preto").build());
        assertThat(shorter.violations()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"120 cm;120 cm", "1,2 m;1.2 m", "1200mm;1200 mm", "1.5 metros;1.5 m",
            "47 pol;1.1938 m"})
    void unitsAreParsedAndConvertedToAnAllowedUnit(String given, String expected) {
        Normalisation n = supplied(headphones().build(), HEADPHONES, "CABLE_LENGTH", AttributeValue.text(given));
        assertThat(n.violations()).isEmpty();
        assertThat(texts(n)).containsEntry("CABLE_LENGTH", expected);
    }

    @Test
    void aNumberWithoutItsUnitOrWithTheWrongKindOfUnitIsAViolation() {
        assertThat(codes(supplied(headphones().build(), HEADPHONES, "CABLE_LENGTH",
                AttributeValue.number(new BigDecimal("1.2"))), "CABLE_LENGTH")).containsExactly(Violation.Code.INVALID_UNIT);
        assertThat(codes(supplied(headphones().build(), HEADPHONES, "CABLE_LENGTH", AttributeValue.text("5 kg")),
                "CABLE_LENGTH")).containsExactly(Violation.Code.INVALID_UNIT);
        assertThat(codes(supplied(headphones().build(), HEADPHONES, "CABLE_LENGTH", AttributeValue.text("comprido")),
                "CABLE_LENGTH")).containsExactly(Violation.Code.INVALID_VALUE);
    }

    @Test
    void packageWeightIsSentInIntegerGramsRoundedUpWithAWarning() {
        Normalisation exact = normalise(headphones().grossWeight(Weight.of("1.25", WeightUnit.KILOGRAM)).build(), HEADPHONES);
        assertThat(texts(exact)).containsEntry("SELLER_PACKAGE_WEIGHT", "1250 g");
        Normalisation rounded = normalise(headphones().grossWeight(Weight.of("300.2", WeightUnit.GRAM)).build(), HEADPHONES);
        assertThat(texts(rounded)).containsEntry("SELLER_PACKAGE_WEIGHT", "301 g");
        assertThat(warningCodes(rounded, "SELLER_PACKAGE_WEIGHT")).containsExactly(Warning.Code.ROUNDED);
        Normalisation supplied = supplied(headphones().build(), HEADPHONES, "SELLER_PACKAGE_WEIGHT", AttributeValue.text("0,45 kg"));
        assertThat(texts(supplied)).containsEntry("SELLER_PACKAGE_WEIGHT", "450 g");
    }

    @Test
    void theNetWeightStandsInForAMissingPackageWeightWithAWarning() {
        Product p = headphones().build();
        Product netOnly = new Product(p.sku(), p.name(), p.brand(), p.gtin(), p.price(), p.dimensions(),
                Optional.of(Weight.of("250", WeightUnit.GRAM)), Optional.empty(), p.status(), p.categoryKey(), p.attributes());
        Normalisation n = normalise(netOnly, HEADPHONES);
        assertThat(texts(n)).containsEntry("SELLER_PACKAGE_WEIGHT", "250 g");
        assertThat(warningCodes(n, "SELLER_PACKAGE_WEIGHT")).containsExactly(Warning.Code.FALLBACK);
    }

    @Test
    void packageDimensionsInInchesConvertExactlyToCentimetres() {
        Normalisation n = normalise(headphones().dimensions(new Dimensions(Length.of("1", LengthUnit.INCH),
                Length.of("2", LengthUnit.INCH), Length.of("0.5", LengthUnit.METRE))).build(), HEADPHONES);
        assertThat(texts(n)).containsEntry("SELLER_PACKAGE_WIDTH", "2.54 cm").containsEntry("SELLER_PACKAGE_HEIGHT", "5.08 cm")
                .containsEntry("SELLER_PACKAGE_LENGTH", "50 cm");
    }

    @Test
    void listValuesMatchIgnoringCaseAndAccentsAndThroughSynonyms() {
        Product.Builder p = Product.builder("PAN-5", "Jogo de Panelas Tramontina 5 peças").brand("TRAMONTINA")
                .gtin("7891000315507").dimensions(Fixtures.cm("40", "20", "40")).grossWeight(Fixtures.kg("3.2"))
                .attribute("Modelo", AttributeValue.text("Paris"))
                .attribute("Quantidade de peças", AttributeValue.text("5"))
                .attribute("Materiais do revestimento", AttributeValue.choices(List.of("antiaderente", "CERAMICA")));
        Normalisation accents = normalise(p.attribute("Material", AttributeValue.choice("aco inoxidavel")).build(), COOKWARE);
        assertThat(accents.violations()).isEmpty();
        assertThat(accents.values().get("MATERIAL").valueIds()).containsExactly("2748303");
        assertThat(texts(accents)).containsEntry("MATERIAL", "Aço inoxidável").containsEntry("BRAND", "Tramontina")
                .containsEntry("COATING_MATERIALS", "Antiaderente, Cerâmica").containsEntry("PIECES_NUMBER", "5");
        assertThat(accents.payloadPreview()).contains("\"value_id\":\"7408133,7408134\"");

        Product inox = p.attribute("Material", AttributeValue.choice("Inox")).build();
        assertThat(codes(normalise(inox, COOKWARE), "MATERIAL")).containsExactly(Violation.Code.UNKNOWN_VALUE);
        ValueMatcher synonyms = ValueMatcher.builder().synonyms("Inox", "Aço inoxidável").build();
        Normalisation matched = ml.normalise(NormalisationRequest.builder(inox, Fixtures.store("mercadolivre"), COOKWARE)
                .matcher(synonyms).build());
        assertThat(matched.values().get("MATERIAL").valueIds()).containsExactly("2748303");
    }

    @Test
    void numbersBooleansAndLengthsAreChecked() {
        assertThat(codes(supplied(headphones().build(), HEADPHONES, "BATTERY_LIFE", AttributeValue.text("vinte")),
                "BATTERY_LIFE")).containsExactly(Violation.Code.INVALID_VALUE);
        assertThat(texts(supplied(headphones().build(), HEADPHONES, "BATTERY_LIFE", AttributeValue.text("20,5"))))
                .containsEntry("BATTERY_LIFE", "20.5");
        Normalisation yes = supplied(headphones().build(), HEADPHONES, "WITH_MICROPHONE", AttributeValue.text("sim"));
        assertThat(yes.values().get("WITH_MICROPHONE").valueIds()).containsExactly("242085");
        assertThat(codes(supplied(headphones().build(), HEADPHONES, "WITH_MICROPHONE", AttributeValue.text("talvez")),
                "WITH_MICROPHONE")).containsExactly(Violation.Code.INVALID_VALUE);
        assertThat(codes(supplied(headphones().build(), HEADPHONES, "MODEL", AttributeValue.text("M".repeat(61))),
                "MODEL")).containsExactly(Violation.Code.TOO_LONG);
    }

    @Test
    void hiddenReadOnlyFixedAndInferredAttributesAreNeverWritten() {
        Normalisation n = ml.normalise(NormalisationRequest.builder(headphones().build(), Fixtures.store("mercadolivre"),
                        HEADPHONES)
                .supply("PACKAGE_HEIGHT", AttributeValue.text("10 cm"))
                .supply("HEADPHONE_FORMAT", AttributeValue.choice("Headphone"))
                .supply("NOT_AN_ATTRIBUTE", AttributeValue.text("x"))
                .build());
        assertThat(n.values()).doesNotContainKeys("PACKAGE_HEIGHT", "HEADPHONE_FORMAT", "NOT_AN_ATTRIBUTE");
        assertThat(warningCodes(n, "PACKAGE_HEIGHT")).containsExactly(Warning.Code.NOT_WRITABLE);
        assertThat(warningCodes(n, "HEADPHONE_FORMAT")).containsExactly(Warning.Code.NOT_WRITABLE);
        assertThat(warningCodes(n, "NOT_AN_ATTRIBUTE")).containsExactly(Warning.Code.UNUSED_VALUE);
        assertThat(n.payloadPreview()).doesNotContain("\"PACKAGE_HEIGHT\"", "HEADPHONE_FORMAT");
    }

    @Test
    void anUnknownValueTypeIsKeptAsTextWithAWarning() {
        Normalisation n = supplied(headphones().build(), HEADPHONES, "FREQUENCY_RANGE", AttributeValue.text("20 Hz - 20 kHz"));
        assertThat(n.violations()).isEmpty();
        assertThat(texts(n)).containsEntry("FREQUENCY_RANGE", "20 Hz - 20 kHz");
        assertThat(warningCodes(n, "FREQUENCY_RANGE")).containsExactly(Warning.Code.UNKNOWN_TYPE);
    }

    @Test
    void clothingNeedsItsListValuesAndAFixedGarmentTypeIsLeftAlone() {
        Product shirt = Product.builder("CAM-01", "Camiseta Básica Algodão Preta").brand("Hering")
                .gtin("7891910000197").dimensions(Fixtures.cm("25", "3", "30")).grossWeight(Fixtures.kg("0.2"))
                .attribute("Gênero", AttributeValue.choice("sem genero"))
                .attribute("Tamanho", AttributeValue.text("m"))
                .attribute("Cor", AttributeValue.choice("PRETO"))
                .attribute("Material principal", AttributeValue.choice("algodao")).build();
        Normalisation n = normalise(shirt, TSHIRTS);
        assertThat(n.violations()).isEmpty();
        assertThat(texts(n)).containsEntry("GENDER", "Sem gênero").containsEntry("SIZE", "M")
                .containsEntry("MAIN_MATERIAL", "Algodão").doesNotContainKeys("GARMENT_TYPE", "AGE_GROUP");
        assertThat(n.values().get("SIZE").valueIds()).containsExactly("3189156");
        Product odd = shirt.toBuilder().attribute("Gênero", AttributeValue.choice("Infantil")).build();
        assertThat(codes(normalise(odd, TSHIRTS), "GENDER")).containsExactly(Violation.Code.UNKNOWN_VALUE);
    }

    @Test
    void categoryProblemsAreViolationsNotExceptions() {
        assertThat(codes(normalise(headphones().build(), "MLB1000"), "category"))
                .containsExactly(Violation.Code.NOT_LEAF_CATEGORY);
        assertThat(codes(normalise(headphones().build(), "MLB424242"), "category"))
                .containsExactly(Violation.Code.CATEGORY_UNAVAILABLE);
        assertThat(codes(normalise(headphones().build(), "not an id"), "category"))
                .containsExactly(Violation.Code.CATEGORY_UNAVAILABLE);
        MercadoLivreMapper broken = new MercadoLivreMapper(new MercadoLivreRequirements(
                DocumentSource.fetcher(name -> Optional.of("{not json"))));
        assertThat(codes(broken.normalise(headphones().build(), Fixtures.store("mercadolivre"), HEADPHONES), "category"))
                .containsExactly(Violation.Code.CATEGORY_UNAVAILABLE);
    }
}
