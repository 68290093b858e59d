package io.cathalog.bling.sync;

import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingRequirements;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ProductSlot;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.ResolvedValue;
import io.cathalog.core.marketplace.ValueOrigin;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Store;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.RemoteListing;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncStateStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listings (anúncios) kept by the engine over the sandbox's Anúncios API, requirements read live. */
class ListingSyncTest {
    private static final String CATEGORY = "MLB196208";
    private static final String REQUIREMENTS_ROUTE = "GET /anuncios/categorias/{idCategoria}";

    /**
     * A Mercado Livre plugin for the test: requirements live from Bling for its one store; each
     * attribute's value is the product's attribute named by the attribute's id.
     */
    static final class LivePlugin implements MarketplaceMapper {
        private final BlingRequirements live;
        private final Store store;

        LivePlugin(BlingRequirements live, Store store) {
            this.live = live;
            this.store = store;
        }

        @Override public String id() { return "mercadolivre"; }
        @Override public String displayName() { return "Mercado Livre (test)"; }
        @Override public String spiVersion() { return SPI_VERSION; }

        @Override
        public CategoryRequirements requirements(String categoryId) {
            return requirements(store, categoryId);
        }

        @Override
        public CategoryRequirements requirements(Store s, String categoryId) {
            return live.forStore(id(), s).orElseThrow().requirements(categoryId);
        }

        @Override
        public Normalisation normalise(NormalisationRequest request) {
            CategoryRequirements r = requirements(request.store(), request.categoryId());
            Map<String, ResolvedValue> values = new HashMap<>();
            List<Violation> violations = new ArrayList<>();
            for (AttributeRequirement a : r.attributes()) {
                Optional<AttributeValue> v = request.product().attribute(a.id());
                // A family's parent is not asked for what its variations vary on.
                boolean varies = request.product().variations().stream().anyMatch(x -> x.options().containsKey(a.id()));
                if (v.isPresent()) {
                    values.put(a.id(), new ResolvedValue(a.id(), a.name(), v.get(), List.of(), v.get().asText(),
                            ProductSlot.TITLE, ValueOrigin.PRODUCT_ATTRIBUTE));
                } else if (a.level() == RequirementLevel.REQUIRED && !varies) {
                    violations.add(new Violation(a.id(), Violation.Code.MISSING_REQUIRED, a.name() + " is required"));
                }
            }
            return new Normalisation(id(), request.categoryId(), values, violations, List.of(), "{}");
        }
    }

    /** One sandbox, its Mercado Livre store, the live requirements, and a catalog to change. */
    private static final class World implements AutoCloseable {
        final EngineFixture fx;
        final long storeId;
        final BlingRequirements live;
        final SyncStateStore state = new InMemorySyncStateStore();
        List<String> required;

        World() {
            this(java.time.Clock.systemUTC());
        }

        /** A world on the given clock (a test that counts requests moves it by hand). */
        World(java.time.Clock clock) {
            fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false), clock);
            storeId = fx.sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre");
            live = BlingRequirements.builder(fx.client()).build();
            Store bare = new Store("ml", storeId, "mercadolivre", "Mercado Livre", Map.of());
            required = live.forStore("mercadolivre", bare).orElseThrow().requirements(CATEGORY).attributes().stream()
                    .filter(a -> a.level() == RequirementLevel.REQUIRED && a.writable()).map(AttributeRequirement::id)
                    .toList();
        }

        Catalog catalog(int products, BigDecimal price, ProductStatus status, ListingPolicy policy, String missing) {
            Catalog.Builder b = Catalog.builder().category(Category.root("phones", "Fones"));
            for (int i = 1; i <= products; i++) {
                Product.Builder p = Product.builder(String.format("F%02d", i), "Fone " + i).category("phones")
                        .price(price).status(status).brand("Acme");
                for (String id : required) {
                    if (!(i == 1 && id.equals(missing))) {
                        p.attribute(id, AttributeValue.text("Valor " + id));
                    }
                }
                b.product(p.build());
            }
            return b.store(new Store("ml", storeId, "mercadolivre", "Mercado Livre", Map.of("phones", CATEGORY), policy))
                    .build();
        }

        /**
         * {@code families} families of {@code variations} variations each (all of them varying on the
         * category's first required attribute), every other required attribute given.
         */
        Catalog families(int families, int variations, ListingPolicy policy) {
            String varying = required.get(0);
            Catalog.Builder b = Catalog.builder().category(Category.root("phones", "Fones"));
            for (int f = 1; f <= families; f++) {
                Product.Builder p = Product.builder(String.format("FAM%02d", f), "Família " + f).category("phones")
                        .price(new BigDecimal("59.90")).brand("Acme");
                for (String id : required) {
                    if (!id.equals(varying)) {
                        p.attribute(id, AttributeValue.text("Valor " + id));
                    }
                }
                for (int v = 1; v <= variations; v++) {
                    p.variation(io.cathalog.core.model.Variation.builder(String.format("FAM%02d-%d", f, v))
                            .option(varying, "Opção " + v).build());
                }
                b.product(p.build());
            }
            return b.store(new Store("ml", storeId, "mercadolivre", "Mercado Livre", Map.of("phones", CATEGORY), policy))
                    .build();
        }

        SyncEngine engine(Catalog catalog, CatalogRemote remote) {
            Store store = catalog.stores().get(0);
            return SyncEngine.builder().account(fx.account).source(CatalogSource.of(catalog)).remote(remote)
                    .state(state).clock(fx.clock).requirements(live)
                    .marketplaces(MarketplaceRegistry.builder().withoutDiscovery()
                            .override(new LivePlugin(live, store)).build())
                    .build();
        }

        ApplyReport syncTwice(Catalog catalog) {
            SyncEngine engine = engine(catalog, fx.remote());
            ApplyReport report = engine.apply(engine.plan(PlanOptions.defaults()));
            assertThat(engine.plan(PlanOptions.defaults()).changes()).as("a second plan").isEmpty();
            return report;
        }

        List<RemoteListing> listings() {
            return new BlingCatalogRemote(fx.client()).listings(storeId, "mercadolivre");
        }

        /** What the account's listings are, independent of ids: title and state. */
        List<String> listingContents() {
            return listings().stream().map(l -> l.title() + "|" + l.state() + "|" + new java.util.TreeMap<>(l.attributes())
                    + "|" + l.variations().stream().map(RemoteListing.Variation::name).toList()).sorted().toList();
        }

        @Override
        public void close() {
            fx.close();
        }
    }

    private static final ListingPolicy PUBLISH = ListingPolicy.builder().build();

    @Test
    void listingsAreCreatedUpdatedPausedAndPublishedWithRequirementsReadOnce() {
        try (World w = new World()) {
            assertThat(w.required).as("the sandbox's category requires attributes").isNotEmpty();
            String missing = w.required.get(0);
            SyncPlan plan = w.engine(w.catalog(2, new BigDecimal("99.90"), ProductStatus.ACTIVE, PUBLISH, missing),
                    w.fx.remote()).plan(PlanOptions.defaults());
            assertThat(plan.changes()).filteredOn(c -> c instanceof Change.CreateListing).extracting(Change::key)
                    .containsExactly("ml/F02");
            assertThat(plan.attention()).anySatisfy(a -> {
                assertThat(a.entity()).isEqualTo(EntityKind.LISTING);
                assertThat(a.key()).isEqualTo("ml/F01");
                assertThat(a.reason()).contains(missing);
            });
            assertThat(plan.requirementSources()).containsEntry("ml", "live from Bling (MercadoLivre, store "
                    + w.storeId + ")");
            assertThat(plan.render()).contains("i requirements of store ml: live from Bling");

            w.syncTwice(w.catalog(2, new BigDecimal("99.90"), ProductStatus.ACTIVE, PUBLISH, missing));
            assertThat(w.fx.sandbox.requestLog().forRoute(REQUIREMENTS_ROUTE)).as("one read of the category")
                    .hasSize(1);
            assertThat(w.listings()).singleElement().satisfies(l -> {
                assertThat(l.title()).isEqualTo("Fone 2");
                assertThat(l.state()).isEqualTo(RemoteListing.State.PUBLISHED);
            });

            // The missing attribute given: F01 is listed too.
            w.syncTwice(w.catalog(2, new BigDecimal("99.90"), ProductStatus.ACTIVE, PUBLISH, "none"));
            assertThat(w.listings()).hasSize(2);

            SyncPlan edit = w.engine(w.catalog(2, new BigDecimal("79.90"), ProductStatus.ACTIVE, PUBLISH, "none"),
                    w.fx.remote()).plan(PlanOptions.defaults());
            assertThat(edit.changes()).filteredOn(c -> c instanceof Change.UpdateListing).hasSize(2);
            w.syncTwice(w.catalog(2, new BigDecimal("79.90"), ProductStatus.ACTIVE, PUBLISH, "none"));

            ApplyReport paused = w.syncTwice(w.catalog(2, new BigDecimal("79.90"), ProductStatus.INACTIVE, PUBLISH, "none"));
            assertThat(paused.outcomes()).filteredOn(o -> o.change() instanceof Change.SetListingStatus s && !s.publish()).hasSize(2)
                    .allMatch(o -> o.outcome() == Outcome.UPDATED);
            assertThat(w.listings()).allMatch(l -> l.state() == RemoteListing.State.PAUSED);

            ApplyReport published = w.syncTwice(w.catalog(2, new BigDecimal("79.90"), ProductStatus.ACTIVE, PUBLISH, "none"));
            assertThat(published.outcomes()).filteredOn(o -> o.change() instanceof Change.SetListingStatus s && s.publish()).hasSize(2);
            assertThat(w.listings()).hasSize(2).allMatch(l -> l.state() == RemoteListing.State.PUBLISHED);

            // What a no-change re-sync costs in listing reads: the four situations listed, each listing read.
            int lists = w.fx.sandbox.requestLog().forRoute("GET /anuncios").size();
            int reads = w.fx.sandbox.requestLog().forRoute("GET /anuncios/{idAnuncio}").size();
            SyncPlan none = w.engine(w.catalog(2, new BigDecimal("79.90"), ProductStatus.ACTIVE, PUBLISH, "none"),
                    w.fx.remote()).plan(PlanOptions.defaults());
            assertThat(none.changes()).isEmpty();
            assertThat(w.fx.sandbox.requestLog().forRoute("GET /anuncios").size() - lists).isEqualTo(4);
            assertThat(w.fx.sandbox.requestLog().forRoute("GET /anuncios/{idAnuncio}").size() - reads).isEqualTo(2);
        }
    }

    @Test
    void aCrashAfterEachListingWriteThenARerunLeavesNoDuplicate() {
        int listed = 20;
        List<String> expected;
        int writes;
        try (World w = new World()) {
            w.syncTwice(w.catalog(listed, BigDecimal.TEN, ProductStatus.ACTIVE, ListingPolicy.none(), "none"));
            SyncEngine engine = w.engine(w.catalog(listed, BigDecimal.TEN, ProductStatus.ACTIVE, PUBLISH, "none"),
                    w.fx.remote());
            SyncPlan plan = engine.plan(PlanOptions.defaults());
            assertThat(plan.changes()).hasSize(listed).allMatch(c -> c instanceof Change.CreateListing);
            int before = w.fx.sandbox.requestLog().writes().size();
            engine.apply(plan);
            writes = w.fx.sandbox.requestLog().writes().size() - before;
            expected = w.listingContents();
            assertThat(expected).hasSize(listed);
        }
        assertThat(writes).as("a create and a publish per listing").isEqualTo(2 * listed);

        for (int crashAt = 1; crashAt <= writes; crashAt++) {
            try (World w = new World()) {
                w.syncTwice(w.catalog(listed, BigDecimal.TEN, ProductStatus.ACTIVE, ListingPolicy.none(), "none"));
                Catalog policy = w.catalog(listed, BigDecimal.TEN, ProductStatus.ACTIVE, PUBLISH, "none");
                CrashingRemote crashing = new CrashingRemote(w.fx.remote(), crashAt);
                assertThatThrownBy(() -> w.engine(policy, crashing).sync(PlanOptions.defaults()))
                        .isInstanceOf(CrashingRemote.Crash.class);
                SyncEngine again = w.engine(policy, w.fx.remote());
                ApplyReport resumed = again.sync(PlanOptions.defaults());
                assertThat(resumed.outcomes()).as("crash after write %d", crashAt)
                        .noneMatch(o -> o.outcome() == Outcome.FAILED);
                assertThat(w.listingContents()).as("crash after write %d", crashAt).isEqualTo(expected);
                assertThat(again.plan(PlanOptions.defaults()).changes()).as("crash after write %d", crashAt).isEmpty();
            }
        }
    }

    @Test
    void listingWritesThroughRandomFaultsConvergeWithoutDuplicates() {
        long seed = Long.getLong("cathalog.faultSeed", System.nanoTime());
        int listed = 20;
        List<String> expected;
        try (World reference = new World()) {
            reference.syncTwice(reference.catalog(listed, BigDecimal.TEN, ProductStatus.ACTIVE, PUBLISH, "none"));
            expected = reference.listingContents();
        }
        try (World w = new World()) {
            w.syncTwice(w.catalog(listed, BigDecimal.TEN, ProductStatus.ACTIVE, ListingPolicy.none(), "none"));
            Catalog policy = w.catalog(listed, BigDecimal.TEN, ProductStatus.ACTIVE, PUBLISH, "none");
            // Server errors and lost answers on every listing write, at random.
            for (String route : List.of("POST /anuncios", "PUT /anuncios/{idAnuncio}",
                    "POST /anuncios/{idAnuncio}/publicar")) {
                w.fx.sandbox.faults().chaos(route, new io.cathalog.bling.sandbox.Faults.Chaos(0.2, 0.2, 0, 1, seed));
            }
            List<String> runs = new ArrayList<>();
            for (int run = 0; run < 10; run++) {
                try {
                    ApplyReport report = w.engine(policy, w.fx.remote()).sync(PlanOptions.defaults());
                    if (report.outcomes().isEmpty()) {
                        break;
                    }
                    runs.add(report.counts().toString());
                } catch (io.cathalog.core.CathalogException e) {
                    runs.add("failed: " + e.getMessage());
                }
            }
            w.fx.sandbox.faults().clear();
            String context = "fault seed " + seed + ", runs " + runs;
            assertThat(w.engine(policy, w.fx.remote()).plan(PlanOptions.defaults()).changes()).as(context).isEmpty();
            assertThat(w.listings()).as(context).hasSize(listed);
            assertThat(w.listingContents()).as(context).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------ issue 18, phase 3

    @Test
    void aFamilyIsListedWithItsVariationsAndAVariationAddedUpdatesTheListing() {
        try (World w = new World()) {
            SyncPlan plan = w.engine(w.families(1, 2, PUBLISH), w.fx.remote()).plan(PlanOptions.defaults());
            assertThat(plan.changes()).filteredOn(c -> c instanceof Change.CreateListing).singleElement()
                    .satisfies(c -> assertThat(((Change.CreateListing) c).values().variations())
                            .extracting(v -> v.product().sku()).containsExactly("FAM01-1", "FAM01-2"));
            w.syncTwice(w.families(1, 2, PUBLISH));
            assertThat(w.listings()).singleElement().satisfies(l -> {
                assertThat(l.state()).isEqualTo(RemoteListing.State.PUBLISHED);
                assertThat(l.variations()).extracting(RemoteListing.Variation::name)
                        .containsExactly(w.required.get(0) + ":Opção 1", w.required.get(0) + ":Opção 2");
                assertThat(l.variations()).allMatch(v -> v.id() > 0);
            });
            // The body Bling holds names each variation's product and its own value.
            io.cathalog.bling.dto.BlingListing read = w.fx.client().listings().get(w.listings().get(0).id(),
                    "MercadoLivre", w.storeId).orElseThrow();
            assertThat(read.variacoes()).hasSize(2);

            SyncPlan added = w.engine(w.families(1, 3, PUBLISH), w.fx.remote()).plan(PlanOptions.defaults());
            assertThat(added.changes()).filteredOn(c -> c.entity() == EntityKind.LISTING).singleElement()
                    .isInstanceOf(Change.UpdateListing.class)
                    .satisfies(c -> assertThat(c.fields()).extracting(f -> f.field()).containsExactly("variation FAM01-3"));
            List<Long> ids = w.listings().get(0).variations().stream().map(RemoteListing.Variation::id).toList();
            w.syncTwice(w.families(1, 3, PUBLISH));
            assertThat(w.listings()).singleElement().satisfies(l -> {
                assertThat(l.variations()).hasSize(3);
                // The variations kept keep their ids.
                assertThat(l.variations().subList(0, 2)).extracting(RemoteListing.Variation::id).isEqualTo(ids);
            });
        }
    }

    @Test
    void aChangeOfListingTypeInThePolicyIsOneUpdateOverTheSandbox() {
        try (World w = new World()) {
            ListingPolicy special = ListingPolicy.builder().listingType("gold_special").build();
            w.syncTwice(w.catalog(2, BigDecimal.TEN, ProductStatus.ACTIVE, special, "none"));
            ListingPolicy pro = ListingPolicy.builder().listingType("gold_pro").build();
            SyncPlan plan = w.engine(w.catalog(2, BigDecimal.TEN, ProductStatus.ACTIVE, pro, "none"), w.fx.remote())
                    .plan(PlanOptions.defaults());
            assertThat(plan.changes()).hasSize(2).allSatisfy(c -> {
                assertThat(c).isInstanceOf(Change.UpdateListing.class);
                assertThat(c.fields()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("listing type");
                    assertThat(f.before().orElseThrow()).contains("as last written");
                    assertThat(f.after()).contains("gold_pro");
                });
            });
            int puts = w.fx.sandbox.requestLog().forRoute("PUT /anuncios/{idAnuncio}").size();
            w.syncTwice(w.catalog(2, BigDecimal.TEN, ProductStatus.ACTIVE, pro, "none"));
            assertThat(w.fx.sandbox.requestLog().forRoute("PUT /anuncios/{idAnuncio}")).hasSize(puts + 2);
        }
    }

    @Test
    void thePlansEstimateIsTheRequestsOfARealRunForAStoreWithListings() {
        int n = 12;
        io.cathalog.core.testing.MutableClock clock = new io.cathalog.core.testing.MutableClock(java.time.Instant.now());
        try (World w = new World(clock)) {
            w.syncTwice(w.catalog(n, BigDecimal.TEN, ProductStatus.ACTIVE, PUBLISH, "none"));
            // Past the window the next run reads again behind its cursor: its reads do not depend on timing.
            clock.advance(java.time.Duration.ofHours(1));
            // A run that reads the N listings (four lists, then each in full) and rewrites each.
            Catalog edited = w.catalog(n, BigDecimal.TEN, ProductStatus.ACTIVE,
                    ListingPolicy.builder().listingType("gold_pro").build(), "none");
            SyncEngine engine = w.engine(edited, w.fx.remote());
            SyncPlan plan = engine.plan(PlanOptions.defaults());
            assertThat(plan.changes()).hasSize(n).allMatch(c -> c instanceof Change.UpdateListing);
            int start = w.fx.sandbox.requestLog().size();
            engine.apply(plan);
            List<io.cathalog.bling.sandbox.RecordedRequest> made = w.fx.sandbox.requestLog().entries()
                    .subList(start, w.fx.sandbox.requestLog().size());
            long reads = made.stream().takeWhile(r -> !r.write()).count();
            assertThat(made.stream().filter(r -> r.route().equals("GET /anuncios/{idAnuncio}"))).hasSize(n);
            assertThat(plan.readRequests()).as("the plan's reads: what the apply's observation made").isEqualTo(reads);
            assertThat(plan.estimatedRequests()).as("the plan's estimate: every request of the apply")
                    .isEqualTo(made.size());
        }
    }

    @Test
    void aCrashAfterEachWriteOfAPlanWithListedFamiliesThenARerunLeavesNoDuplicate() {
        List<String> expected;
        int writes;
        try (World w = new World()) {
            SyncEngine engine = w.engine(w.families(2, 2, PUBLISH), w.fx.remote());
            SyncPlan plan = engine.plan(PlanOptions.defaults());
            assertThat(plan.changes()).filteredOn(c -> c instanceof Change.CreateListing).hasSize(2);
            int before = w.fx.sandbox.requestLog().writes().size();
            engine.apply(plan);
            writes = w.fx.sandbox.requestLog().writes().size() - before;
            expected = w.listingContents();
            assertThat(expected).hasSize(2);
        }
        for (int crashAt = 1; crashAt <= writes; crashAt++) {
            try (World w = new World()) {
                Catalog families = w.families(2, 2, PUBLISH);
                CrashingRemote crashing = new CrashingRemote(w.fx.remote(), crashAt);
                assertThatThrownBy(() -> w.engine(families, crashing).sync(PlanOptions.defaults()))
                        .isInstanceOf(CrashingRemote.Crash.class);
                SyncEngine again = w.engine(families, w.fx.remote());
                ApplyReport resumed = again.sync(PlanOptions.defaults());
                assertThat(resumed.outcomes()).as("crash after write %d: %s", crashAt, resumed)
                        .noneMatch(o -> o.outcome() == Outcome.FAILED);
                assertThat(w.listingContents()).as("crash after write %d", crashAt).isEqualTo(expected);
                assertThat(again.plan(PlanOptions.defaults()).changes()).as("crash after write %d", crashAt).isEmpty();
            }
        }
    }
}
