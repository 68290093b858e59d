package io.cathalog.core.sync.internal;

import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.CategorisationRule;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductMatch;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.sync.AttentionItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What each product should be: its category and its attributes, and who decided them. */
class ResolverTest {
    private static final Catalog CATALOG = Catalog.builder()
            .category(Category.root("audio", "Áudio"))
            .category(Category.child("phones", "Fones", "audio"))
            .category(Category.root("other", "Outros"))
            .categorisationRule(new CategorisationRule("by-prefix", "phones", ProductMatch.builder().skuPrefix("F-").build()))
            .categorisationRule(new CategorisationRule("by-name", "other", ProductMatch.builder().nameKeyword("fone").build()))
            .attributeRule(new AttributeRule("audio-brand", Optional.of("audio"), "brand",
                    new AttributeSource.Default(AttributeValue.text("Acme"))))
            .attributeRule(new AttributeRule("weight-from-name", Optional.empty(), "gross_weight",
                    new AttributeSource.FromName("(\\d+)\\s*g\\b", AttributeSource.ValueKind.NUMBER, Optional.of("g"))))
            .build();

    /** ERP category 20 is "audio"; 30 is one the catalog does not have. */
    private final Resolver resolver = new Resolver(CATALOG, Map.of(20L, "audio"),
            Map.of(20L, "Áudio", 30L, "Velha"), Map.of());

    private static RemoteProduct erp(String sku, String name, OptionalLong category, Optional<String> gtin) {
        return new RemoteProduct(1, Optional.of(sku), name, io.cathalog.core.model.ProductStatus.ACTIVE,
                Optional.empty(), gtin, Optional.empty(), category, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    @Test
    void aDeclaredCategoryBeatsTheRules() {
        DesiredProduct d = resolver.resolve("F-1", Optional.empty(),
                Optional.of(Product.builder("F-1", "Fone").category("other").build()));

        assertThat(d.categoryKey()).contains(Decided.own("other"));
    }

    @Test
    void theFirstMatchingRuleWins() {
        DesiredProduct d = resolver.resolve("F-1", Optional.of(erp("F-1", "Fone azul", OptionalLong.of(20),
                Optional.empty())), Optional.empty());

        assertThat(d.categoryKey()).contains(Decided.rule("phones", "by-prefix"));
    }

    @Test
    void withoutARuleTheErpsCategoryIsKeptWhenTheCatalogHasIt() {
        DesiredProduct kept = resolver.resolve("X", Optional.of(erp("X", "Caixa", OptionalLong.of(20),
                Optional.empty())), Optional.empty());
        DesiredProduct unknown = resolver.resolve("Y", Optional.of(erp("Y", "Caixa", OptionalLong.of(30),
                Optional.empty())), Optional.empty());

        assertThat(kept.categoryKey()).contains(Decided.own("audio"));
        assertThat(unknown.categoryKey()).isEmpty();
        assertThat(unknown.attention()).extracting(AttentionItem::reason).singleElement()
                .satisfies(r -> assertThat(r).contains("'Velha'").contains("no rule categorises it"));
    }

    @Test
    void attributeRulesApplyOnlyInTheirCategoryAndBelow() {
        DesiredProduct phone = resolver.resolve("F-1", Optional.empty(),
                Optional.of(Product.builder("F-1", "Fone 250 g").build()));
        DesiredProduct other = resolver.resolve("O-1", Optional.empty(),
                Optional.of(Product.builder("O-1", "Cabo").category("other").build()));

        assertThat(phone.brand()).contains(Decided.rule("Acme", "audio-brand"));
        assertThat(phone.grossWeight()).contains(Decided.rule(Weight.of(new BigDecimal("250"), WeightUnit.GRAM),
                "weight-from-name"));
        assertThat(other.brand()).isEmpty();
        assertThat(other.grossWeight()).isEmpty();
    }

    @Test
    void theProductsOwnValueBeatsADerivedOne() {
        DesiredProduct d = resolver.resolve("F-1", Optional.empty(), Optional.of(Product.builder("F-1", "Fone 250 g")
                .grossWeight(Weight.of("0.3", WeightUnit.KILOGRAM)).build()));

        assertThat(d.grossWeight()).contains(Decided.own(Weight.of("0.3", WeightUnit.KILOGRAM)));
    }

    @Test
    void aValidGtinInTheErpIsKeptAndAnInvalidOneNeedsAttention() {
        DesiredProduct valid = resolver.resolve("X", Optional.of(erp("X", "Caixa", OptionalLong.of(20),
                Optional.of("7891234567895"))), Optional.empty());
        DesiredProduct invalid = resolver.resolve("Y", Optional.of(erp("Y", "Caixa", OptionalLong.of(20),
                Optional.of("123"))), Optional.empty());

        assertThat(valid.gtin()).contains(Gtin.of("7891234567895"));
        assertThat(valid.attention()).isEmpty();
        assertThat(invalid.gtin()).isEmpty();
        assertThat(invalid.attention()).extracting(AttentionItem::reason).singleElement()
                .satisfies(r -> assertThat(r).contains("'123'").contains("invalid"));
    }

    @Test
    void theNameAndStatusComeFromTheCatalogElseTheErp() {
        DesiredProduct undeclared = resolver.resolve("X", Optional.of(erp("X", "Nome no ERP", OptionalLong.of(20),
                Optional.empty())), Optional.empty());

        assertThat(undeclared.name()).isEqualTo("Nome no ERP");
        assertThat(undeclared.declared()).isFalse();
    }
}
