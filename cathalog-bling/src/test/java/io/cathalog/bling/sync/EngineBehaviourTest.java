package io.cathalog.bling.sync;

import io.cathalog.bling.BlingPacing;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.ConflictException;
import io.cathalog.core.StalePlanException;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.DriftPolicy;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Categories moved, renamed and pruned; stale plans; drift; progress. */
class EngineBehaviourTest {

    private final AtomicReference<Catalog> catalog = new AtomicReference<>();

    private static Catalog.Builder tree() {
        return Catalog.builder()
                .category(Category.root("home", "Casa"))
                .category(Category.root("garden", "Jardim"))
                .category(Category.child("kitchen", "Cozinha", "home"));
    }

    private SyncEngine engine(EngineFixture fx, List<SyncProgress> progress) {
        return fx.engine(() -> catalog.get(), fx.remote()).scope(ProductScope.declaredOnly()).progress(progress::add).build();
    }

    private static EngineFixture empty() {
        return new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false));
    }

    @Test
    void renamesKeepTheCategoryAndMovesNeedConsent() {
        try (EngineFixture fx = empty()) {
            List<SyncProgress> progress = new ArrayList<>();
            catalog.set(tree().product(Product.builder("P-1", "Panela").category("kitchen").build()).build());
            SyncEngine engine = engine(fx, progress);
            engine.sync(PlanOptions.defaults());
            long kitchen = fx.sandbox.account().categories().stream()
                    .filter(c -> c.path("descricao").asText().equals("Cozinha")).findFirst().orElseThrow().path("id").asLong();

            catalog.set(Catalog.builder().category(Category.root("home", "Casa"))
                    .category(Category.root("garden", "Jardim"))
                    .category(Category.child("kitchen", "Cozinha e Mesa", "home"))
                    .product(Product.builder("P-1", "Panela").category("kitchen").build()).build());
            SyncPlan rename = engine.plan(PlanOptions.defaults());
            assertThat(rename.changes()).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(ChangeAction.UPDATE);
                assertThat(c.remoteId()).hasValue(kitchen);
            });
            engine.apply(rename);
            assertThat(fx.sandbox.account().categories()).anySatisfy(c -> {
                assertThat(c.path("id").asLong()).isEqualTo(kitchen);
                assertThat(c.path("descricao").asText()).isEqualTo("Cozinha e Mesa");
            });

            // Moved under another parent: Bling cannot re-parent, so it needs allowMoves.
            catalog.set(Catalog.builder().category(Category.root("home", "Casa"))
                    .category(Category.root("garden", "Jardim"))
                    .category(Category.child("kitchen", "Cozinha e Mesa", "garden"))
                    .product(Product.builder("P-1", "Panela").category("kitchen").build()).build());
            SyncPlan refused = engine.plan(PlanOptions.defaults());
            assertThat(refused.changes()).isEmpty();
            assertThat(refused.attention()).anySatisfy(a -> assertThat(a.reason()).contains("allowMoves"));

            SyncPlan move = engine.plan(PlanOptions.defaults().withMoves(true));
            assertThat(move.changes()).extracting(Change::action)
                    .containsExactly(ChangeAction.REPLACE, ChangeAction.UPDATE, ChangeAction.DELETE);
            assertThat(move.changes()).filteredOn(Change::destructive).hasSize(2);
            ApplyReport moved = engine.apply(move);
            assertThat(moved.outcomes()).extracting(o -> o.outcome())
                    .containsExactly(Outcome.CREATED, Outcome.UPDATED, Outcome.DELETED);
            ObjectNode newKitchen = fx.sandbox.account().categories().stream()
                    .filter(c -> c.path("descricao").asText().equals("Cozinha e Mesa")).findFirst().orElseThrow();
            assertThat(newKitchen.path("id").asLong()).isNotEqualTo(kitchen);
            long garden = fx.sandbox.account().categories().stream()
                    .filter(c -> c.path("descricao").asText().equals("Jardim")).findFirst().orElseThrow().path("id").asLong();
            assertThat(newKitchen.path("categoriaPai").path("id").asLong()).isEqualTo(garden);
            assertThat(fx.sandbox.account().productByCode("P-1").orElseThrow().path("categoria").path("id").asLong())
                    .isEqualTo(newKitchen.path("id").asLong());
            assertThat(engine.plan(PlanOptions.defaults()).changes()).isEmpty();
            assertThat(progress).extracting(SyncProgress::phase).contains(SyncProgress.Phase.OBSERVE,
                    SyncProgress.Phase.PLAN, SyncProgress.Phase.APPLY, SyncProgress.Phase.DONE);
        }
    }

    @Test
    void pruningDeletesOnlyEmptyCategoriesChildrenFirst() {
        try (EngineFixture fx = empty()) {
            long old = fx.sandbox.account().addCategory("Antiga", 0);
            long oldChild = fx.sandbox.account().addCategory("Antiga Filha", old);
            long busy = fx.sandbox.account().addCategory("Com Produto", 0);
            ObjectNode p = fx.sandbox.account().product(fx.sandbox.account().putProduct(io.cathalog.bling.internal.Nodes.object()
                    .put("nome", "Vaso").put("codigo", "X-1").put("tipo", "P").put("situacao", "A").put("formato", "S")))
                    .orElseThrow();
            p.putObject("categoria").put("id", busy);
            fx.sandbox.account().putProduct(p);
            catalog.set(tree().build());
            SyncEngine engine = engine(fx, new ArrayList<>());
            assertThat(engine.plan(PlanOptions.defaults()).changes()).noneMatch(c -> c.action() == ChangeAction.DELETE);
            SyncPlan prune = engine.plan(PlanOptions.defaults().withPrune(true));
            List<Long> deletions = prune.changes().stream().filter(c -> c.action() == ChangeAction.DELETE)
                    .map(c -> c.remoteId().getAsLong()).toList();
            assertThat(deletions).containsExactly(oldChild, old);
            engine.apply(prune);
            assertThat(fx.sandbox.account().categories()).extracting(c -> c.path("id").asLong())
                    .doesNotContain(old, oldChild).contains(busy);
        }
    }

    @Test
    void aSavedPlanIsRefusedOnceBlingChanged() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (EngineFixture fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false), clock)) {
            catalog.set(tree().product(Product.builder("P-1", "Panela").brand("Tramontina").category("kitchen").build())
                    .build());
            SyncEngine engine = engine(fx, new ArrayList<>());
            engine.sync(PlanOptions.defaults());
            catalog.set(tree().product(Product.builder("P-1", "Panela Inox").brand("Tramontina").category("kitchen").build())
                    .build());
            clock.advance(java.time.Duration.ofMinutes(1));
            SyncPlan plan = SyncPlan.fromJson(engine.plan(PlanOptions.defaults()).toJson());
            // Someone edits the product in Bling after the plan was made.
            clock.advance(java.time.Duration.ofMinutes(1));
            ObjectNode p = fx.sandbox.account().productByCode("P-1").orElseThrow();
            p.put("marca", "Outra");
            fx.sandbox.account().putProduct(p);
            assertThatThrownBy(() -> engine.apply(plan)).isInstanceOf(StalePlanException.class)
                    .hasMessageContaining("stale");
            assertThat(fx.sandbox.account().productByCode("P-1").orElseThrow().path("nome").asText()).isEqualTo("Panela");
            // A fresh plan applies.
            assertThat(engine.sync(PlanOptions.defaults()).outcomes()).extracting(o -> o.outcome()).containsOnly(Outcome.UPDATED);
        }
    }

    @Test
    void driftIsReportedAndThePolicyDecides() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (EngineFixture fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false), clock)) {
            catalog.set(tree().product(Product.builder("P-1", "Panela").brand("Tramontina").category("kitchen").build())
                    .build());
            SyncEngine engine = engine(fx, new ArrayList<>());
            engine.sync(PlanOptions.defaults());
            // Ten minutes later someone edits the brand by hand, a field the product list does not show.
            clock.advance(java.time.Duration.ofMinutes(10));
            ObjectNode p = fx.sandbox.account().productByCode("P-1").orElseThrow();
            p.put("marca", "Editada a mao");
            fx.sandbox.account().putProduct(p);

            SyncPlan fail = engine.plan(PlanOptions.defaults().withDrift(DriftPolicy.FAIL));
            assertThat(fail.drift()).singleElement().satisfies(d -> {
                assertThat(d.key()).isEqualTo("P-1");
                assertThat(d.field()).isEqualTo("brand");
                assertThat(d.lastKnown()).contains("Tramontina");
                assertThat(d.now()).contains("Editada a mao");
            });
            assertThat(fail.render()).contains("~ drift product P-1 brand");
            assertThatThrownBy(() -> engine.sync(PlanOptions.defaults().withDrift(DriftPolicy.FAIL)))
                    .isInstanceOf(ConflictException.class);

            // The drift stays visible until the product is read again with a full refresh.
            SyncPlan keep = engine.plan(PlanOptions.defaults().withFullRefresh(true).withDrift(DriftPolicy.KEEP_REMOTE));
            assertThat(keep.changes()).isEmpty();

            engine.sync(PlanOptions.defaults().withFullRefresh(true));
            assertThat(fx.sandbox.account().productByCode("P-1").orElseThrow().path("marca").asText()).isEqualTo("Tramontina");
        }
    }

    @Test
    void anIncrementalRunReadsOnlyWhatChanged() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (EngineFixture fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false)
                .seedDemo(), clock)) {
            SyncEngine engine = fx.demoEngine();
            engine.sync(PlanOptions.defaults());
            engine.sync(PlanOptions.defaults());
            fx.sandbox.resetRequestLog();
            assertThat(engine.plan(PlanOptions.defaults()).changes()).isEmpty();
            long reads = fx.sandbox.requestLog().size();
            assertThat(fx.sandbox.requestLog().forRoute("GET /produtos/{idProduto}")).isEmpty();
            // 300 products, 2 stores: a no-change run costs a handful of list pages, not a read per product.
            assertThat(reads).isLessThan(20);

            clock.advance(java.time.Duration.ofMinutes(10));
            // Three products moved by hand to a category the rules do not give them.
            for (String sku : List.of("ELE-CEL-0002", "CAS-UTL-0005", "MOD-CAM-0003")) {
                ObjectNode p = fx.sandbox.account().productByCode(sku).orElseThrow();
                p.putObject("categoria").put("id", 8_100_000_011L);
                fx.sandbox.account().putProduct(p);
            }
            fx.sandbox.resetRequestLog();
            SyncPlan plan = engine.plan(PlanOptions.defaults());
            assertThat(plan.changes()).extracting(Change::key)
                    .containsExactlyInAnyOrder("ELE-CEL-0002", "CAS-UTL-0005", "MOD-CAM-0003");
            assertThat(plan.changes()).allMatch(c -> c.entity() == EntityKind.PRODUCT);
            assertThat(fx.sandbox.requestLog().forRoute("GET /produtos/{idProduto}")).hasSize(3);
            assertThat(plan.drift()).extracting(d -> d.field()).containsOnly("category").hasSize(3);
        }
    }

    @Test
    void aRunThatWroteConfirmsItsWritesSoTheNextRunListsOnlyOthersChanges() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        try (EngineFixture fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false)
                .seedDemo(), clock)) {
            // Bling's pace in simulated time: the run's writes spread over minutes, as in life,
            // further apart than the overlap the engine reads before its cursor.
            io.cathalog.bling.BlingClient client = io.cathalog.bling.BlingClient.builder().baseUrl(fx.sandbox.baseUrl())
                    .clock(clock).tokens(io.cathalog.core.http.AccessTokenProvider.fixed(fx.sandbox.issueTokens().accessToken()))
                    .limiter(io.cathalog.core.http.LocalRequestLimiter.builder(fx.account, BlingPacing.standard()).clock(clock)
                            .sleeper(clock::advance).build())
                    .build();
            // Someone moves a product by hand while the run is still linking products to stores.
            String editedSku = "ELE-CEL-0002";
            java.util.concurrent.atomic.AtomicBoolean edited = new java.util.concurrent.atomic.AtomicBoolean();
            SyncEngine engine = fx.engine(CatalogSource.of(EngineFixture.demoCatalog()),
                    new io.cathalog.bling.BlingCatalogRemote(client)).listener(e -> {
                        if (e.outcome().change().entity() == EntityKind.PRODUCT_STORE_LINK && edited.compareAndSet(false, true)) {
                            ObjectNode p = fx.sandbox.account().productByCode(editedSku).orElseThrow();
                            p.putObject("categoria").put("id", 8_100_000_011L);
                            fx.sandbox.account().putProduct(p);
                        }
                    }).build();
            ApplyReport first = engine.sync(PlanOptions.defaults());
            assertThat(first.counts().getOrDefault(Outcome.UPDATED, 0L)).isPositive();
            assertThat(edited).isTrue();

            clock.advance(java.time.Duration.ofMinutes(10));
            fx.sandbox.resetRequestLog();
            SyncPlan next = engine.plan(PlanOptions.defaults());
            // One page of changes and one verification query for the writes of the run's last two
            // minutes (the overlap read before every cursor), no product read: the writing run's
            // own confirmation already told its writes from the hand edit and read that product.
            assertThat(fx.sandbox.requestLog().forRoute("GET /produtos")).hasSize(2);
            assertThat(fx.sandbox.requestLog().forRoute("GET /produtos/{idProduto}")).isEmpty();
            // Store links: the ones written in the run's last two minutes are listed again; at Bling's
            // pace that is at most 342 writes, four pages a store, however large the account.
            assertThat(fx.sandbox.requestLog().forRoute("GET /produtos/lojas").size()).isBetween(2, 2 * 4);
            // ... and the hand edit is not lost: it is drift, and the plan puts the rule's value back.
            assertThat(next.changes()).extracting(Change::key).containsExactly(editedSku);
            assertThat(next.drift()).extracting(d -> d.field()).containsExactly("category");
        }
    }
}
