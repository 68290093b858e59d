package io.cathalog.core.sync;

import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ListingLimits;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ProductSlot;
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
import io.cathalog.core.remote.RemoteListing;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.InMemoryCatalogRemote.Call;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Listings as managed resources: planned, applied, idempotent, against the in-memory ERP. */
class ListingEngineTest {
    private static final long STORE = 77;

    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock).addStore(STORE, "ML", "MercadoLivre");
    private final InMemorySyncStateStore state = new InMemorySyncStateStore();
    private Catalog catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE, ListingPolicy.builder().build());

    /** A marketplace whose category MLB1 requires COLOR, read from the product's attribute "Cor". */
    static final class Marketplace implements MarketplaceMapper {
        @Override public String id() { return "mercadolivre"; }
        @Override public String displayName() { return "Test ML"; }
        @Override public String spiVersion() { return SPI_VERSION; }

        @Override
        public CategoryRequirements requirements(String categoryId) {
            return new CategoryRequirements(id(), categoryId, "Fones", List.of("Fones"), true,
                    List.of(AttributeRequirement.builder("COLOR", "Cor").build()),
                    new ListingLimits(0, 60, false, false, GtinPolicy.NOT_ASKED), Optional.empty());
        }

        @Override
        public Normalisation normalise(NormalisationRequest request) {
            Product p = request.product();
            Optional<AttributeValue> color = p.attribute("Cor");
            if (color.isEmpty()) {
                return new Normalisation(id(), request.categoryId(), Map.of(),
                        List.of(new Violation("COLOR", Violation.Code.MISSING_REQUIRED, "Cor is required")), List.of(), "{}");
            }
            String text = color.get().toString();
            return new Normalisation(id(), request.categoryId(), Map.of("COLOR", new ResolvedValue("COLOR", "Cor",
                    color.get(), List.of(), "azul", ProductSlot.TITLE, ValueOrigin.PRODUCT_ATTRIBUTE)), List.of(),
                    List.of(), text);
        }
    }

    private static Catalog catalog(BigDecimal price, ProductStatus status, ListingPolicy policy) {
        return Catalog.builder()
                .category(Category.root("phones", "Fones"))
                .product(Product.builder("S1", "Fone azul").category("phones").price(price).status(status)
                        .attribute("Cor", AttributeValue.text("azul")).build())
                .product(Product.builder("S2", "Fone sem cor").category("phones").price(new BigDecimal("10")).build())
                .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre", Map.of("phones", "MLB1"), policy))
                .build();
    }

    private SyncEngine engine() {
        return SyncEngine.builder().account("acme").source(() -> catalog).remote(remote).state(state).clock(clock)
                .marketplaces(MarketplaceRegistry.builder().withoutDiscovery().override(new Marketplace()).build())
                .build();
    }

    private ApplyReport sync() {
        SyncEngine engine = engine();
        ApplyReport report = engine.apply(engine.plan(PlanOptions.defaults()));
        clock.advance(java.time.Duration.ofMinutes(1));
        SyncPlan again = engine.plan(PlanOptions.defaults());
        assertThat(again.changes()).as("a second plan after applying").isEmpty();
        return report;
    }

    private List<RemoteListing> listings() {
        return remote.listingsNow(STORE);
    }

    @Test
    void aListingIsCreatedPublishedUpdatedPausedAndPublishedAgain() {
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        List<Change.CreateListing> creates = plan.changes().stream().filter(c -> c instanceof Change.CreateListing)
                .map(c -> (Change.CreateListing) c).toList();
        assertThat(creates).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("ml/S1");
            assertThat(c.values().attributes()).containsExactly(Map.entry("COLOR", "azul"));
            assertThat(c.publish()).isTrue();
        });
        // Listings come after the products they list.
        assertThat(plan.changes().indexOf(creates.get(0))).isGreaterThan(plan.changes().indexOf(
                plan.changes().stream().filter(c -> c instanceof Change.CreateProduct).findFirst().orElseThrow()));
        // The product without the required attribute gets no listing, and the plan names the attribute.
        assertThat(plan.attention()).anySatisfy(a -> {
            assertThat(a.entity()).isEqualTo(EntityKind.LISTING);
            assertThat(a.key()).isEqualTo("ml/S2");
            assertThat(a.reason()).contains("no listing").contains("COLOR");
        });
        assertThat(plan.render()).contains("+ listing ml/S1").contains("attribute COLOR: \"azul\"");

        sync();
        assertThat(listings()).singleElement().satisfies(l -> {
            assertThat(l.state()).isEqualTo(RemoteListing.State.PUBLISHED);
            assertThat(l.price().orElseThrow()).isEqualByComparingTo("99.90");
        });

        catalog = catalog(new BigDecimal("89.90"), ProductStatus.ACTIVE, ListingPolicy.builder().build());
        SyncPlan edit = engine().plan(PlanOptions.defaults());
        assertThat(edit.changes()).filteredOn(c -> c instanceof Change.UpdateListing).singleElement()
                .satisfies(c -> assertThat(c.fields()).extracting(FieldChange::field).containsExactly("price"));
        sync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.price().orElseThrow()).isEqualByComparingTo("89.90"));

        catalog = catalog(new BigDecimal("89.90"), ProductStatus.INACTIVE, ListingPolicy.builder().build());
        assertThat(engine().plan(PlanOptions.defaults()).changes()).filteredOn(c -> c.entity() == EntityKind.LISTING)
                .singleElement().isEqualTo(new Change.SetListingStatus("ml", listings().get(0).id(), 77, "mercadolivre", "S1",
                        ListingPolicy.ListingStatus.PAUSED));
        sync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.state()).isEqualTo(RemoteListing.State.PAUSED));

        catalog = catalog(new BigDecimal("89.90"), ProductStatus.ACTIVE, ListingPolicy.builder().build());
        assertThat(engine().plan(PlanOptions.defaults()).changes()).filteredOn(c -> c.entity() == EntityKind.LISTING)
                .singleElement().isInstanceOf(Change.SetListingStatus.class)
                .satisfies(c -> assertThat(((Change.SetListingStatus) c).status()).isEqualTo(ListingPolicy.ListingStatus.PUBLISHED));
        sync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.state()).isEqualTo(RemoteListing.State.PUBLISHED));
        assertThat(state.remoteId("acme", EntityKind.LISTING, "ml/S1")).contains(listings().get(0).id());
    }

    @Test
    void aPlanWithListingsSurvivesItsJsonForm() {
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        String json = plan.toJson();
        assertThat(json).contains("\"format_version\" : \"2.3\"").contains("\"kind\" : \"create_listing\"");
        assertThat(SyncPlan.fromJson(json)).isEqualTo(plan);
    }

    @Test
    void aStoreWithoutAPolicyReadsAndWritesNoListings() {
        catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE, ListingPolicy.none());
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        assertThat(plan.changes()).noneMatch(c -> c.entity() == EntityKind.LISTING);
        assertThat(remote.calls(Call.LISTINGS)).isZero();
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundNotDuplicated() {
        remote.inject(Call.CREATE_LISTING, InMemoryCatalogRemote.Fault.lostAnswer());
        ApplyReport report = sync();
        assertThat(report.outcomes()).filteredOn(o -> o.change() instanceof Change.CreateListing).singleElement()
                .satisfies(o -> assertThat(o.outcome()).isEqualTo(Outcome.CREATED));
        assertThat(listings()).hasSize(1);
        assertThat(remote.calls(Call.FIND_LISTING)).isEqualTo(1);
    }

    @Test
    void aCreationThatFailedAfterLandingIsNotRepeated() {
        remote.inject(Call.CREATE_LISTING, new InMemoryCatalogRemote.Fault(true, () -> new IllegalStateException("crash")));
        SyncEngine engine = engine();
        engine.apply(engine.plan(PlanOptions.defaults()));
        assertThat(listings()).hasSize(1);
        clock.advance(java.time.Duration.ofMinutes(1));
        // The rerun sees the listing: it is published, not created again.
        SyncPlan rerun = engine.plan(PlanOptions.defaults());
        assertThat(rerun.changes()).filteredOn(c -> c.entity() == EntityKind.LISTING).singleElement()
                .isInstanceOf(Change.SetListingStatus.class)
                .satisfies(c -> assertThat(((Change.SetListingStatus) c).publish()).isTrue());
        sync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.published()).isTrue());
    }

    @Test
    void theAuditReportsListingsOutsideThePolicyAndListingsInAnotherCategory() {
        sync();
        catalog = Catalog.builder().category(Category.root("phones", "Fones"))
                .product(Product.builder("S1", "Fone azul").category("phones").price(new BigDecimal("99.90"))
                        .attribute("Cor", AttributeValue.text("azul")).build())
                .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre", Map.of("phones", "MLB9"),
                        ListingPolicy.builder().build()))
                .build();
        assertThat(engine().audit().findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("listing-category-mismatch");
            assertThat(f.key()).isEqualTo("ml/S1");
            assertThat(f.detail()).contains("MLB1").contains("MLB9");
        });
        catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE, ListingPolicy.builder()
                .override("S1", new ListingPolicy.ProductOverride(Optional.of(false), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty())).build());
        assertThat(engine().audit().findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("listing-not-in-policy");
            assertThat(f.store()).contains("ml");
            assertThat(f.detail()).contains("S1");
        });
    }

    @Test
    void thePlansReadsCountTheRequirementFetchesStillPending() {
        long without = engine().plan(PlanOptions.defaults()).readRequests();
        io.cathalog.core.marketplace.StoreRequirements pending = new io.cathalog.core.marketplace.StoreRequirements() {
            @Override
            public Optional<io.cathalog.core.marketplace.RequirementsProvider> forStore(String marketplace, Store store) {
                return Optional.empty();
            }

            @Override
            public long fetches() {
                return 0;
            }

            @Override
            public long pendingFetches(String marketplace, Store store, java.util.Collection<String> categoryIds) {
                return categoryIds.size() * 3L;
            }
        };
        SyncPlan plan = SyncEngine.builder().account("acme").source(() -> catalog).remote(remote).state(state)
                .clock(clock).requirements(pending)
                .marketplaces(MarketplaceRegistry.builder().withoutDiscovery().override(new Marketplace()).build())
                .build().plan(PlanOptions.defaults());
        assertThat(plan.readRequests()).isEqualTo(without + 3);
        assertThat(plan.estimatedRequests() - plan.writeRequests()).isEqualTo(without + 3);
    }
}
