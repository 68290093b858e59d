package io.cathalog.marketplaces;

import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Variation;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mappers see a family's variations as the attribute rules resolve them: a rule that fills
 * the variations' GTINs meets Mercado Livre's "GTIN per variation" in the engine's plan.
 */
class FamilyGtinRuleMarketplaceTest {
    private static final long STORE = 205001;

    private static Catalog catalog(List<AttributeRule> rules) {
        Product shirt = Product.builder("CAM", "Camiseta Básica Algodão").brand("Hering").category("camisetas")
                .price(new BigDecimal("49.90")).dimensions(Fixtures.cm("25", "3", "30")).grossWeight(Fixtures.kg("0.2"))
                .attribute("Gênero", AttributeValue.choice("sem genero"))
                .attribute("Material principal", AttributeValue.choice("algodao"))
                .variation(Variation.builder("CAM-AZ-P").option("Cor", "Azul").option("Tamanho", "P").build())
                .variation(Variation.builder("CAM-AZ-M").option("Cor", "Azul").option("Tamanho", "M").build())
                .build();
        Catalog.Builder b = Catalog.builder().category(Category.root("camisetas", "Camisetas")).product(shirt)
                .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre", Map.of("camisetas", "MLB31447")));
        rules.forEach(b::attributeRule);
        return b.build();
    }

    private static List<String> gtinAttention(Catalog catalog) {
        MutableClock clock = MutableClock.atDefaultInstant();
        InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock).addStore(STORE, "Mercado Livre", "MercadoLivre");
        SyncPlan plan = SyncEngine.builder().account("acme").source(CatalogSource.of(catalog)).remote(remote)
                .state(new InMemorySyncStateStore()).clock(clock)
                .marketplaces(MarketplaceRegistry.load(FamilyGtinRuleMarketplaceTest.class.getClassLoader())).build()
                .plan(PlanOptions.defaults());
        return plan.attention().stream().map(AttentionItem::reason).filter(r -> r.contains("rule GTIN per variation"))
                .toList();
    }

    @Test
    void aRuleThatFillsTheVariationsGtinsMeetsMercadoLivresGtinPerVariation() {
        assertThat(gtinAttention(catalog(List.of()))).hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("family CAM").contains("variation CAM-AZ-P"));

        AttributeRule gtins = new AttributeRule("gtins", Optional.empty(), "gtin", new AttributeSource.Overrides(Map.of(
                "CAM-AZ-P", AttributeValue.text("7891000315507"), "CAM-AZ-M", AttributeValue.text("7891000100103"))));
        assertThat(gtinAttention(catalog(List.of(gtins)))).isEmpty();
    }
}
