package io.cathalog.marketplaces.shopee;

import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.BrandRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.DocumentSource;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ProductSlot;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.ValueOrigin;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Product;
import io.cathalog.marketplaces.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static io.cathalog.marketplaces.Fixtures.codes;
import static io.cathalog.marketplaces.Fixtures.texts;
import static io.cathalog.marketplaces.Fixtures.warningCodes;
import static org.assertj.core.api.Assertions.assertThat;

class ShopeeRulesTest {
    private static final String HEADPHONES = "100416";
    private static final String COOKWARE = "100716";
    private static final String TSHIRTS = "100348";

    private final ShopeeMapper shopee = Fixtures.shopeeMapper();

    private static Product.Builder headphones() {
        return Product.builder("FONE-JBL-T110", "Fone de Ouvido JBL Tune 110 Preto")
                .brand("jbl").gtin("7898945080293")
                .dimensions(Fixtures.cm("12", "4.5", "20")).grossWeight(Fixtures.kg("0.3"))
                .attribute("Tipo de fone", AttributeValue.choice("INTRA-AURICULAR"))
                .attribute("Conectividade", AttributeValue.choices(List.of("Com fio")));
    }

    private static Product.Builder cookware() {
        return Product.builder("PAN-5", "Jogo de Panelas Tramontina 5 peças")
                .brand("Tramontina").dimensions(Fixtures.cm("40", "20", "40")).grossWeight(Fixtures.kg("3.2"))
                .attribute("Material", AttributeValue.choice("aluminio"))
                .attribute("Capacidade", AttributeValue.text("750 ml"))
                .attribute("Quantidade de Peças", AttributeValue.text("5"));
    }

    private static Product.Builder shirt() {
        return Product.builder("CAM-01", "Camiseta Básica Algodão Preta").brand("Hering").grossWeight(Fixtures.kg("0.2"))
                .attribute("Gênero", AttributeValue.choice("feminino"))
                .attribute("Comprimento da manga", AttributeValue.choice("manga curta"));
    }

    private Normalisation normalise(Product p, String category) {
        return shopee.normalise(p, Fixtures.store("shopee"), category);
    }

    private Normalisation supplied(Product p, String category, String attribute, AttributeValue value) {
        return shopee.normalise(NormalisationRequest.builder(p, Fixtures.store("shopee"), category)
                .supply(attribute, value).build());
    }

    @Test
    void readsTheCategoryTreeAttributesBrandsAndLimits() {
        CategoryRequirements r = shopee.requirements(HEADPHONES);
        assertThat(r.path()).containsExactly("Eletrônicos", "Áudio", "Fones de Ouvido");
        assertThat(r.leaf()).isTrue();
        AttributeRequirement type = r.attribute("100037").orElseThrow();
        assertThat(type.name()).isEqualTo("Tipo de Fone");
        assertThat(type.level()).isEqualTo(RequirementLevel.REQUIRED);
        assertThat(type.type()).isEqualTo(ValueType.CHOICE);
        assertThat(type.acceptsCustomValues()).isFalse();
        AttributeRequirement connectivity = r.attribute("100038").orElseThrow();
        assertThat(connectivity.type()).isEqualTo(ValueType.MULTI_CHOICE);
        assertThat(connectivity.maxValueCount()).hasValue(2);
        assertThat(connectivity.valueById("2001").orElseThrow().childAttributeIds()).containsExactly("100602");
        AttributeRequirement version = r.attribute("100602").orElseThrow();
        assertThat(version.parentId()).contains("100038");
        assertThat(version.parentValueIds()).containsExactly("2001");
        assertThat(version.level()).isEqualTo(RequirementLevel.CONDITIONAL);
        AttributeRequirement weight = r.attribute("100061").orElseThrow();
        assertThat(weight.type()).isEqualTo(ValueType.NUMBER_WITH_UNIT);
        assertThat(weight.allowedUnits()).containsExactly("g", "kg");
        assertThat(r.attribute("100200").orElseThrow().dateFormat()).contains("MM/YYYY");
        assertThat(r.attribute("100888").orElseThrow().type()).isEqualTo(ValueType.UNKNOWN);
        BrandRequirement brand = r.brand().orElseThrow();
        assertThat(brand.mandatory()).isTrue();
        assertThat(brand.brands()).extracting(b -> b.name()).containsExactly("JBL", "Sony", "Edifier", "Philips");
        assertThat(brand.noBrand()).isEmpty();
        assertThat(r.limits().titleMinLength()).isEqualTo(5);
        assertThat(r.limits().titleMaxLength()).isEqualTo(100);
        assertThat(r.limits().weightRequired()).isTrue();
        assertThat(r.limits().dimensionsRequired()).isTrue();
        assertThat(r.limits().gtin()).isEqualTo(GtinPolicy.MANDATORY);
        assertThat(shopee.requirements(COOKWARE).limits().gtin()).isEqualTo(GtinPolicy.MANDATORY_OR_EXEMPTION);
        assertThat(shopee.requirements(TSHIRTS).limits().gtin()).isEqualTo(GtinPolicy.OPTIONAL);
    }

    @Test
    void isMandatoryIsReadLikeMandatory() {
        assertThat(shopee.requirements(TSHIRTS).attribute("100012").orElseThrow().level())
                .isEqualTo(RequirementLevel.REQUIRED);
        assertThat(shopee.requirements(HEADPHONES).attribute("100099").orElseThrow().level())
                .isEqualTo(RequirementLevel.OPTIONAL);
        Normalisation n = normalise(shirt().build(), TSHIRTS);
        assertThat(n.violations()).isEmpty();
    }

    @Test
    void fillsEverythingAGoodProductHas() {
        Normalisation n = normalise(headphones().build(), HEADPHONES);
        assertThat(n.violations()).isEmpty();
        assertThat(texts(n)).containsEntry("brand", "JBL").containsEntry("weight", "0.3 kg")
                .containsEntry("package_length", "20 cm").containsEntry("package_width", "12 cm")
                .containsEntry("package_height", "5 cm").containsEntry("gtin_code", "7898945080293")
                .containsEntry("100037", "Intra-auricular").containsEntry("100038", "Com fio");
        assertThat(warningCodes(n, "package_height")).containsExactly(Warning.Code.ROUNDED);
        assertThat(n.values().get("brand").valueIds()).containsExactly("1146");
        assertThat(n.values().get("brand").slot()).isEqualTo(ProductSlot.BRAND);
        assertThat(n.payloadPreview()).isEqualTo("{\"category_id\":100416,\"item_name\":\"Fone de Ouvido JBL Tune 110 Preto\","
                + "\"brand\":{\"brand_id\":1146,\"original_brand_name\":\"JBL\"},\"weight\":0.3,"
                + "\"dimension\":{\"package_length\":20,\"package_width\":12,\"package_height\":5},"
                + "\"gtin_code\":\"7898945080293\",\"attribute_list\":["
                + "{\"attribute_id\":100037,\"attribute_value_list\":[{\"value_id\":1001}]},"
                + "{\"attribute_id\":100038,\"attribute_value_list\":[{\"value_id\":2002}]}]}");
    }

    @Test
    void aChildAttributeNeedsItsParentsOpeningValue() {
        Product wired = headphones().attribute("Versão do Bluetooth", AttributeValue.choice("5.3")).build();
        assertThat(codes(normalise(wired, HEADPHONES), "100602")).containsExactly(Violation.Code.PARENT_MISSING);
        Product bluetooth = headphones().attribute("Conectividade", AttributeValue.choices(List.of("bluetooth"))).build();
        assertThat(codes(normalise(bluetooth, HEADPHONES), "100602")).containsExactly(Violation.Code.MISSING_REQUIRED);
        Product complete = bluetooth.toBuilder().attribute("Versão do Bluetooth", AttributeValue.choice("5.3")).build();
        Normalisation n = normalise(complete, HEADPHONES);
        assertThat(n.violations()).isEmpty();
        assertThat(n.values().get("100602").valueIds()).containsExactly("3002");
    }

    @Test
    void multipleChoicesRespectMaxValueCountAndSingleChoicesTakeOne() {
        Product three = headphones().attribute("Conectividade", AttributeValue.choices(List.of("Bluetooth", "Com fio", "NFC")))
                .build();
        assertThat(codes(normalise(three, HEADPHONES), "100038")).containsExactly(Violation.Code.TOO_MANY_VALUES);
        Product two = headphones().attribute("Conectividade", AttributeValue.choices(List.of("NFC", "Com fio"))).build();
        assertThat(normalise(two, HEADPHONES).values().get("100038").valueIds()).containsExactly("2003", "2002");
        Product twoTypes = headphones().attribute("Tipo de fone", AttributeValue.choices(List.of("Over-ear", "Intra-auricular")))
                .build();
        assertThat(codes(normalise(twoTypes, HEADPHONES), "100037")).containsExactly(Violation.Code.TOO_MANY_VALUES);
        Product unknown = headphones().attribute("Tipo de fone", AttributeValue.choice("Fone de osso")).build();
        assertThat(codes(normalise(unknown, HEADPHONES), "100037")).containsExactly(Violation.Code.UNKNOWN_VALUE);
    }

    @Test
    void brandsMatchTheListAndNoBrandIsIdZeroOnlyWhereAllowed() {
        assertThat(codes(normalise(headphones().brand("Acme").build(), HEADPHONES), "brand"))
                .containsExactly(Violation.Code.UNKNOWN_BRAND);
        assertThat(normalise(headphones().brand("philips").build(), HEADPHONES).values().get("brand").valueIds())
                .containsExactly("4455");
        Product p = headphones().build();
        Product noBrand = new Product(p.sku(), p.name(), Optional.empty(), p.gtin(), p.price(), p.dimensions(),
                p.netWeight(), p.grossWeight(), p.status(), p.categoryKey(), p.attributes());
        assertThat(codes(normalise(noBrand, HEADPHONES), "brand")).containsExactly(Violation.Code.MISSING_REQUIRED);

        Product shirt = shirt().build();
        Product shirtNoBrand = new Product(shirt.sku(), shirt.name(), Optional.empty(), shirt.gtin(), shirt.price(),
                shirt.dimensions(), shirt.netWeight(), shirt.grossWeight(), shirt.status(), shirt.categoryKey(), shirt.attributes());
        Normalisation listedNoBrand = normalise(shirtNoBrand, TSHIRTS);
        assertThat(listedNoBrand.values().get("brand").valueIds()).containsExactly("0");
        assertThat(listedNoBrand.values().get("brand").origin()).isEqualTo(ValueOrigin.MARKETPLACE_DEFAULT);
        assertThat(listedNoBrand.payloadPreview()).contains("\"brand\":{\"brand_id\":0,\"original_brand_name\":\"No Brand\"}");

        Product pan = cookware().build();
        Product panNoBrand = new Product(pan.sku(), pan.name(), Optional.empty(), pan.gtin(), pan.price(), pan.dimensions(),
                pan.netWeight(), pan.grossWeight(), pan.status(), pan.categoryKey(), pan.attributes());
        assertThat(normalise(panNoBrand, COOKWARE).values().get("brand").valueIds()).containsExactly("0");
        assertThat(normalise(cookware().brand("no brand").build(), COOKWARE).values().get("brand").valueIds())
                .containsExactly("0");
    }

    @Test
    void theGtinRuleDecidesBetweenAGtinDoubleZeroAndNothing() {
        Product hp = headphones().build();
        Product hpNoGtin = new Product(hp.sku(), hp.name(), hp.brand(), Optional.empty(), hp.price(), hp.dimensions(),
                hp.netWeight(), hp.grossWeight(), hp.status(), hp.categoryKey(), hp.attributes());
        assertThat(codes(normalise(hpNoGtin, HEADPHONES), "gtin_code")).containsExactly(Violation.Code.MISSING_GTIN);
        assertThat(codes(supplied(hpNoGtin, HEADPHONES, "gtin_code", AttributeValue.text("00")), "gtin_code"))
                .containsExactly(Violation.Code.MISSING_GTIN);
        // Flexible: "00" when there is no GTIN.
        Normalisation flexible = normalise(cookware().build(), COOKWARE);
        assertThat(texts(flexible)).containsEntry("gtin_code", "00");
        assertThat(flexible.payloadPreview()).contains("\"gtin_code\":\"00\"");
        // Optional: nothing, or "00" when asked.
        assertThat(normalise(shirt().build(), TSHIRTS).values()).doesNotContainKey("gtin_code");
        assertThat(texts(supplied(shirt().build(), TSHIRTS, "gtin_code", AttributeValue.text("00"))))
                .containsEntry("gtin_code", "00");
    }

    @ParameterizedTest
    @CsvSource({"7898945080293,true", "036000291452,true", "73513537,true", "10012345678902,true",
            "7898945080294,false", "4006381333932,false", "789894508029,false", "abc,false"})
    void gtinsAreValidatedByCheckDigit(String gtin, boolean valid) {
        Normalisation n = supplied(headphones().build(), HEADPHONES, "gtin_code", AttributeValue.text(gtin));
        if (valid) {
            assertThat(texts(n)).containsEntry("gtin_code", gtin);
            assertThat(n.violations()).isEmpty();
        } else {
            assertThat(codes(n, "gtin_code")).containsExactly(Violation.Code.INVALID_GTIN);
        }
    }

    @Test
    void theItemNameLengthIsCheckedBothWays() {
        assertThat(codes(normalise(headphones().name("Fone").build(), HEADPHONES), "item_name"))
                .containsExactly(Violation.Code.TOO_SHORT);
        assertThat(codes(normalise(headphones().name("F".repeat(101)).build(), HEADPHONES), "item_name"))
                .containsExactly(Violation.Code.TOO_LONG);
    }

    @Test
    void weightAndDimensionAreRequiredWhereTheCategorySays() {
        Product bare = Product.builder("FONE-1", "Fone de Ouvido JBL").brand("JBL").gtin("7898945080293")
                .attribute("Tipo de fone", AttributeValue.choice("Over-ear"))
                .attribute("Conectividade", AttributeValue.choice("Com fio")).build();
        Normalisation n = normalise(bare, HEADPHONES);
        assertThat(n.violations()).extracting(Violation::attribute).containsExactly("weight", "dimension");
        Product pan = cookware().build();
        Product panNoDims = new Product(pan.sku(), pan.name(), pan.brand(), pan.gtin(), pan.price(), Optional.empty(),
                pan.netWeight(), pan.grossWeight(), pan.status(), pan.categoryKey(), pan.attributes());
        assertThat(normalise(panNoDims, COOKWARE).violations()).isEmpty();
    }

    @Test
    void quantitativeValuesTakeAUnitFromTheUnitList() {
        Normalisation n = normalise(cookware().build(), COOKWARE);
        assertThat(n.violations()).isEmpty();
        assertThat(texts(n)).containsEntry("100135", "750 ml").containsEntry("100134", "Alumínio")
                .containsEntry("100136", "5");
        assertThat(n.payloadPreview()).contains("{\"attribute_id\":100135,\"attribute_value_list\":[{\"value_id\":0,"
                + "\"original_value_name\":\"750\",\"value_unit\":\"ml\"}]}");
        assertThat(normalise(cookware().attribute("Capacidade", AttributeValue.choice("1l")).build(), COOKWARE)
                .values().get("100135").valueIds()).containsExactly("6001");
        assertThat(texts(normalise(cookware().attribute("Capacidade", AttributeValue.text("0,75 l")).build(), COOKWARE)))
                .containsEntry("100135", "0.75 L");
        assertThat(codes(normalise(cookware().attribute("Capacidade", AttributeValue.text("3 kg")).build(), COOKWARE),
                "100135")).containsExactly(Violation.Code.INVALID_UNIT);
        assertThat(texts(supplied(headphones().build(), HEADPHONES, "100061", AttributeValue.text("0,25 kg"))))
                .containsEntry("100061", "0.25 kg");
    }

    @Test
    void integerAndStringValidationTypesAreEnforced() {
        assertThat(codes(normalise(cookware().attribute("Quantidade de Peças", AttributeValue.text("5,5")).build(), COOKWARE),
                "100136")).containsExactly(Violation.Code.INVALID_VALUE);
        assertThat(codes(normalise(cookware().attribute("Quantidade de Peças", AttributeValue.text("cinco")).build(),
                COOKWARE), "100136")).containsExactly(Violation.Code.INVALID_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/12/2026", "2026-12-31"})
    void datesAreCheckedInTheirFormatAndSentAsUnixSeconds(String given) {
        Normalisation n = supplied(cookware().build(), COOKWARE, "100138", AttributeValue.text(given));
        assertThat(texts(n)).containsEntry("100138", "31/12/2026");
        assertThat(n.payloadPreview()).contains("\"original_value_name\":\"1798686000\"");
    }

    @Test
    void monthDatesAndInvalidDates() {
        Normalisation month = supplied(headphones().build(), HEADPHONES, "100200", AttributeValue.text("06/2021"));
        assertThat(texts(month)).containsEntry("100200", "06/2021");
        assertThat(month.payloadPreview()).contains("\"original_value_name\":\"1622516400\"");
        assertThat(codes(supplied(cookware().build(), COOKWARE, "100138", AttributeValue.text("31/02/2026")), "100138"))
                .containsExactly(Violation.Code.INVALID_VALUE);
    }

    @Test
    void anUnknownInputTypeIsKeptAsTextWithAWarning() {
        Normalisation n = supplied(headphones().build(), HEADPHONES, "100888", AttributeValue.text("Sim"));
        assertThat(n.violations()).isEmpty();
        assertThat(warningCodes(n, "100888")).containsExactly(Warning.Code.UNKNOWN_TYPE);
    }

    @Test
    void shopeeErrorsAndUnknownCategoriesAreViolations() {
        ShopeeMapper failing = new ShopeeMapper(new ShopeeRequirements(DocumentSource.fetcher(name -> name.startsWith(
                "get_attribute_tree") ? Optional.of("{\"error\":\"error_invalid_category\",\"message\":\"Invalid category ID\","
                + "\"request_id\":\"x\"}") : Optional.empty()).orElse(Fixtures.shopee())));
        Normalisation n = failing.normalise(headphones().build(), Fixtures.store("shopee"), HEADPHONES);
        assertThat(codes(n, "category")).containsExactly(Violation.Code.CATEGORY_UNAVAILABLE);
        assertThat(n.violations().get(0).message()).contains("error_invalid_category");
        assertThat(codes(normalise(headphones().build(), "424242"), "category"))
                .containsExactly(Violation.Code.CATEGORY_UNAVAILABLE);
        assertThat(codes(normalise(headphones().build(), "100010"), "category"))
                .containsExactly(Violation.Code.NOT_LEAF_CATEGORY);
    }
}
