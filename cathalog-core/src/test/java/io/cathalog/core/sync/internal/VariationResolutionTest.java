package io.cathalog.core.sync.internal;

import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.core.sync.AttentionItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Attribute rules on a family: each variation resolved where the attribute is per variation. */
class VariationResolutionTest {

    private static Product family(Variation... extra) {
        Product.Builder b = Product.builder("CAM", "Camiseta Básica").category("roupas").brand("Hering")
                .grossWeight(Weight.of(new BigDecimal("200"), WeightUnit.GRAM))
                .variation(Variation.builder("CAM-AZ-P").option("Cor", "Azul").option("Tamanho", "P").build())
                .variation(Variation.builder("CAM-AZ-M").option("Cor", "Azul").option("Tamanho", "M")
                        .gtin("7891000100103").build())
                .variation(Variation.builder("CAM-PR-P").option("Cor", "Preto").option("Tamanho", "P").build());
        for (Variation v : extra) {
            b.variation(v);
        }
        return b.build();
    }

    private static DesiredProduct resolve(Product product, AttributeRule... rules) {
        Catalog.Builder c = Catalog.builder().category(Category.root("roupas", "Roupas")).product(product);
        for (AttributeRule r : rules) {
            c.attributeRule(r);
        }
        return new Resolver(c.build(), Map.of(), Map.of(), Map.of()).resolve(product.sku(), Optional.empty(),
                Optional.of(product));
    }

    private static DesiredVariation variation(DesiredProduct d, String sku) {
        return d.variations().stream().filter(v -> v.sku().equals(sku)).findFirst().orElseThrow();
    }

    private static AttributeRule rule(String id, String attribute, AttributeSource source) {
        return new AttributeRule(id, Optional.empty(), attribute, source);
    }

    @Test
    void anOverrideKeyedByAVariationsSkuFillsThatVariationAndNamesTheRule() {
        DesiredProduct d = resolve(family(), rule("gtins", "gtin", new AttributeSource.Overrides(Map.of(
                "CAM-AZ-P", AttributeValue.text("7891000315507"), "CAM-PR-P", AttributeValue.text("7891017000359")))));

        assertThat(variation(d, "CAM-AZ-P").gtin()).contains(Decided.rule(
                io.cathalog.core.model.Gtin.of("7891000315507"), "gtins"));
        assertThat(variation(d, "CAM-PR-P").gtin().map(g -> g.value().digits())).contains("7891017000359");
        // Its own GTIN stays its own: an override it does not name does not touch it.
        assertThat(variation(d, "CAM-AZ-M").gtin()).contains(Decided.own(io.cathalog.core.model.Gtin.of("7891000100103")));
        // A GTIN is per variation: the parent gets none from the rule.
        assertThat(d.gtin()).isEmpty();
        assertThat(d.attention()).isEmpty();
        assertThat(variation(d, "CAM-AZ-P").toModel().gtin().map(g -> g.digits())).contains("7891000315507");
    }

    @Test
    void anOverrideOfTheVariationsSkuBeatsOneOfTheFamilysAndTheFamilysFillsTheRest() {
        Variation heavy = Variation.builder("CAM-PR-G").option("Cor", "Preto").option("Tamanho", "G")
                .grossWeight(Weight.of(new BigDecimal("260"), WeightUnit.GRAM)).build();
        DesiredProduct d = resolve(family(heavy), rule("estampa", "Estampa", new AttributeSource.Overrides(Map.of(
                "CAM", AttributeValue.text("Lisa"), "CAM-AZ-P", AttributeValue.text("Listrada")))));

        assertThat(variation(d, "CAM-AZ-P").attributes().get("Estampa"))
                .isEqualTo(Decided.rule(AttributeValue.text("Listrada"), "estampa"));
        assertThat(variation(d, "CAM-AZ-M").attributes().get("Estampa"))
                .isEqualTo(Decided.rule(AttributeValue.text("Lisa"), "estampa"));
        assertThat(d.custom().get("Estampa")).isEqualTo(Decided.rule(AttributeValue.text("Lisa"), "estampa"));
        // A weight no rule and no sibling makes per variation is the parent's; one declared is its own.
        assertThat(variation(d, "CAM-AZ-P").grossWeight().map(w -> w.value().toString())).contains("200 g");
        assertThat(variation(d, "CAM-PR-G").grossWeight().map(w -> w.value().toString())).contains("260 g");
    }

    @Test
    void aConstantFillsEveryVariationAndADefaultOnlyThoseWithoutAValue() {
        DesiredProduct constant = resolve(family(), rule("gtin-fixo", "gtin",
                new AttributeSource.Constant(AttributeValue.text("7891234567895"))));
        assertThat(constant.variations()).allSatisfy(v -> assertThat(v.gtin())
                .contains(Decided.rule(io.cathalog.core.model.Gtin.of("7891234567895"), "gtin-fixo")));

        DesiredProduct dflt = resolve(family(), rule("gtin-padrao", "gtin",
                new AttributeSource.Default(AttributeValue.text("7891234567895"))));
        assertThat(variation(dflt, "CAM-AZ-P").gtin()).contains(Decided.rule(
                io.cathalog.core.model.Gtin.of("7891234567895"), "gtin-padrao"));
        assertThat(variation(dflt, "CAM-AZ-M").gtin()).contains(Decided.own(
                io.cathalog.core.model.Gtin.of("7891000100103")));
    }

    @Test
    void fromNameReadsTheVariationsNameNotTheParents() {
        Variation printed = Variation.builder("CAM-PR-G").option("Cor", "Preto").option("Tamanho", "G")
                .attribute("Tom", AttributeValue.text("Escuro")).build();
        DesiredProduct d = resolve(family(printed), rule("tom-do-nome", "Tom",
                new AttributeSource.FromName("(azul|preto)", AttributeSource.ValueKind.TEXT, Optional.empty())));

        assertThat(variation(d, "CAM-AZ-P").attributes().get("Tom"))
                .isEqualTo(Decided.rule(AttributeValue.text("azul"), "tom-do-nome"));
        assertThat(variation(d, "CAM-PR-P").attributes().get("Tom"))
                .isEqualTo(Decided.rule(AttributeValue.text("preto"), "tom-do-nome"));
        assertThat(variation(d, "CAM-PR-G").attributes().get("Tom")).isEqualTo(Decided.own(AttributeValue.text("Escuro")));
        // The parent's name has no colour: nothing for the parent.
        assertThat(d.custom()).doesNotContainKey("Tom");
    }

    @Test
    void anOptionNameIsPerVariationItsValueItsOwnUnlessARuleOverridesIt() {
        DesiredProduct d = resolve(family(), rule("cor-ml", "Cor", new AttributeSource.Overrides(Map.of(
                "CAM-PR-P", AttributeValue.choice("Preto Fosco")))));

        assertThat(variation(d, "CAM-PR-P").attributes().get("Cor"))
                .isEqualTo(Decided.rule(AttributeValue.choice("Preto Fosco"), "cor-ml"));
        assertThat(variation(d, "CAM-AZ-P").attributes().get("Cor")).isEqualTo(Decided.own(AttributeValue.text("Azul")));
    }

    @Test
    void anInvalidGtinFromARuleNeedsAttentionNamingTheVariation() {
        DesiredProduct d = resolve(family(), rule("gtin-do-nome", "gtin", new AttributeSource.FromName(
                "camiseta basica (preto) p", AttributeSource.ValueKind.TEXT, Optional.empty())));

        assertThat(variation(d, "CAM-PR-P").gtin()).isEmpty();
        assertThat(d.attention()).extracting(AttentionItem::reason).containsExactly(
                "variation CAM-PR-P: GTIN 'preto' from rule 'gtin-do-nome' is invalid: a GTIN is 8, 12, 13 or 14"
                        + " digits with a correct check digit");
        assertThat(d.attention().get(0).key()).isEqualTo("CAM");
    }

    @Test
    void aGtinRuleFillsASimpleProductToo() {
        Product simple = Product.builder("PANELA", "Panela").category("roupas").build();
        DesiredProduct d = resolve(simple, rule("gtins", "gtin", new AttributeSource.Overrides(Map.of(
                "PANELA", AttributeValue.text("7891234567895")))));
        assertThat(d.gtin().map(g -> g.digits())).contains("7891234567895");
        assertThat(d.gtinRule()).contains("gtins");
        assertThat(d.variations()).isEmpty();
    }

    @Test
    void aGtinRulesLiteralValueIsCheckedLikeTheCatalogChecksAGtin() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule("x", "gtin",
                        new AttributeSource.Default(AttributeValue.text("7891234567890"))))
                .isInstanceOf(io.cathalog.core.ValidationException.class)
                .hasMessageContaining("/default").hasMessageContaining("check digit");
        List<String> accepted = List.of(rule("y", "gtin", new AttributeSource.Constant(
                AttributeValue.number(new BigDecimal("7891234567895")))).id());
        assertThat(accepted).containsExactly("y");
    }
}
