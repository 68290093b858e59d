package io.cathalog.bling.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanFormat;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncStateStore;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Families over the Bling sandbox, by real HTTP: a family created, a variation added, changed,
 * removed (only with prune) and renamed by hand in Bling; after each the account is what the
 * catalog says and a second plan is empty. No write of the engine deletes a variation the plan
 * did not name (the sandbox records every variation deleted), and a crash after any write of a
 * 50-variation plan is finished by the next run as an uninterrupted sync would have done it.
 */
class FamilySyncTest {
    private static final PlanOptions KEEP = PlanOptions.defaults();
    private static final PlanOptions PRUNE = PlanOptions.defaults().withPrune(true);

    private final MutableClock clock = new MutableClock(Instant.now());

    private static Variation v(String sku, String color, String size) {
        return Variation.builder(sku).option("Cor", color).option("Tamanho", size).build();
    }

    private static Catalog catalog(String category, List<Variation> variations) {
        Product.Builder shirt = Product.builder("CAM", "Camiseta").category(category).price(new BigDecimal("49.90"));
        variations.forEach(shirt::variation);
        return Catalog.builder().category(Category.root("roupas", "Roupas")).category(Category.root("moda", "Moda"))
                .product(shirt.build()).build();
    }

    private static List<Variation> three() {
        return List.of(Variation.builder("CAM-AZ-P").option("Cor", "Azul").option("Tamanho", "P")
                        .gtin("7891000315507").build(),
                v("CAM-AZ-M", "Azul", "M"), v("CAM-VM-P", "Vermelho", "P"));
    }

    private EngineFixture fixture() {
        return new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false), clock);
    }

    private ApplyReport sync(EngineFixture fx, Catalog catalog, PlanOptions options) {
        clock.advance(Duration.ofMinutes(1));
        ApplyReport report = fx.engine(CatalogSource.of(catalog), fx.remote()).build().sync(options);
        assertThat(report.outcomes()).as(report.toString()).noneMatch(o -> o.outcome() == Outcome.FAILED);
        clock.advance(Duration.ofMinutes(1));
        SyncPlan again = fx.engine(CatalogSource.of(catalog), fx.remote()).build().plan(options);
        assertThat(again.changes()).as(PlanFormat.TEXT.render(again)).isEmpty();
        return report;
    }

    /** The family in the sandbox: variation SKU to its options, in Bling's order. */
    private static Map<String, String> variations(EngineFixture fx) {
        ObjectNode p = fx.sandbox.account().productByCode("CAM").orElseThrow();
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode v : p.path("variacoes")) {
            out.put(v.path("codigo").asText(), v.path("variacao").path("nome").asText());
        }
        return out;
    }

    private static long variationId(EngineFixture fx, String sku) {
        return fx.sandbox.account().productByCode(sku).orElseThrow().path("id").asLong();
    }

    @Test
    void aFamilyLivesThroughAddChangeRemoveAndAHandRename() {
        try (EngineFixture fx = fixture()) {
            sync(fx, catalog("roupas", three()), KEEP);
            assertThat(variations(fx)).containsExactly(Map.entry("CAM-AZ-P", "Cor:Azul;Tamanho:P"),
                    Map.entry("CAM-AZ-M", "Cor:Azul;Tamanho:M"), Map.entry("CAM-VM-P", "Cor:Vermelho;Tamanho:P"));
            ObjectNode parent = fx.sandbox.account().productByCode("CAM").orElseThrow();
            assertThat(parent.path("formato").asText()).isEqualTo("V");
            assertThat(fx.sandbox.account().productByCode("CAM-AZ-P").orElseThrow().path("gtin").asText())
                    .isEqualTo("7891000315507");

            // One added, one changed (an option value renamed in the catalog).
            List<Variation> next = new ArrayList<>(three());
            next.set(2, v("CAM-VM-P", "Vinho", "P"));
            next.add(v("CAM-AZ-G", "Azul", "G"));
            sync(fx, catalog("roupas", next), KEEP);
            assertThat(variations(fx)).containsExactly(Map.entry("CAM-AZ-P", "Cor:Azul;Tamanho:P"),
                    Map.entry("CAM-AZ-M", "Cor:Azul;Tamanho:M"), Map.entry("CAM-VM-P", "Cor:Vinho;Tamanho:P"),
                    Map.entry("CAM-AZ-G", "Cor:Azul;Tamanho:G"));

            // Dropped from the catalog: kept without prune, removed with it.
            List<Variation> fewer = new ArrayList<>(next);
            fewer.remove(1);
            sync(fx, catalog("roupas", fewer), KEEP);
            assertThat(variations(fx)).containsKey("CAM-AZ-M");
            assertThat(fx.sandbox.account().deletedVariationCodes()).isEmpty();
            sync(fx, catalog("roupas", fewer), PRUNE);
            assertThat(variations(fx)).doesNotContainKey("CAM-AZ-M").hasSize(3);
            assertThat(fx.sandbox.account().deletedVariationCodes()).containsExactly("CAM-AZ-M");

            // Renamed by hand in Bling: drift, and the catalog's value is written back.
            clock.advance(Duration.ofMinutes(1));
            ObjectNode edit = JsonNodeFactory.instance.objectNode();
            edit.putObject("variacao").put("nome", "Cor:Azul;Tamanho:GG");
            fx.sandbox.account().editProduct(variationId(fx, "CAM-AZ-G"), edit);
            clock.advance(Duration.ofMinutes(1));
            SyncPlan drift = fx.engine(CatalogSource.of(catalog("roupas", fewer)), fx.remote()).build().plan(KEEP);
            assertThat(drift.drift()).singleElement().satisfies(d -> assertThat(d.key()).isEqualTo("CAM-AZ-G"));
            sync(fx, catalog("roupas", fewer), KEEP);
            assertThat(variations(fx)).containsEntry("CAM-AZ-G", "Cor:Azul;Tamanho:G");

            // Moved to another category: the parent's write, and its variations follow it in Bling.
            sync(fx, catalog("moda", fewer), KEEP);
            long moda = fx.sandbox.account().productByCode("CAM").orElseThrow().path("categoria").path("id").asLong();
            assertThat(fx.sandbox.account().productByCode("CAM-AZ-G").orElseThrow().path("categoria").path("id")
                    .asLong()).isEqualTo(moda);
            assertThat(fx.sandbox.account().deletedVariationCodes()).containsExactly("CAM-AZ-M");
        }
    }

    @Test
    void noWriteOfTheEngineDeletesAVariationThePlanDidNotName() {
        try (EngineFixture fx = fixture()) {
            sync(fx, catalog("roupas", three()), KEEP);
            // Someone adds a variation by hand in Bling (a PUT of the parent with every variation).
            ObjectNode parent = fx.sandbox.account().productByCode("CAM").orElseThrow();
            ObjectNode extra = parent.withArray("variacoes").addObject();
            extra.put("nome", "Camiseta Verde P").put("codigo", "CAM-VD-P").put("tipo", "P").put("situacao", "A")
                    .put("formato", "S");
            extra.putObject("variacao").put("nome", "Cor:Verde;Tamanho:P").put("ordem", 4);
            fx.sandbox.account().putProduct(parent);
            assertThat(variations(fx)).containsKey("CAM-VD-P");

            // Every kind of engine write on the family: parent fields, a category move, variations
            // added and changed, all without prune.
            Product.Builder renamed = Product.builder("CAM", "Camiseta básica").category("moda")
                    .price(new BigDecimal("59.90")).brand("Acme");
            three().forEach(renamed::variation);
            renamed.variation(v("CAM-AZ-G", "Azul", "G"));
            Catalog catalog = Catalog.builder().category(Category.root("roupas", "Roupas"))
                    .category(Category.root("moda", "Moda")).product(renamed.build()).build();
            SyncPlan plan = fx.engine(CatalogSource.of(catalog), fx.remote()).build().plan(KEEP);
            assertThat(plan.changes()).noneMatch(Change::destructive);
            sync(fx, catalog, KEEP);

            assertThat(fx.sandbox.account().deletedVariations()).isEmpty();
            assertThat(variations(fx)).containsKeys("CAM-AZ-P", "CAM-AZ-M", "CAM-VM-P", "CAM-VD-P", "CAM-AZ-G");
            assertThat(fx.sandbox.account().productByCode("CAM").orElseThrow().path("nome").asText())
                    .isEqualTo("Camiseta básica");

            // With prune, exactly the one the plan names.
            SyncPlan pruning = fx.engine(CatalogSource.of(catalog), fx.remote()).build().plan(PRUNE);
            assertThat(PlanFormat.TEXT.render(pruning)).contains("variation CAM-VD-P: \"Cor:Verde;Tamanho:P\" -> \"(removed)\"");
            sync(fx, catalog, PRUNE);
            assertThat(fx.sandbox.account().deletedVariationCodes()).containsExactly("CAM-VD-P");
        }
    }

    @Test
    void aVariationDeletedByHandFailsOneWriteThenTheNextRunConverges() {
        try (EngineFixture fx = fixture()) {
            sync(fx, catalog("roupas", three()), KEEP);
            // Deleted by hand in Bling: no change time the engine watches moves.
            clock.advance(Duration.ofMinutes(1));
            fx.sandbox.account().deleteProduct(variationId(fx, "CAM-AZ-M"));
            List<Variation> next = new ArrayList<>(three());
            next.add(v("CAM-AZ-G", "Azul", "G"));
            Catalog catalog = catalog("roupas", next);

            clock.advance(Duration.ofMinutes(1));
            ApplyReport first = fx.engine(CatalogSource.of(catalog), fx.remote()).build().sync(KEEP);
            assertThat(first.outcomes()).anyMatch(o -> o.outcome() == Outcome.FAILED);

            sync(fx, catalog, KEEP);
            assertThat(variations(fx)).containsOnlyKeys("CAM-AZ-P", "CAM-AZ-M", "CAM-VM-P", "CAM-AZ-G");
            assertThat(fx.sandbox.account().deletedVariationCodes()).containsExactly("CAM-AZ-M");
        }
    }

    /** 10 families of 5 variations: 50 variations, created by 10 writes (and a category). */
    private static Catalog fifty(boolean changed) {
        Catalog.Builder b = Catalog.builder().category(Category.root("roupas", "Roupas"));
        String[] colors = {"Azul", "Preto", "Branco", "Verde", "Rosa"};
        for (int f = 0; f < 10; f++) {
            Product.Builder p = Product.builder("FAM-" + f, "Família " + f).category("roupas")
                    .price(new BigDecimal("30.00"));
            for (int i = 0; i < (changed ? 6 : 5); i++) {
                String color = changed && i == 0 ? "Azul marinho" : colors[i % 5];
                p.variation(Variation.builder("FAM-" + f + "-" + i).option("Cor", color)
                        .option("Tamanho", i == 5 ? "G" : "M").price(new BigDecimal(changed ? "35.00" : "30.00")).build());
            }
            b.product(p.build());
        }
        return b.build();
    }

    private static SyncEngine engine(EngineFixture fx, Catalog catalog, SyncStateStore state, CatalogRemote remote) {
        return io.cathalog.core.sync.SyncEngine.builder().account(fx.account).source(CatalogSource.of(catalog))
                .remote(remote).state(state).clock(fx.clock).scope(ProductScope.declaredOnly()).build();
    }

    @Test
    void aCrashAfterAnyWriteOfAFiftyVariationPlanIsFinishedWithoutDuplicatesOrLosses() {
        for (boolean second : new boolean[] {false, true}) {
            List<String> expected;
            int writes;
            try (EngineFixture fx = fixture()) {
                SyncStateStore state = new InMemorySyncStateStore();
                if (second) {
                    engine(fx, fifty(false), state, fx.remote()).sync(KEEP);
                    clock.advance(Duration.ofMinutes(1));
                }
                int before = fx.sandbox.requestLog().writes().size();
                SyncEngine engine = engine(fx, fifty(second), state, fx.remote());
                ApplyReport report = engine.sync(KEEP);
                assertThat(report.outcomes()).noneMatch(o -> o.outcome() == Outcome.FAILED);
                writes = fx.sandbox.requestLog().writes().size() - before;
                expected = fx.sandbox.account().contents();
                assertThat(new HashSet<>(expected)).hasSize(expected.size());
                assertThat(String.join("\n", expected)).contains("FAM-9-4{Cor:Rosa;Tamanho:M}");
            }
            assertThat(writes).as("second=%s", second).isGreaterThanOrEqualTo(10);

            for (int crashAt = 1; crashAt <= writes; crashAt++) {
                try (EngineFixture fx = fixture()) {
                    SyncStateStore state = new InMemorySyncStateStore();
                    if (second) {
                        engine(fx, fifty(false), state, fx.remote()).sync(KEEP);
                        clock.advance(Duration.ofMinutes(1));
                    }
                    CrashingRemote crashing = new CrashingRemote(fx.remote(), crashAt);
                    Catalog target = fifty(second);
                    assertThatThrownBy(() -> engine(fx, target, state, crashing).sync(KEEP))
                            .isInstanceOf(CrashingRemote.Crash.class);
                    clock.advance(Duration.ofSeconds(30));

                    SyncEngine again = engine(fx, target, state, fx.remote());
                    ApplyReport resumed = again.sync(KEEP);
                    assertThat(resumed.outcomes()).as("crash after write %d", crashAt)
                            .noneMatch(o -> o.outcome() == Outcome.FAILED);
                    assertThat(fx.sandbox.account().contents()).as("second=%s, crash after write %d", second, crashAt)
                            .isEqualTo(expected);
                    assertThat(fx.sandbox.account().deletedVariations()).as("crash after write %d", crashAt).isEmpty();
                    clock.advance(Duration.ofMinutes(1));
                    assertThat(again.plan(KEEP).changes()).as("crash after write %d", crashAt).isEmpty();
                }
            }
        }
    }
}
