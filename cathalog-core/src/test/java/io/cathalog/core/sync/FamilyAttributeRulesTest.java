package io.cathalog.core.sync;

import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteVariation;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Attribute rules that fill a family's variations, through the engine against the in-memory ERP. */
class FamilyAttributeRulesTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock);
    private final InMemorySyncStateStore state = new InMemorySyncStateStore();

    private static Catalog catalog(Map<String, AttributeValue> gtins) {
        Product shirt = Product.builder("CAM", "Camiseta").category("roupas").price(new BigDecimal("49.90"))
                .variation(Variation.builder("CAM-AZ-P").option("Cor", "Azul").option("Tamanho", "P").build())
                .variation(Variation.builder("CAM-AZ-M").option("Cor", "Azul").option("Tamanho", "M").build())
                .variation(Variation.builder("CAM-VM-P").option("Cor", "Vermelho").option("Tamanho", "P").build())
                .build();
        return Catalog.builder().category(Category.root("roupas", "Roupas")).product(shirt)
                .attributeRule(new AttributeRule("gtins", Optional.empty(), "gtin", new AttributeSource.Overrides(gtins)))
                .build();
    }

    private static Map<String, AttributeValue> gtins() {
        return Map.of("CAM-AZ-P", AttributeValue.text("7891000315507"), "CAM-AZ-M",
                AttributeValue.text("7891000100103"), "CAM-VM-P", AttributeValue.text("7891000053508"));
    }

    private SyncEngine engine(Catalog catalog) {
        return SyncEngine.builder().account("acme").source(CatalogSource.of(catalog)).remote(remote).state(state)
                .clock(clock).build();
    }

    private void sync(Catalog catalog) {
        clock.advance(Duration.ofMinutes(5));
        ApplyReport report = engine(catalog).sync(PlanOptions.defaults());
        assertThat(report.hasFailures()).as(report.toString()).isFalse();
    }

    private void assertSecondPlanEmpty(Catalog catalog) {
        clock.advance(Duration.ofMinutes(5));
        SyncPlan again = engine(catalog).plan(PlanOptions.defaults());
        assertThat(again.changes()).as(PlanFormat.TEXT.render(again)).isEmpty();
        assertThat(again.attention()).isEmpty();
    }

    private RemoteProduct family() {
        return remote.productsWithSku("CAM").get(0);
    }

    private Map<String, Optional<String>> gtinsInTheErp() {
        Map<String, Optional<String>> out = new java.util.TreeMap<>();
        family().variations().forEach(v -> out.put(v.sku().orElse(""), v.gtin()));
        return out;
    }

    @Test
    void aRuleFillsTheGtinsOfANewFamilysVariationsAndThePlanNamesIt() {
        Catalog catalog = catalog(gtins());
        SyncPlan plan = engine(catalog).plan(PlanOptions.defaults());
        Change.CreateProduct create = plan.changes().stream().filter(c -> c instanceof Change.CreateProduct)
                .map(Change.CreateProduct.class::cast).findFirst().orElseThrow();
        assertThat(create.variations()).allSatisfy(v -> assertThat(v.values().gtin()).hasValueSatisfying(
                g -> assertThat(g.decidedBy()).contains("gtins")));
        assertThat(create.values().gtin()).isEmpty();
        assertThat(PlanFormat.TEXT.render(plan)).contains("variation CAM-AZ-M gtin").contains("(rule gtins)");
        assertThat(PlanFormat.parseJson(PlanFormat.JSON.render(plan))).isEqualTo(plan);

        sync(catalog);

        assertThat(gtinsInTheErp()).containsExactly(Map.entry("CAM-AZ-M", Optional.of("7891000100103")),
                Map.entry("CAM-AZ-P", Optional.of("7891000315507")), Map.entry("CAM-VM-P", Optional.of("7891000053508")));
        assertThat(family().gtin()).isEmpty();
        assertSecondPlanEmpty(catalog);
    }

    @Test
    void aRuleFillsAnExistingFamilysVariationsInOneWriteThatKeepsEveryVariation() {
        sync(catalog(Map.of("CAM-AZ-P", AttributeValue.text("7891000315507"))));
        assertThat(gtinsInTheErp()).containsEntry("CAM-AZ-M", Optional.empty());

        Catalog catalog = catalog(gtins());
        SyncPlan plan = engine(catalog).plan(PlanOptions.defaults());
        Change.UpdateVariations update = plan.changes().stream().filter(c -> c instanceof Change.UpdateVariations)
                .map(Change.UpdateVariations.class::cast).findFirst().orElseThrow();
        assertThat(update.variations()).extracting(VariationEntry::sku, VariationEntry::action).containsExactly(
                org.assertj.core.api.Assertions.tuple("CAM-AZ-P", VariationEntry.Action.KEEP),
                org.assertj.core.api.Assertions.tuple("CAM-AZ-M", VariationEntry.Action.CHANGE),
                org.assertj.core.api.Assertions.tuple("CAM-VM-P", VariationEntry.Action.CHANGE));
        assertThat(update.variations().get(1).values().gtin().get().decidedBy()).contains("gtins");

        sync(catalog);

        assertThat(gtinsInTheErp().values()).allSatisfy(g -> assertThat(g).isPresent());
        assertThat(remote.deletedVariations()).isEmpty();
        assertSecondPlanEmpty(catalog);
    }

    @Test
    void aGtinARuleFilledAndAPersonChangedInTheErpIsDrift() {
        Catalog catalog = catalog(gtins());
        sync(catalog);
        RemoteVariation m = family().variations().stream().filter(v -> v.sku().equals(Optional.of("CAM-AZ-M")))
                .findFirst().orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        remote.editVariation(m.id(), m.options(), new ProductChanges(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Gtin.of("7891017000359")), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()));

        SyncPlan plan = engine(catalog).plan(PlanOptions.defaults());
        assertThat(plan.drift()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("CAM-AZ-M");
            assertThat(d.field()).isEqualTo("gtin");
        });
        sync(catalog);

        assertThat(gtinsInTheErp()).containsEntry("CAM-AZ-M", Optional.of("7891000100103"));
        assertSecondPlanEmpty(catalog);
    }

    @Test
    void aDefaultLeavesAGtinTheErpAlreadyHoldsOnAVariation() {
        sync(catalog(Map.of("CAM-AZ-P", AttributeValue.text("7891000315507"))));
        // A catalog whose rule is a default: the variation that has a GTIN in the ERP keeps it.
        Product shirt = catalog(gtins()).products().get(0);
        Catalog catalog = Catalog.builder().category(Category.root("roupas", "Roupas")).product(shirt)
                .attributeRule(new AttributeRule("gtin-padrao", Optional.empty(), "gtin",
                        new AttributeSource.Default(AttributeValue.text("7891234567895"))))
                .build();

        sync(catalog);

        assertThat(gtinsInTheErp()).containsEntry("CAM-AZ-P", Optional.of("7891000315507"))
                .containsEntry("CAM-AZ-M", Optional.of("7891234567895"));
        assertSecondPlanEmpty(catalog);
    }
}
