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
                        ListingPolicy.ListingStatus.PAUSED, Optional.of(RemoteListing.State.PUBLISHED)));
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
    void anInactiveProductsListingIsADraftAndThePlanSaysWhatTheErpHolds() {
        catalog = catalog(new BigDecimal("99.90"), ProductStatus.INACTIVE, ListingPolicy.builder().build());
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        assertThat(plan.render()).contains("+ listing ml/S1").contains("status: \"draft (not published)\"")
                .doesNotContain("paused");
        assertThat(SyncPlan.fromJson(plan.toJson())).isEqualTo(plan);
        sync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.state()).isEqualTo(RemoteListing.State.DRAFT));

        // Active: the draft is published, and the plan says it was a draft.
        catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE, ListingPolicy.builder().build());
        SyncPlan publish = engine().plan(PlanOptions.defaults());
        assertThat(publish.render()).contains("status: \"draft (not published)\" -> \"published\"");
        assertThat(SyncPlan.fromJson(publish.toJson())).isEqualTo(publish);
        sync();

        // Inactive again: the published listing is paused ...
        catalog = catalog(new BigDecimal("99.90"), ProductStatus.INACTIVE, ListingPolicy.builder().build());
        assertThat(engine().plan(PlanOptions.defaults()).render()).contains("status: \"published\" -> \"paused\"");
        sync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.state()).isEqualTo(RemoteListing.State.PAUSED));
        // ... and published from paused when active.
        catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE, ListingPolicy.builder().build());
        assertThat(engine().plan(PlanOptions.defaults()).render()).contains("status: \"paused\" -> \"published\"");
        sync();
    }

    @Test
    void anAttentionItemCarriesTheMissingAttributesAsDataThroughItsJsonForm() {
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        AttentionItem item = plan.attention().stream().filter(a -> a.key().equals("ml/S2")).findFirst().orElseThrow();
        assertThat(item.missingAttributes()).containsExactly("COLOR");
        assertThat(plan.toJson()).contains("\"missing_attributes\" : [ \"COLOR\" ]");
        assertThat(SyncPlan.fromJson(plan.toJson()).attention()).contains(item);
        // A plan saved before the attributes were data reads, with none.
        SyncPlan old = SyncPlan.fromJson(plan.toJson().replace("\"2.4\"", "\"2.3\"")
                .replaceAll(",\\s*\"missing_attributes\" : \\[ \"COLOR\" \\]", ""));
        assertThat(old.attention()).filteredOn(a -> a.key().equals("ml/S2")).singleElement()
                .satisfies(a -> assertThat(a.missingAttributes()).isEmpty());
    }

    @Test
    void aPlanWithListingsSurvivesItsJsonForm() {
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        String json = plan.toJson();
        assertThat(json).contains("\"format_version\" : \"2.4\"").contains("\"kind\" : \"create_listing\"");
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
        // The rerun sees the listing: it is published, not created again (and written once, as what
        // the engine wrote to it was never recorded).
        SyncPlan rerun = engine.plan(PlanOptions.defaults());
        assertThat(rerun.changes()).filteredOn(c -> c.entity() == EntityKind.LISTING)
                .extracting(c -> c.getClass().getSimpleName()).containsExactly("UpdateListing", "SetListingStatus");
        assertThat(rerun.changes()).filteredOn(c -> c instanceof Change.SetListingStatus)
                .singleElement().satisfies(c -> assertThat(((Change.SetListingStatus) c).publish()).isTrue());
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

    /** A catalog that declares no product: rules categorise what Bling holds and give it its colour. */
    private static Catalog rulesOnly(ListingPolicy policy) {
        return Catalog.builder().category(Category.root("phones", "Fones"))
                .categorisationRule(new io.cathalog.core.model.CategorisationRule("by-prefix", "phones",
                        io.cathalog.core.model.ProductMatch.builder().skuPrefix("F-").build()))
                .attributeRule(new io.cathalog.core.model.AttributeRule("cor", Optional.of("phones"), "Cor",
                        new io.cathalog.core.model.AttributeSource.Default(AttributeValue.text("azul"))))
                .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre", Map.of("phones", "MLB1"), policy))
                .build();
    }

    private long undeclaredProductAt(String price) {
        io.cathalog.core.remote.ProductChanges priced = new io.cathalog.core.remote.ProductChanges(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new BigDecimal(price)),
                java.util.OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        return remote.addProduct(new io.cathalog.core.remote.NewProduct("F-9", "Fone importado", ProductStatus.ACTIVE,
                priced));
    }

    @Test
    void aProductTheCatalogDoesNotDeclareIsListedAtThePriceTheErpHolds() {
        undeclaredProductAt("59.90");
        catalog = rulesOnly(ListingPolicy.builder().build());
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        assertThat(plan.attention()).as(plan.render()).noneMatch(a -> a.entity() == EntityKind.LISTING);
        assertThat(plan.changes()).filteredOn(c -> c instanceof Change.CreateListing).singleElement()
                .satisfies(c -> {
                    assertThat(c.key()).isEqualTo("ml/F-9");
                    assertThat(((Change.CreateListing) c).values().price()).isEqualByComparingTo("59.90");
                    assertThat(((Change.CreateListing) c).values().priceFromErp()).isTrue();
                });
        assertThat(plan.render()).contains("price: \"59.90 (the price the ERP holds: the catalog gives none)\"");
        assertThat(SyncPlan.fromJson(plan.toJson())).isEqualTo(plan);
        sync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.price().orElseThrow())
                .isEqualByComparingTo("59.90"));
    }

    @Test
    void theAuditCallsAListingNotInPolicyOnlyWhereThePlannerWouldNotListTheProduct() {
        undeclaredProductAt("59.90");
        catalog = rulesOnly(ListingPolicy.builder().build());
        sync();
        assertThat(listings()).hasSize(1);
        // The planner lists the product the rules categorise: its listing is in the policy.
        assertThat(engine().audit().findings()).noneMatch(f -> f.kind().equals("listing-not-in-policy"));
        // Once an override keeps it out of the store, the listing is not in the policy.
        catalog = rulesOnly(ListingPolicy.builder().override("F-9", new ListingPolicy.ProductOverride(Optional.of(false),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).build());
        assertThat(engine().audit().findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("listing-not-in-policy");
            assertThat(f.detail()).contains("F-9");
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

    // ------------------------------------------------------------------ families (issue 18, phase 3)

    /**
     * A marketplace whose category MLB2 varies on COLOR (from the option or attribute "Cor", not
     * asked of a family's parent) and requires a GTIN of each listed product or variation.
     */
    static final class FamilyMarketplace implements MarketplaceMapper {
        @Override public String id() { return "mercadolivre"; }
        @Override public String displayName() { return "Test ML"; }
        @Override public String spiVersion() { return SPI_VERSION; }

        @Override
        public CategoryRequirements requirements(String categoryId) {
            return new CategoryRequirements(id(), categoryId, "Roupas", List.of("Roupas"), true,
                    List.of(AttributeRequirement.builder("COLOR", "Cor").build(),
                            AttributeRequirement.builder("GTIN", "GTIN").build()),
                    new ListingLimits(0, 60, false, false, GtinPolicy.NOT_ASKED), Optional.empty());
        }

        @Override
        public Normalisation normalise(NormalisationRequest request) {
            Product p = request.product();
            Map<String, ResolvedValue> values = new java.util.HashMap<>();
            List<Violation> violations = new java.util.ArrayList<>();
            Optional<AttributeValue> color = p.attribute("Cor");
            color.ifPresent(c -> values.put("COLOR", new ResolvedValue("COLOR", "Cor", c, List.of(), c.asText(),
                    ProductSlot.TITLE, ValueOrigin.PRODUCT_ATTRIBUTE)));
            if (color.isEmpty() && !p.isFamily()) {
                violations.add(new Violation("COLOR", Violation.Code.MISSING_REQUIRED, "Cor is required"));
            }
            if (p.gtin().isPresent()) {
                values.put("GTIN", new ResolvedValue("GTIN", "GTIN", AttributeValue.text(p.gtin().get().digits()),
                        List.of(), p.gtin().get().digits(), ProductSlot.TITLE, ValueOrigin.PRODUCT_ATTRIBUTE));
            } else if (!p.isFamily()) {
                violations.add(new Violation("GTIN", Violation.Code.MISSING_GTIN, "the category requires a GTIN"));
            }
            return new Normalisation(id(), request.categoryId(), values, violations, List.of(), "{}");
        }
    }

    private static io.cathalog.core.model.Variation variation(String sku, String color, String gtin, String price) {
        io.cathalog.core.model.Variation.Builder b = io.cathalog.core.model.Variation.builder(sku).option("Cor", color);
        if (gtin != null) {
            b.gtin(gtin);
        }
        if (price != null) {
            b.price(new BigDecimal(price));
        }
        return b.build();
    }

    private static final List<io.cathalog.core.model.Variation> SHIRTS = List.of(
            variation("CAM-AZ", "Azul", "7891000315507", null), variation("CAM-VM", "Vermelho", "7891000100103", null));

    private static Catalog families(List<io.cathalog.core.model.Variation> variations, ListingPolicy policy) {
        Product.Builder shirt = Product.builder("CAM", "Camiseta").category("roupas").price(new BigDecimal("49.90"));
        variations.forEach(shirt::variation);
        return Catalog.builder().category(Category.root("roupas", "Roupas")).product(shirt.build())
                .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre", Map.of("roupas", "MLB2"), policy))
                .build();
    }

    private SyncEngine familyEngine() {
        return SyncEngine.builder().account("acme").source(() -> catalog).remote(remote).state(state).clock(clock)
                .marketplaces(MarketplaceRegistry.builder().withoutDiscovery().override(new FamilyMarketplace()).build())
                .build();
    }

    private ApplyReport familySync() {
        clock.advance(java.time.Duration.ofMinutes(1));
        SyncEngine engine = familyEngine();
        ApplyReport report = engine.apply(engine.plan(PlanOptions.defaults()));
        assertThat(report.hasFailures()).as(report.toString()).isFalse();
        clock.advance(java.time.Duration.ofMinutes(1));
        SyncPlan again = engine.plan(PlanOptions.defaults());
        assertThat(again.changes()).as("a second plan after applying: %s", again.render()).isEmpty();
        return report;
    }

    private Change.UpdateListing onlyListingUpdate(SyncPlan plan) {
        List<Change> listing = plan.changes().stream().filter(c -> c.entity() == EntityKind.LISTING).toList();
        assertThat(listing).as(plan.render()).singleElement().isInstanceOf(Change.UpdateListing.class);
        return (Change.UpdateListing) listing.get(0);
    }

    @Test
    void aFamilyIsListedWithItsVariationsAndTheListingFollowsThem() {
        catalog = families(SHIRTS, ListingPolicy.builder().build());
        SyncPlan plan = familyEngine().plan(PlanOptions.defaults());
        Change.CreateListing create = plan.changes().stream().filter(c -> c instanceof Change.CreateListing)
                .map(c -> (Change.CreateListing) c).findFirst().orElseThrow(() -> new AssertionError(plan.render()));
        assertThat(create.key()).isEqualTo("ml/CAM");
        assertThat(create.values().variations()).extracting(v -> v.product().sku()).containsExactly("CAM-AZ", "CAM-VM");
        assertThat(create.values().variations().get(1).attributes())
                .containsExactly(Map.entry("COLOR", "Vermelho"), Map.entry("GTIN", "7891000100103"));
        assertThat(plan.render()).contains("variation CAM-VM: \"Cor:Vermelho at 49.90\"");
        assertThat(SyncPlan.fromJson(plan.toJson())).isEqualTo(plan);

        familySync();
        RemoteListing listing = listings().get(0);
        assertThat(listing.variations()).extracting(RemoteListing.Variation::name)
                .containsExactly("Cor:Azul", "Cor:Vermelho");
        io.cathalog.core.remote.ListingWrite written = remote.lastListingWrite(listing.id()).orElseThrow();
        assertThat(written.variations()).extracting(io.cathalog.core.remote.ListingWrite.Variation::productId)
                .containsExactlyElementsOf(remote.productsWithSku("CAM").get(0).variations().stream()
                        .map(io.cathalog.core.remote.RemoteVariation::id).toList());

        // A variation added: the listing is rewritten with it.
        List<io.cathalog.core.model.Variation> three = new java.util.ArrayList<>(SHIRTS);
        three.add(variation("CAM-VD", "Verde", "7891000053508", null));
        catalog = families(three, ListingPolicy.builder().build());
        Change.UpdateListing added = onlyListingUpdate(familyEngine().plan(PlanOptions.defaults()));
        assertThat(added.fields()).extracting(FieldChange::field).containsExactly("variation CAM-VD");
        familySync();
        assertThat(listings().get(0).variations()).hasSize(3);

        // A variation's own price changed: the listing is rewritten.
        three.set(0, variation("CAM-AZ", "Azul", "7891000315507", "39.90"));
        catalog = families(three, ListingPolicy.builder().build());
        Change.UpdateListing changed = onlyListingUpdate(familyEngine().plan(PlanOptions.defaults()));
        assertThat(changed.fields()).extracting(FieldChange::field).containsExactly("variation CAM-AZ");
        familySync();
        assertThat(remote.lastListingWrite(listing.id()).orElseThrow().variations().get(0).price())
                .isEqualByComparingTo("39.90");

        // A variation removed from the catalog: the listing is rewritten without it.
        catalog = families(three.subList(0, 2), ListingPolicy.builder().build());
        Change.UpdateListing removed = onlyListingUpdate(familyEngine().plan(PlanOptions.defaults()));
        assertThat(removed.fields()).extracting(FieldChange::field).containsExactly("variation CAM-VD");
        assertThat(removed.fields().get(0).after()).isEmpty();
        familySync();
        assertThat(listings().get(0).variations()).extracting(RemoteListing.Variation::name)
                .containsExactly("Cor:Azul", "Cor:Vermelho");

        // A variation removed from the listing by hand in the ERP: written again.
        remote.removeListingVariationByHand(listing.id(), "Cor:Vermelho");
        onlyListingUpdate(familyEngine().plan(PlanOptions.defaults()));
        familySync();
        assertThat(listings().get(0).variations()).hasSize(2);
        assertThat(listings()).hasSize(1);
    }

    @Test
    void aVariationThatNeedsAttentionBlocksTheFamilysListingAndIsNamed() {
        catalog = families(List.of(SHIRTS.get(0), variation("CAM-VM", "Vermelho", null, null)),
                ListingPolicy.builder().build());
        SyncPlan plan = familyEngine().plan(PlanOptions.defaults());
        assertThat(plan.changes()).noneMatch(c -> c.entity() == EntityKind.LISTING);
        assertThat(plan.attention()).anySatisfy(a -> {
            assertThat(a.entity()).isEqualTo(EntityKind.LISTING);
            assertThat(a.key()).isEqualTo("ml/CAM");
            assertThat(a.reason()).contains("variation CAM-VM").contains("GTIN");
        });
    }

    @Test
    void aFamilyWhoseGtinsARuleFillsIsListedWithTheRulesGtins() {
        Catalog declared = families(List.of(variation("CAM-AZ", "Azul", null, null),
                variation("CAM-VM", "Vermelho", null, null)), ListingPolicy.builder().build());
        Catalog.Builder withRule = Catalog.builder().category(Category.root("roupas", "Roupas"))
                .attributeRule(new io.cathalog.core.model.AttributeRule("gtins", Optional.empty(), "gtin",
                        new io.cathalog.core.model.AttributeSource.Overrides(Map.of(
                                "CAM-AZ", AttributeValue.text("7891000315507"),
                                "CAM-VM", AttributeValue.text("7891000100103")))));
        declared.products().forEach(withRule::product);
        declared.stores().forEach(withRule::store);
        catalog = withRule.build();

        SyncPlan plan = familyEngine().plan(PlanOptions.defaults());
        assertThat(plan.attention()).as(plan.render()).noneMatch(a -> a.entity() == EntityKind.LISTING);
        Change.CreateListing create = plan.changes().stream().filter(c -> c instanceof Change.CreateListing)
                .map(c -> (Change.CreateListing) c).findFirst().orElseThrow(() -> new AssertionError(plan.render()));
        assertThat(create.values().variations()).extracting(v -> v.attributes().get("GTIN"))
                .containsExactly("7891000315507", "7891000100103");
        familySync();
        assertThat(listings()).singleElement().satisfies(l -> assertThat(l.variations()).hasSize(2));
    }

    @Test
    void aChangeOfListingTypeOrFreeShippingInThePolicyIsOneUpdate() {
        catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE,
                ListingPolicy.builder().listingType("gold_special").build());
        sync();
        long id = listings().get(0).id();
        assertThat(remote.lastListingWrite(id).orElseThrow().listingType()).contains("gold_special");

        catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE,
                ListingPolicy.builder().listingType("gold_pro").build());
        SyncPlan plan = engine().plan(PlanOptions.defaults());
        Change.UpdateListing update = onlyListingUpdate(plan);
        assertThat(update.fields()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("listing type");
            assertThat(f.before().orElseThrow()).startsWith("gold_special").contains("as last written");
            assertThat(f.after()).contains("gold_pro");
        });
        sync();
        assertThat(remote.lastListingWrite(id).orElseThrow().listingType()).contains("gold_pro");

        catalog = catalog(new BigDecimal("99.90"), ProductStatus.ACTIVE,
                ListingPolicy.builder().listingType("gold_pro").freeShipping(true).build());
        assertThat(onlyListingUpdate(engine().plan(PlanOptions.defaults())).fields()).extracting(FieldChange::field)
                .containsExactly("free shipping");
        sync();
        assertThat(remote.lastListingWrite(id).orElseThrow().freeShipping()).isTrue();
    }

    @Test
    void aListingWrittenByTheFirstReleaseIsWrittenOnceToRecordItsSettings() {
        sync();
        long id = listings().get(0).id();
        // The first release recorded category and price only.
        state.putSnapshot("acme", EntityKind.LISTING, "#" + id, "MLB1|99.90");
        onlyListingUpdate(engine().plan(PlanOptions.defaults()));
        sync();
    }
}
