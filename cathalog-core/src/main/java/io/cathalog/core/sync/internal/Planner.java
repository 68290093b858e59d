package io.cathalog.core.sync.internal;

import io.cathalog.core.internal.Text;
import io.cathalog.core.marketplace.DesiredListing;
import io.cathalog.core.marketplace.ListingDecision;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.CategoryTree;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Variation;
import io.cathalog.core.model.Weight;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteListing;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteOperation;
import io.cathalog.core.remote.StoreCategoryLink;
import io.cathalog.core.sync.Assignment;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.CategoryRef;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.DriftPolicy;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.FieldDrift;
import io.cathalog.core.sync.ListingValues;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductFields;
import io.cathalog.core.sync.ProductRef;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.VariationEntry;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The planner: a pure, deterministic function of the catalog, what was observed in the ERP, the
 * id map the engine keeps, the options and the marketplaces' rules. Same inputs, same plan — in
 * the same order, so its JSON is the same bytes.
 *
 * <p>Changes come in the order they must be applied: custom fields, categories (parents first),
 * products, store category links, product store links, then deletions (children first).
 */
public final class Planner {

    /**
     * Everything a plan is made from.
     *
     * @param categoryIds the ERP id of each catalog category as the engine last knew it
     * @param costs       how many API requests each operation takes in the ERP
     * @param invalidGtinRefusal when the ERP refuses every change to a product with an invalid GTIN,
     *                    how to say so ({@link io.cathalog.core.remote.CatalogRemote#invalidGtinRefusal})
     * @param requirementFetches the requests reading marketplace requirements for this plan takes
     *                    (categories not cached yet), counted with the reads
     */
    public record Input(String account, Catalog catalog, Observation observed, Map<String, Long> categoryIds,
                        PlanOptions options, ProductScope scope, double requestsPerSecond, MarketplaceCheck marketplaces,
                        ToIntFunction<RemoteOperation> costs, Optional<String> invalidGtinRefusal,
                        long requirementFetches) {
        /** An ERP that reads no marketplace requirements for the plan. */
        public Input(String account, Catalog catalog, Observation observed, Map<String, Long> categoryIds,
                     PlanOptions options, ProductScope scope, double requestsPerSecond, MarketplaceCheck marketplaces,
                     ToIntFunction<RemoteOperation> costs, Optional<String> invalidGtinRefusal) {
            this(account, catalog, observed, categoryIds, options, scope, requestsPerSecond, marketplaces, costs,
                    invalidGtinRefusal, 0);
        }

        /** An ERP that saves changes whatever GTIN a product holds. */
        public Input(String account, Catalog catalog, Observation observed, Map<String, Long> categoryIds,
                     PlanOptions options, ProductScope scope, double requestsPerSecond, MarketplaceCheck marketplaces,
                     ToIntFunction<RemoteOperation> costs) {
            this(account, catalog, observed, categoryIds, options, scope, requestsPerSecond, marketplaces, costs,
                    Optional.empty());
        }

        public Input {
            Objects.requireNonNull(invalidGtinRefusal, "invalidGtinRefusal");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(observed, "observed");
            categoryIds = Map.copyOf(categoryIds);
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(marketplaces, "marketplaces");
            Objects.requireNonNull(costs, "costs");
        }
    }

    /**
     * A plan and the resolved products behind it (the audit reads those).
     *
     * @param plan                the plan
     * @param categoryMapping     category key to ERP id, as planned
     * @param unclaimedCategories the ERP categories no catalog category claims, by id
     * @param listingsInPolicy the listings the planner decides ({@code store/sku}: a store whose
     *                         policy lists the product, in a mapped category), with the
     *                         marketplace category each is to be in
     */
    public record Result(SyncPlan plan, Map<String, Long> categoryMapping, List<String> unclaimedCategories,
                         Map<String, String> listingsInPolicy) {
    }

    /** {@code store/sku} to marketplace category of the listings the planner decides. */
    private final Map<String, String> inPolicy = new HashMap<>();

    private final Input in;
    private final CategoryTree tree;
    private final Map<Long, RemoteCategory> remoteCategories = new HashMap<>();
    /** Source-of-truth key to ERP id, as far as the ERP already has the category. */
    private final Map<String, Long> mapped = new LinkedHashMap<>();
    /** Keys whose category is to be created (or re-created) by this plan. */
    private final Set<String> creating = new HashSet<>();
    private final List<Change> categoryChanges = new ArrayList<>();
    private final List<Change> deletions = new ArrayList<>();
    /** ERP ids of the categories replaced: deleted by the replacement, never pruned. */
    private final Set<Long> replacedIds = new HashSet<>();
    private final List<AttentionItem> attention = new ArrayList<>();
    private final List<FieldDrift> drift = new ArrayList<>();
    /** {@code store/sku} of the products that need attention for a store: not linked to it anew. */
    private final Set<String> needsAttention = new HashSet<>();

    private Planner(Input in) {
        this.in = in;
        this.tree = in.catalog.tree();
        in.observed.categories().forEach(c -> remoteCategories.put(c.id(), c));
    }

    public static Result plan(Input in) {
        return new Planner(in).run();
    }

    private Result run() {
        planCategories();
        Map<Long, String> keyOfRemote = new HashMap<>();
        mapped.forEach((k, id) -> keyOfRemote.put(id, k));
        Map<Long, String> paths = remotePaths();
        Map<Long, String> fieldNames = new HashMap<>();
        Map<String, Long> fieldIds = new TreeMap<>();
        for (RemoteCustomField f : in.observed.customFields()) {
            fieldNames.put(f.id(), f.name());
            fieldIds.putIfAbsent(f.name(), f.id());
        }
        Resolver resolver = new Resolver(in.catalog, keyOfRemote, paths, fieldNames, in.invalidGtinRefusal);

        Map<String, Product> declared = new HashMap<>();
        in.catalog.products().forEach(p -> declared.put(p.sku(), p));
        SortedMap<String, DesiredProduct> desired = new TreeMap<>();
        Set<String> skus = new TreeSet<>(in.observed.products().keySet());
        skus.addAll(declared.keySet());
        for (String sku : skus) {
            DesiredProduct d = resolver.resolve(sku, Optional.ofNullable(in.observed.products().get(sku)),
                    Optional.ofNullable(declared.get(sku)));
            if (!inCategoryScope(d)) {
                continue;
            }
            desired.put(sku, d);
        }

        planPrune(desired);
        // The ERP refuses to delete a category that still has children: deepest first (stable, so a
        // replacement's delete stays before the prunes of its depth).
        deletions.sort(Comparator.comparingInt(d -> -depth(remoteCategories.get(d.remoteId().getAsLong()))));

        // A store the ERP does not have would fail every write of the plan: it needs attention, and
        // nothing is planned for it.
        List<Store> stores = new ArrayList<>();
        Set<Long> remoteStores = new HashSet<>();
        in.observed.stores().forEach(s -> remoteStores.add(s.id()));
        for (Store store : in.catalog.stores()) {
            if (remoteStores.contains(store.remoteId())) {
                stores.add(store);
            } else {
                attention.add(new AttentionItem(EntityKind.STORE_CATEGORY_LINK, store.key(), Optional.of(store.key()),
                        "the ERP has no store #" + store.remoteId() + " (its sales channels are "
                                + remoteStores.stream().sorted().map(id -> "#" + id).toList()
                                + "): nothing is linked to this store until its remote_id is fixed"));
            }
        }

        // Marketplace values land as free attributes (what can be filled is filled, so a person fixes
        // only the rest); their violations need attention per store, and a product that needs
        // attention for a store is not linked to it anew until it is fixed: the link is what lists it.
        Map<String, SortedMap<String, String>> storeValues = new HashMap<>();
        for (DesiredProduct d : in.marketplaces == MarketplaceCheck.NONE ? List.<DesiredProduct>of() : desired.values()) {
            for (Store store : stores) {
                Optional<String> mpCategory = d.categoryKey().flatMap(k -> marketplaceCategory(store, k.value()));
                if (mpCategory.isEmpty()) {
                    continue;
                }
                MarketplaceCheck.Verdict v = in.marketplaces.check(toModel(d), store, mpCategory.get());
                v.violations().forEach(msg -> attention.add(new AttentionItem(EntityKind.PRODUCT, d.sku(),
                        Optional.of(store.key()), msg)));
                storeValues.computeIfAbsent(d.sku(), s -> new TreeMap<>()).putAll(v.values());
                if (!v.violations().isEmpty()) {
                    needsAttention.add(store.key() + "/" + d.sku());
                }
            }
        }

        // Custom fields to create: every free attribute name the ERP does not have yet.
        Set<String> neededFields = new TreeSet<>();
        desired.values().forEach(d -> neededFields.addAll(d.custom().keySet()));
        storeValues.values().forEach(m -> neededFields.addAll(m.keySet()));
        List<Change> fieldChanges = new ArrayList<>();
        for (String field : neededFields) {
            if (!fieldIds.containsKey(field)) {
                fieldChanges.add(new Change.CreateCustomField(field));
            }
        }

        List<Change> productChanges = new ArrayList<>();
        for (DesiredProduct d : desired.values()) {
            Optional<Change> own = planProduct(d, storeValues.getOrDefault(d.sku(), new TreeMap<>()), fieldIds);
            Product family = declared.get(d.sku());
            if (family != null && family.isFamily()) {
                planFamily(d, family, own, productChanges);
            } else {
                own.ifPresent(productChanges::add);
            }
            d.attention().forEach(attention::add);
        }

        List<Change> linkChanges = new ArrayList<>();
        List<Change> productLinkChanges = new ArrayList<>();
        for (Store store : stores) {
            planCategoryLinks(store, linkChanges);
            planProductLinks(store, desired, productLinkChanges);
        }

        // Listings come after the products and links they depend on.
        List<Change> listingChanges = new ArrayList<>();
        SortedMap<String, String> sources = new TreeMap<>();
        for (Store store : stores) {
            planListings(store, desired, declared, listingChanges, sources);
        }

        List<Change> all = new ArrayList<>();
        all.addAll(fieldChanges);
        all.addAll(categoryChanges);
        all.addAll(productChanges);
        all.addAll(linkChanges);
        all.addAll(productLinkChanges);
        all.addAll(listingChanges);
        all.addAll(deletions);
        attention.sort(Comparator.comparing((AttentionItem a) -> a.entity().ordinal()).thenComparing(AttentionItem::key)
                .thenComparing(a -> a.store().orElse("")).thenComparing(AttentionItem::reason));
        List<AttentionItem> uniqueAttention = new ArrayList<>(new java.util.LinkedHashSet<>(attention));
        // Everything applying takes: reading the ERP again (a saved plan's premises are checked), then writing.
        long requests = in.observed.readRequests();

        Change.Visitor<Long> cost = Costs.of(in.costs);
        for (Change c : all) {
            requests += c.accept(cost);
        }
        // Whole seconds: what the plan says is what its saved form can say.
        Duration duration = Duration.ofSeconds(Math.round((requests + in.requirementFetches) / in.requestsPerSecond));
        SyncPlan plan = new SyncPlan(in.account, all, uniqueAttention, drift, in.options,
                in.observed.fingerprint(), new TreeMap<>(mapped), in.observed.readRequests() + in.requirementFetches,
                requests + in.requirementFetches, duration, sources);
        List<String> unclaimed = new ArrayList<>();
        Set<Long> claimed = new HashSet<>(mapped.values());
        in.observed.categories().stream().filter(c -> !claimed.contains(c.id()))
                .sorted(Comparator.comparingLong(RemoteCategory::id)).forEach(c -> unclaimed.add(c.id() + ""));
        return new Result(plan, Map.copyOf(mapped), unclaimed, Map.copyOf(inPolicy));
    }

    // ------------------------------------------------------------------ listings

    /**
     * A store's listings, for the stores whose policy manages them: each declared product mapped
     * to a marketplace category gets the listing {@link io.cathalog.core.marketplace.ListingDecision}
     * says, or an attention item saying why not; an existing one is updated, published or paused.
     */
    private void planListings(Store store, SortedMap<String, DesiredProduct> desired, Map<String, Product> declared,
                              List<Change> out, SortedMap<String, String> sources) {
        if (in.marketplaces == MarketplaceCheck.NONE) {
            return;
        }
        Set<String> storeSources = new TreeSet<>();
        Map<Long, RemoteListing> held = new HashMap<>();
        for (RemoteListing l : in.observed.listings().getOrDefault(store.remoteId(), List.of())) {
            held.merge(l.productId(), l, (a, b) -> a.id() <= b.id() ? a : b);
        }
        for (DesiredProduct d : desired.values()) {
            Optional<String> mpCategory = d.categoryKey().flatMap(k -> marketplaceCategory(store, k.value()));
            if (mpCategory.isEmpty()) {
                continue;
            }
            in.marketplaces.requirementSource(store, mpCategory.get()).ifPresent(storeSources::add);
            Product product = declared.get(d.sku());
            if (!store.managesListings() || (d.observed().isEmpty() && !d.declared())) {
                continue;
            }
            if (store.listingPolicy().forProduct(d.sku()).list()) {
                // The planner decides this product's listing in this store (listed, or needing attention).
                inPolicy.put(store.key() + "/" + d.sku(), mpCategory.get());
            }
            boolean family = product != null ? product.isFamily()
                    : d.observed().map(o -> !o.variations().isEmpty()).orElse(false);
            String key = store.key() + "/" + d.sku();
            if (family && product == null) {
                attention.add(new AttentionItem(EntityKind.LISTING, key, Optional.of(store.key()),
                        "no listing: the family is not in the catalog, so its variations are not known"));
                continue;
            }
            RemoteListing existing = d.observed().map(o -> held.get(o.id())).orElse(null);
            // A product the catalog gives no price (one it does not declare) is listed at the price the ERP holds.
            Product model = toModel(d, d.observed().flatMap(RemoteProduct::price));
            ListingDecision decision = in.marketplaces.listing(model, store, mpCategory.get());
            if (decision instanceof ListingDecision.NotListed no) {
                if (no.reason() != ListingDecision.Reason.POLICY) {
                    attention.add(new AttentionItem(EntityKind.LISTING, key, Optional.of(store.key()),
                            "no listing: " + no.message() + violations(no), missing(no)));
                }
                continue;
            }
            DesiredListing want = ((ListingDecision.Listed) decision).listing();
            Optional<List<ListingValues.Variation>> variations = family
                    ? listingVariations(store, mpCategory.get(), d, model, want, key)
                    : Optional.of(List.of());
            if (variations.isEmpty()) {
                continue;
            }
            boolean priceFromErp = d.price().isEmpty() && store.listingPolicy().forProduct(d.sku()).price().isEmpty();
            ListingValues values = new ListingValues(store.marketplace(), want.categoryId(), want.title(), want.price(),
                    want.attributes(), want.listingType(), want.freeShipping(), variations.get(), priceFromErp);
            boolean publish = want.status() == ListingPolicy.ListingStatus.PUBLISHED;
            ProductRef ref = productRefs.computeIfAbsent(d.sku(), sku -> d.observed().isPresent()
                    ? ProductRef.existing(sku, d.observed().get().id()) : ProductRef.planned(sku));
            if (existing == null) {
                out.add(new Change.CreateListing(store.key(), store.remoteId(), ref, values, publish));
                continue;
            }
            // What the ERP does not report (Bling: category, price, listing type, free shipping, the
            // variations' products and values) is compared with what the engine last wrote; what
            // it never wrote is written once, so that it is known from then on. Hand edits of
            // these in the ERP cannot be seen.
            WrittenListing written = in.observed.listingsWritten().get(existing.id());
            boolean unknown = existing.categoryId().isEmpty() || existing.price().isEmpty() || written == null
                    || !written.settingsKnown()
                    // A variation added or removed in the ERP by hand shows in its count.
                    || existing.variations().size() != written.variations().size();
            ListingValues before = new ListingValues(store.marketplace(), existing.categoryId().orElse("(not reported)"),
                    existing.title(), existing.price().orElse(want.price()), existing.attributes(),
                    written != null && written.settingsKnown() ? written.listingType() : want.listingType(),
                    written != null && written.settingsKnown() ? written.freeShipping() : want.freeShipping(),
                    written == null ? List.of() : written.variations());
            if (unknown || !values.sameAs(before)) {
                out.add(new Change.UpdateListing(store.key(), existing.id(), store.remoteId(), ref, before, values));
            }
            if (publish && !existing.published()) {
                out.add(new Change.SetListingStatus(store.key(), existing.id(), store.remoteId(), store.marketplace(),
                        d.sku(), ListingPolicy.ListingStatus.PUBLISHED, Optional.of(existing.state())));
            } else if (!publish && existing.published()) {
                // Only a published listing is paused: a draft stays a draft (the ERP pauses no draft).
                out.add(new Change.SetListingStatus(store.key(), existing.id(), store.remoteId(), store.marketplace(),
                        d.sku(), ListingPolicy.ListingStatus.PAUSED, Optional.of(existing.state())));
            }
        }
        if (!storeSources.isEmpty()) {
            sources.put(store.key(), String.join("; ", storeSources));
        }
    }

    /** The marketplace attributes whose missing value stops the listing, by id, once each. */
    private static List<String> missing(ListingDecision.NotListed no) {
        return no.violations().stream().filter(v -> v.code() == io.cathalog.core.marketplace.Violation.Code.MISSING_REQUIRED
                || v.code() == io.cathalog.core.marketplace.Violation.Code.MISSING_GTIN)
                .map(io.cathalog.core.marketplace.Violation::attribute).distinct().toList();
    }

    private static String violations(ListingDecision.NotListed no) {
        return no.violations().stream().map(v -> v.attribute() + " (" + v.message() + ")")
                .reduce((a, b) -> a + "; " + b).map(v -> ": " + v).orElse("");
    }

    /**
     * A family's listing's variations: each variation decided as a product of its own (the
     * family's values with the variation's options, attributes, GTIN and price), so that the
     * plugin maps its values to the category's attribute ids and names what it lacks. A variation
     * that needs attention blocks the family's listing: empty, with an attention item naming the
     * variation.
     */
    private Optional<List<ListingValues.Variation>> listingVariations(Store store, String mpCategory, DesiredProduct d,
                                                                      Product model,
                                                                      DesiredListing parent, String key) {
        Map<String, Long> have = new HashMap<>();
        d.observed().ifPresent(o -> o.variations().forEach(v -> v.sku().ifPresent(sku -> have.putIfAbsent(sku, v.id()))));
        List<ListingValues.Variation> out = new ArrayList<>();
        boolean blocked = false;
        // The resolved variations: what the catalog declares and what attribute rules fill (a GTIN rule).
        for (DesiredVariation resolved : d.variations()) {
            Variation v = resolved.toModel();
            ListingDecision vd = in.marketplaces.listing(variationModel(model, v), store, mpCategory);
            if (vd instanceof ListingDecision.NotListed no) {
                if (no.reason() == ListingDecision.Reason.POLICY) {
                    continue;
                }
                attention.add(new AttentionItem(EntityKind.LISTING, key, Optional.of(store.key()),
                        "no listing: variation " + v.sku() + " (" + optionsText(v.options()) + ") of " + d.sku()
                                + " needs attention: " + no.message() + violations(no), missing(no)));
                blocked = true;
                continue;
            }
            DesiredListing mine = ((ListingDecision.Listed) vd).listing();
            // A variation's own values: those that differ from the family's (its options, its GTIN).
            Map<String, String> own = new LinkedHashMap<>();
            mine.attributes().forEach((id, value) -> {
                if (!value.equals(parent.attributes().get(id))) {
                    own.put(id, value);
                }
            });
            Long id = have.get(v.sku());
            out.add(new ListingValues.Variation(id == null ? ProductRef.planned(v.sku()) : ProductRef.existing(v.sku(), id),
                    optionsText(v.options()), mine.price(), own));
        }
        return blocked ? Optional.empty() : Optional.of(out);
    }

    /** A variation as the plugin sees a product: the family's values, the variation's own over them. */
    private static Product variationModel(Product family, Variation v) {
        Product.Builder b = Product.builder(v.sku(), variationName(family.name(), v)).status(family.status());
        family.brand().ifPresent(b::brand);
        v.gtin().ifPresent(b::gtin);
        v.price().or(family::price).ifPresent(b::price);
        family.categoryKey().ifPresent(b::category);
        v.dimensions().or(family::dimensions).ifPresent(b::dimensions);
        v.netWeight().or(family::netWeight).ifPresent(b::netWeight);
        v.grossWeight().or(family::grossWeight).ifPresent(b::grossWeight);
        family.attributes().forEach(b::attribute);
        v.options().forEach((name, value) -> b.attribute(name, io.cathalog.core.model.AttributeValue.text(value)));
        v.attributes().forEach(b::attribute);
        try {
            return b.build();
        } catch (RuntimeException invalid) {
            return Product.builder(v.sku(), v.sku()).status(family.status())
                    .category(family.categoryKey().orElse("uncategorised")).build();
        }
    }

    // ------------------------------------------------------------------ categories

    private void planCategories() {
        Map<Long, List<RemoteCategory>> byParent = new HashMap<>();
        for (RemoteCategory c : in.observed.categories()) {
            byParent.computeIfAbsent(c.parentId().orElse(0), p -> new ArrayList<>()).add(c);
        }
        byParent.values().forEach(l -> l.sort(Comparator.comparingLong(RemoteCategory::id)));
        Set<Long> claimed = new HashSet<>();
        Set<String> replaced = new HashSet<>();
        for (Category c : tree.parentFirst()) {
            Optional<String> parentKey = c.parentKey();
            boolean parentCreated = parentKey.map(creating::contains).orElse(false);
            long parentId = parentKey.map(mapped::get).map(Long::longValue).orElse(0L);
            RemoteCategory match = null;
            Long known = in.categoryIds.get(c.key());
            if (known != null && remoteCategories.containsKey(known) && !claimed.contains(known)) {
                match = remoteCategories.get(known);
            } else if (!parentCreated) {
                match = naturalMatch(byParent.getOrDefault(parentId, List.of()), c.name(), claimed);
            }
            boolean parentReplaced = parentKey.map(replaced::contains).orElse(false);
            if (match == null) {
                Optional<CategoryRef> parent = parentKey.map(this::categoryRef);
                creating.add(c.key());
                categoryChanges.add(new Change.CreateCategory(c.key(), c.name(), parent));
                continue;
            }
            claimed.add(match.id());
            long remoteParent = match.parentId().orElse(0);
            boolean moved = parentReplaced || parentCreated || remoteParent != parentId;
            if (moved && !in.options.allowMoves()) {
                mapped.put(c.key(), match.id());
                attention.add(new AttentionItem(EntityKind.CATEGORY, c.key(), Optional.empty(),
                        "the catalog puts it under " + parentKey.map(k -> "'" + k + "'").orElse("the root")
                                + " but in the ERP it is under " + describeRemote(remoteParent)
                                + "; moving it re-creates it (plan with allowMoves)"));
                planRename(c, match);
                continue;
            }
            if (moved) {
                // The ERP cannot re-parent a category: create it anew, move its products, delete the old.
                Optional<CategoryRef> parent = parentKey.map(this::categoryRef);
                creating.add(c.key());
                replaced.add(c.key());
                categoryChanges.add(new Change.ReplaceCategory(c.key(), match.id(), match.name(),
                        describeRemote(remoteParent), c.name(), parent));
                replacedIds.add(match.id());
                deletions.add(new Change.DeleteCategory(c.key(), match.id(), match.name()));
                continue;
            }
            mapped.put(c.key(), match.id());
            planRename(c, match);
        }
    }

    /**
     * What the ERP has and the catalog does not: pruned when asked, children first, and only when
     * nothing will be left in it once this plan's products have moved.
     */
    private void planPrune(Map<String, DesiredProduct> desired) {
        if (!in.options.prune()) {
            return;
        }
        Set<Long> claimed = new HashSet<>(mapped.values());
        Set<Long> staying = new HashSet<>();
        for (RemoteProduct p : in.observed.products().values()) {
            if (p.categoryId().isEmpty()) {
                continue;
            }
            DesiredProduct d = p.sku().map(desired::get).orElse(null);
            boolean movesOut = d != null && d.categoryKey().isPresent();
            if (!movesOut) {
                staying.add(p.categoryId().getAsLong());
            }
        }
        List<RemoteCategory> unclaimed = in.observed.categories().stream()
                .filter(r -> !claimed.contains(r.id()) && !replacedIds.contains(r.id()))
                .sorted(Comparator.comparingInt((RemoteCategory r) -> -depth(r)).thenComparingLong(RemoteCategory::id))
                .toList();
        Set<Long> kept = new HashSet<>(claimed);
        Set<Long> movingOut = new HashSet<>();
        for (RemoteProduct p : in.observed.products().values()) {
            DesiredProduct d = p.sku().map(desired::get).orElse(null);
            if (d != null && d.categoryKey().isPresent()) {
                movingOut.add(p.id());
            }
        }
        for (RemoteCategory r : unclaimed) {
            boolean hasKeptChild = in.observed.categories().stream()
                    .anyMatch(o -> o.parentId().orElse(-1) == r.id() && kept.contains(o.id()));
            List<Long> members = in.observed.categoryMembers().get(r.id());
            boolean hasProducts = staying.contains(r.id()) || members == null
                    || members.size() > Observation.MEMBERS_LIMIT || !movingOut.containsAll(members);
            if (hasKeptChild || hasProducts) {
                kept.add(r.id());
                attention.add(new AttentionItem(EntityKind.CATEGORY, "#" + r.id(), Optional.empty(),
                        "not in the catalog, but not pruned: it still has " + (hasKeptChild ? "categories" : "products")));
                continue;
            }
            deletions.add(new Change.DeleteCategory("#" + r.id(), r.id(), pathOf(r)));
        }
    }

    private void planRename(Category c, RemoteCategory match) {
        if (!match.name().equals(c.name())) {
            categoryChanges.add(new Change.RenameCategory(c.key(), match.id(), match.name(), c.name()));
        }
    }

    /** One reference per category: a plan refers to a category from every product and link in it. */
    private final Map<String, CategoryRef> categoryRefs = new HashMap<>();
    /** One reference per product, shared by its links to every store. */
    private final Map<String, ProductRef> productRefs = new HashMap<>();

    /**
     * A catalog category as a change refers to it: by its ERP id, or as one this plan creates.
     * Asked only once the categories are planned (so whether it is created is settled).
     */
    private CategoryRef categoryRef(String key) {
        CategoryRef ref = categoryRefs.get(key);
        if (ref == null) {
            Long id = creating.contains(key) ? null : mapped.get(key);
            ref = id == null ? CategoryRef.planned(key) : CategoryRef.existing(key, id);
            categoryRefs.put(key, ref);
        }
        return ref;
    }

    /** The ERP category with this name under the parent: the exact name first, then ignoring case and accents. */
    private static RemoteCategory naturalMatch(List<RemoteCategory> siblings, String name, Set<Long> claimed) {
        for (RemoteCategory r : siblings) {
            if (!claimed.contains(r.id()) && r.name().equals(name)) {
                return r;
            }
        }
        String folded = Text.fold(name);
        for (RemoteCategory r : siblings) {
            if (!claimed.contains(r.id()) && Text.fold(r.name()).equals(folded)) {
                return r;
            }
        }
        return null;
    }

    private int depth(RemoteCategory r) {
        int d = 0;
        Set<Long> seen = new HashSet<>();
        RemoteCategory at = r;
        while (at != null && at.parentId().isPresent() && seen.add(at.id())) {
            d++;
            at = remoteCategories.get(at.parentId().getAsLong());
        }
        return d;
    }

    private String describeRemote(long id) {
        if (id == 0) {
            return "the root";
        }
        RemoteCategory r = remoteCategories.get(id);
        return r == null ? "#" + id : "'" + pathOf(r) + "'";
    }

    private String pathOf(RemoteCategory r) {
        return remotePaths().getOrDefault(r.id(), r.name());
    }

    private Map<Long, String> pathsCache;

    private Map<Long, String> remotePaths() {
        if (pathsCache == null) {
            pathsCache = new HashMap<>();
            for (RemoteCategory r : in.observed.categories()) {
                List<String> names = new ArrayList<>();
                Set<Long> seen = new HashSet<>();
                RemoteCategory at = r;
                while (at != null && seen.add(at.id())) {
                    names.add(0, at.name());
                    at = at.parentId().isPresent() ? remoteCategories.get(at.parentId().getAsLong()) : null;
                }
                pathsCache.put(r.id(), String.join(" > ", names));
            }
        }
        return pathsCache;
    }

    // ------------------------------------------------------------------ products

    private boolean inCategoryScope(DesiredProduct d) {
        if (in.scope.categoryKeys().isEmpty() || d.declared()) {
            return true;
        }
        return d.categoryKey().map(k -> tree.path(k.value()).stream().anyMatch(c -> in.scope.categoryKeys()
                .contains(c.key()))).orElse(false);
    }

    private Optional<Change> planProduct(DesiredProduct d, SortedMap<String, String> marketplaceValues,
                                         Map<String, Long> fieldIds) {
        Optional<RemoteProduct> observed = d.observed();
        ProductFields.Builder fields = ProductFields.builder();
        RemoteProduct o = observed.orElse(null);
        // What the engine last knew of the product (its baseline), when the ERP has it.
        Optional<RemoteProduct> previous = o == null ? Optional.empty()
                : Optional.ofNullable(in.observed.previous().get(d.sku()));

        if (in.invalidGtinRefusal.isPresent() && o != null && d.gtin().isEmpty()
                && o.gtin().filter(g -> !Gtin.isValid(g)).isPresent()) {
            // This ERP refuses any change at all to a product with an invalid GTIN: nothing is
            // planned until the catalog gives the right GTIN (the resolver says so).
            return Optional.empty();
        }
        if (o == null) {
            if (!d.declared()) {
                return Optional.empty();
            }
            fields.name(Assignment.of(d.name()));
            fields.status(Assignment.of(d.status()));
        } else {
            if (differs(d.sku(), Fields.NAME, Optional.of(o.name()), Optional.of(d.name()),
                    last(previous, p -> Optional.of(p.name())), d.declared())) {
                fields.name(new Assignment<>(Optional.of(o.name()), d.name(), Optional.empty()));
            }
            Optional<String> statusNow = Optional.of(Fields.status(o.status()));
            if (differs(d.sku(), Fields.STATUS, statusNow, Optional.of(Fields.status(d.status())),
                    last(previous, p -> Optional.of(Fields.status(p.status()))), d.declared())) {
                fields.status(new Assignment<>(statusNow, d.status(), Optional.empty()));
            }
        }
        Optional<String> brandNow = o == null ? Optional.empty() : o.brand();
        if (differs(d.sku(), Fields.BRAND, brandNow, d.brand().map(Decided::value),
                last(previous, RemoteProduct::brand), d.brand().isPresent())) {
            fields.brand(new Assignment<>(brandNow, d.brand().get().value(), d.brand().get().by()));
        }
        Optional<String> gtinNow = o == null ? Optional.empty() : o.gtin();
        if (differs(d.sku(), Fields.GTIN, gtinNow, d.gtin().map(Gtin::digits),
                last(previous, RemoteProduct::gtin), d.gtin().isPresent())) {
            fields.gtin(new Assignment<>(gtinNow, d.gtin().get().digits(), d.gtinRule()));
        }
        Optional<String> observedPrice = o == null ? Optional.empty() : o.price().map(BigDecimal::toPlainString);
        Optional<String> desiredPrice = d.price().map(BigDecimal::toPlainString);
        if (d.price().isPresent() && o != null && o.price().isPresent()
                && o.price().get().compareTo(d.price().get()) == 0) {
            desiredPrice = observedPrice;
        }
        if (differs(d.sku(), Fields.PRICE, observedPrice, desiredPrice,
                last(previous, p -> p.price().map(BigDecimal::toPlainString)), d.price().isPresent())) {
            fields.price(new Assignment<>(observedPrice, d.price().get(), Optional.empty()));
        }

        // The category: a key whose ERP id may only exist once the plan's categories are created.
        if (d.categoryKey().isPresent()) {
            String key = d.categoryKey().get().value();
            Long target = mapped.get(key);
            boolean same = o != null && target != null && !creating.contains(key)
                    && o.categoryId().isPresent() && o.categoryId().getAsLong() == target;
            if (!same) {
                Optional<String> before = o == null || o.categoryId().isEmpty() ? Optional.empty()
                        : Optional.of(categoryText(o.categoryId().getAsLong()));
                Last last = last(previous, p -> p.categoryId().isEmpty() ? Optional.empty()
                        : Optional.of(categoryText(p.categoryId().getAsLong())));
                noteDrift(d.sku(), Fields.CATEGORY, last, before);
                if (!isKeptDrift(last, before)) {
                    fields.category(new Assignment<>(before, categoryRef(key), d.categoryKey().get().by()));
                }
            }
        }
        weightDiff(d.sku(), Fields.NET_WEIGHT, o == null ? Optional.empty() : o.netWeight(), d.netWeight(),
                previous, RemoteProduct::netWeight).ifPresent(fields::netWeight);
        weightDiff(d.sku(), Fields.GROSS_WEIGHT, o == null ? Optional.empty() : o.grossWeight(),
                d.grossWeight(), previous, RemoteProduct::grossWeight).ifPresent(fields::grossWeight);
        if (d.dimensions().isPresent()) {
            Dimensions want = d.dimensions().get().value();
            Optional<Dimensions> have = o == null ? Optional.empty() : o.dimensions();
            if (have.isEmpty() || !have.get().isSameAs(want)) {
                Optional<Dimensions> last = previous.flatMap(RemoteProduct::dimensions);
                boolean edited = previous.isPresent() && (last.isPresent() != have.isPresent()
                        || (last.isPresent() && !last.get().isSameAs(have.get())));
                if (edited) {
                    noteDrift(d.sku(), Fields.DIMENSIONS, Last.of(last.map(Fields::dimensions)),
                            have.map(Fields::dimensions));
                }
                if (!(edited && in.options.drift() == DriftPolicy.KEEP_REMOTE)) {
                    fields.dimensions(new Assignment<>(have.map(Fields::dimensions), want, d.dimensions().get().by()));
                }
            }
        }

        // Free attributes and marketplace values, as custom fields by name.
        SortedMap<String, Decided<String>> custom = new TreeMap<>();
        d.custom().forEach((k, v) -> custom.put(k, new Decided<>(v.value().asText(), v.by())));
        marketplaceValues.forEach((k, v) -> custom.putIfAbsent(k, Decided.own(v)));
        Map<String, String> observedCustom = customByName(o);
        Map<String, String> previousCustom = customByName(previous.orElse(null));
        for (Map.Entry<String, Decided<String>> e : custom.entrySet()) {
            Optional<String> have = Optional.ofNullable(observedCustom.get(e.getKey()));
            if (differs(d.sku(), Fields.CUSTOM + e.getKey(), have, Optional.of(e.getValue().value()),
                    last(previous, p -> Optional.ofNullable(previousCustom.get(e.getKey()))), true)) {
                fields.custom(e.getKey(), new Assignment<>(have, e.getValue().value(), e.getValue().by()));
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        if (o == null) {
            return Optional.of(new Change.CreateProduct(d.sku(), fields.build()));
        }
        return Optional.of(new Change.UpdateProduct(d.sku(), o.id(), fields.build()));
    }

    // ------------------------------------------------------------------ families

    /**
     * A family: the parent's own change (as {@link #planProduct} made it), then one write of its
     * variations. A new family is created in one write with all its variations. An existing one
     * gets an {@link Change.UpdateVariations} that carries every variation it keeps (the ERP
     * deletes the ones a write leaves out): those the catalog declares, and those the ERP has that
     * the catalog does not, unless the plan prunes, when they are the ones named to remove.
     */
    private void planFamily(DesiredProduct d, Product family, Optional<Change> own, List<Change> out) {
        RemoteProduct o = d.observed().orElse(null);
        if (o == null) {
            if (own.isPresent() && own.get() instanceof Change.CreateProduct create) {
                List<VariationEntry> added = new ArrayList<>();
                for (DesiredVariation v : d.variations()) {
                    added.add(new VariationEntry(v.sku(), java.util.OptionalLong.empty(), VariationEntry.Action.ADD,
                            v.declared().options(), Optional.empty(), newVariation(v)));
                }
                out.add(new Change.CreateProduct(create.sku(), create.values(), added));
            }
            return;
        }
        Optional<RemoteProduct> previous = Optional.ofNullable(in.observed.previous().get(d.sku()));
        Map<String, io.cathalog.core.remote.RemoteVariation> have = new LinkedHashMap<>();
        List<io.cathalog.core.remote.RemoteVariation> unkeyed = new ArrayList<>();
        for (var rv : o.variations()) {
            if (rv.sku().isPresent() && !have.containsKey(rv.sku().get())) {
                have.put(rv.sku().get(), rv);
            } else {
                unkeyed.add(rv);
            }
        }
        Map<String, io.cathalog.core.remote.RemoteVariation> last = new HashMap<>();
        previous.ifPresent(p -> p.variations().forEach(v -> v.sku().ifPresent(sku -> last.putIfAbsent(sku, v))));
        List<VariationEntry> entries = new ArrayList<>();
        Set<String> declaredSkus = new HashSet<>();
        for (DesiredVariation dv : d.variations()) {
            Variation v = dv.declared();
            declaredSkus.add(v.sku());
            var rv = have.get(v.sku());
            if (rv == null) {
                entries.add(new VariationEntry(v.sku(), java.util.OptionalLong.empty(), VariationEntry.Action.ADD,
                        v.options(), Optional.empty(), newVariation(dv)));
                continue;
            }
            Optional<io.cathalog.core.remote.RemoteVariation> lastV = previous.map(p -> last.get(v.sku()));
            ProductFields.Builder f = ProductFields.builder();
            String optionsNow = optionsText(rv.options());
            Map<String, String> options = rv.options();
            if (differs(v.sku(), "options", Optional.of(optionsNow), Optional.of(optionsText(v.options())),
                    variationLast(previous, lastV, x -> Optional.of(optionsText(x.options()))), true)) {
                options = v.options();
            }
            Optional<String> gtin = dv.gtin().map(g -> g.value().digits());
            if (differs(v.sku(), Fields.GTIN, rv.gtin(), gtin, variationLast(previous, lastV,
                    io.cathalog.core.remote.RemoteVariation::gtin), gtin.isPresent())) {
                f.gtin(new Assignment<>(rv.gtin(), gtin.get(), dv.gtin().get().by()));
            }
            Optional<BigDecimal> price = dv.price();
            Optional<String> priceNow = rv.price().map(BigDecimal::toPlainString);
            Optional<String> priceWant = price.map(BigDecimal::toPlainString);
            if (price.isPresent() && rv.price().isPresent() && rv.price().get().compareTo(price.get()) == 0) {
                priceWant = priceNow;
            }
            if (differs(v.sku(), Fields.PRICE, priceNow, priceWant, variationLast(previous, lastV,
                    x -> x.price().map(BigDecimal::toPlainString)), price.isPresent())) {
                f.price(new Assignment<>(priceNow, price.get(), Optional.empty()));
            }
            Optional<Decided<Weight>> net = dv.netWeight();
            if (net.isPresent() && (rv.netWeight().isEmpty() || !rv.netWeight().get().isSameAs(net.get().value()))) {
                f.netWeight(new Assignment<>(rv.netWeight().map(Weight::toString), net.get().value(), net.get().by()));
            }
            Optional<Decided<Weight>> gross = dv.grossWeight();
            if (gross.isPresent() && (rv.grossWeight().isEmpty() || !rv.grossWeight().get().isSameAs(gross.get().value()))) {
                f.grossWeight(new Assignment<>(rv.grossWeight().map(Weight::toString), gross.get().value(),
                        gross.get().by()));
            }
            Optional<Decided<Dimensions>> dims = dv.dimensions();
            if (dims.isPresent() && (rv.dimensions().isEmpty() || !rv.dimensions().get().isSameAs(dims.get().value()))) {
                f.dimensions(new Assignment<>(rv.dimensions().map(Fields::dimensions), dims.get().value(), dims.get().by()));
            }
            boolean optionsChange = !optionsText(options).equals(optionsNow);
            if (options.isEmpty()) {
                options = v.options();
            }
            entries.add(new VariationEntry(v.sku(), java.util.OptionalLong.of(rv.id()),
                    optionsChange || !f.isEmpty() ? VariationEntry.Action.CHANGE : VariationEntry.Action.KEEP,
                    options, Optional.of(optionsNow), f.build()));
        }
        List<io.cathalog.core.remote.RemoteVariation> undeclared = new ArrayList<>(unkeyed);
        have.forEach((sku, rv) -> {
            if (!declaredSkus.contains(sku)) {
                undeclared.add(rv);
            }
        });
        for (var rv : undeclared) {
            // Never lost by accident: a variation the catalog does not declare is carried along,
            // and removed only by a plan that prunes, which names it.
            String sku = rv.sku().orElse("#" + rv.id());
            VariationEntry.Action action = in.options.prune() ? VariationEntry.Action.REMOVE : VariationEntry.Action.KEEP;
            if (rv.options().isEmpty()) {
                attention.add(new AttentionItem(EntityKind.PRODUCT, d.sku(), Optional.empty(), "variation " + sku
                        + " (#" + rv.id() + ") has no options in the ERP ('" + rv.name() + "'): give it a name like"
                        + " 'Cor:Azul;Tamanho:M' there"));
            }
            if (action == VariationEntry.Action.KEEP) {
                attention.add(new AttentionItem(EntityKind.PRODUCT, d.sku(), Optional.empty(), "variation " + sku
                        + " (" + optionsText(rv.options()) + ") is in the ERP but not in the catalog: it is kept;"
                        + " a plan with prune removes it"));
            }
            entries.add(new VariationEntry(rv.sku().filter(s -> !declaredSkus.contains(s)).orElse("#" + rv.id()),
                    java.util.OptionalLong.of(rv.id()), action,
                    rv.options(),
                    Optional.of(optionsText(rv.options())), ProductFields.builder().build()));
        }
        if (entries.stream().anyMatch(e -> e.action() != VariationEntry.Action.KEEP)) {
            // One write of the family: the parent's own changes ride along with its variations.
            ProductFields parent = own.filter(c -> c instanceof Change.UpdateProduct)
                    .map(c -> ((Change.UpdateProduct) c).values()).orElse(ProductFields.builder().build());
            out.add(new Change.UpdateVariations(d.sku(), o.id(), parent, entries));
        } else {
            own.ifPresent(out::add);
        }
    }

    /** Bling's name of a variation's options: "Cor:Azul;Tamanho:M". */
    static String optionsText(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(b.length() > 0 ? ";" : "").append(k).append(':').append(v));
        return b.toString();
    }

    /**
     * What a new variation is written with: its resolved values (its own, a rule's, else its
     * parent's), each naming the rule that gave it.
     */
    private ProductFields newVariation(DesiredVariation v) {
        ProductFields.Builder f = ProductFields.builder();
        f.name(Assignment.of(v.name()));
        v.gtin().ifPresent(g -> f.gtin(new Assignment<>(Optional.empty(), g.value().digits(), g.by())));
        v.price().ifPresent(p -> f.price(Assignment.of(p)));
        v.netWeight().ifPresent(w -> f.netWeight(new Assignment<>(Optional.empty(), w.value(), w.by())));
        v.grossWeight().ifPresent(w -> f.grossWeight(new Assignment<>(Optional.empty(), w.value(), w.by())));
        v.dimensions().ifPresent(x -> f.dimensions(new Assignment<>(Optional.empty(), x.value(), x.by())));
        return f.build();
    }

    /** A new variation's name: its parent's and its option values, within the ERP's 120 characters. */
    static String variationName(String parent, Variation v) {
        String name = parent + " " + String.join(" ", v.options().values());
        return name.length() <= Product.MAX_NAME_LENGTH ? name : name.substring(0, Product.MAX_NAME_LENGTH).strip();
    }

    private static Last variationLast(Optional<RemoteProduct> previous,
                                      Optional<io.cathalog.core.remote.RemoteVariation> last,
                                      java.util.function.Function<io.cathalog.core.remote.RemoteVariation, Optional<String>> field) {
        // A variation the baseline did not have (added since) has no last value: nothing to call drift.
        return previous.isPresent() && last.isPresent() ? Last.of(field.apply(last.get())) : Last.UNKNOWN;
    }

    private Map<String, String> customByName(RemoteProduct p) {
        Map<String, String> out = new HashMap<>();
        if (p == null) {
            return out;
        }
        Map<Long, String> names = new HashMap<>();
        in.observed.customFields().forEach(f -> names.put(f.id(), f.name()));
        for (CustomFieldValue v : p.customFields()) {
            String name = names.get(v.fieldId());
            if (name != null) {
                out.putIfAbsent(name, v.value());
            }
        }
        return out;
    }

    private Optional<Assignment<Weight>> weightDiff(String sku, String field, Optional<Weight> have,
                                                    Optional<Decided<Weight>> want, Optional<RemoteProduct> previous,
                                                    java.util.function.Function<RemoteProduct, Optional<Weight>> weight) {
        if (want.isEmpty()) {
            return Optional.empty();
        }
        Weight w = want.get().value();
        if (have.isPresent() && have.get().isSameAs(w)) {
            return Optional.empty();
        }
        // Converted only here, past the common case (nothing to write): grams are exact but not free.
        Last last = last(previous, p -> weight.apply(p).map(Planner::grams));
        Optional<String> now = have.map(Planner::grams);
        noteDrift(sku, field, last, now);
        if (isKeptDrift(last, now)) {
            return Optional.empty();
        }
        return Optional.of(new Assignment<>(have.map(Weight::toString), w, want.get().by()));
    }

    /**
     * Whether a field is to be written: {@code desired} differs from {@code observed}, and it is not
     * a hand edit the drift policy keeps. {@code last} is what the engine last knew: a difference
     * between it and {@code observed} is an edit made by hand, and is noted as drift.
     */
    private boolean differs(String sku, String field, Optional<String> observed, Optional<String> desired,
                            Last last, boolean managed) {
        if (!managed || desired.isEmpty() || desired.equals(observed)) {
            return false;
        }
        noteDrift(sku, field, last, observed);
        return !isKeptDrift(last, observed);
    }

    /**
     * What the engine last knew of a field: nothing when the product has no baseline (it was not
     * known before this run), else the field's value then (which may be none).
     */
    private record Last(boolean known, Optional<String> value) {
        static final Last UNKNOWN = new Last(false, Optional.empty());

        static Last of(Optional<String> value) {
            return new Last(true, value);
        }

        /** Whether the ERP's value differs from what the engine last knew: an edit made by hand. */
        boolean editedInto(Optional<String> observed) {
            return known && !value.equals(observed);
        }
    }

    private static Last last(Optional<RemoteProduct> baseline, java.util.function.Function<RemoteProduct, Optional<String>> field) {
        return baseline.map(p -> Last.of(field.apply(p))).orElse(Last.UNKNOWN);
    }

    private static String grams(Weight w) {
        return w.to(io.cathalog.core.model.WeightUnit.GRAM).toString();
    }

    private void noteDrift(String sku, String field, Last last, Optional<String> observed) {
        if (last.editedInto(observed)) {
            drift.add(new FieldDrift(EntityKind.PRODUCT, sku, field, last.value(), observed));
        }
    }

    private boolean isKeptDrift(Last last, Optional<String> observed) {
        return last.editedInto(observed) && in.options.drift() == DriftPolicy.KEEP_REMOTE;
    }

    private String categoryText(long id) {
        RemoteCategory r = remoteCategories.get(id);
        return r == null ? "#" + id : pathOf(r);
    }

    private Product toModel(DesiredProduct d) {
        return toModel(d, Optional.empty());
    }

    /** The product as the marketplaces see it, priced at {@code priceOtherwise} when the catalog gives no price. */
    private Product toModel(DesiredProduct d, Optional<BigDecimal> priceOtherwise) {
        Product.Builder b = Product.builder(d.sku(), d.name()).status(d.status());
        d.brand().ifPresent(v -> b.brand(v.value()));
        d.gtin().ifPresent(b::gtin);
        d.price().or(() -> priceOtherwise).ifPresent(b::price);
        d.categoryKey().ifPresent(k -> b.category(k.value()));
        d.dimensions().ifPresent(v -> b.dimensions(v.value()));
        d.netWeight().ifPresent(v -> b.netWeight(v.value()));
        d.grossWeight().ifPresent(v -> b.grossWeight(v.value()));
        d.custom().forEach((k, v) -> b.attribute(k, v.value()));
        // The mappers see the family: its variations with their resolved values, and the
        // combinations it lacks on purpose.
        d.variations().forEach(v -> b.variation(v.toModel()));
        in.catalog.product(d.sku()).ifPresent(p -> p.absentCombinations().forEach(b::absentCombination));
        try {
            return b.build();
        } catch (RuntimeException invalid) {
            // A product the model refuses (e.g. net above gross weight) is checked by name only.
            return Product.builder(d.sku(), d.name()).status(d.status())
                    .category(d.categoryKey().map(Decided::value).orElse("uncategorised")).build();
        }
    }

    // ------------------------------------------------------------------ stores

    private final Map<String, Optional<String>> marketplaceCategories = new HashMap<>();

    /** The store's marketplace category for a category key, from the key or its nearest ancestor. */
    private Optional<String> marketplaceCategory(Store store, String key) {
        return marketplaceCategories.computeIfAbsent(store.key() + "\u0000" + key, k -> nearestMapping(store, key));
    }

    private Optional<String> nearestMapping(Store store, String key) {
        List<Category> path = tree.path(key);
        for (int i = path.size() - 1; i >= 0; i--) {
            Optional<String> m = store.marketplaceCategory(path.get(i).key());
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private void planCategoryLinks(Store store, List<Change> out) {
        Map<Long, List<StoreCategoryLink>> byCategory = new HashMap<>();
        in.observed.categoryLinks().getOrDefault(store.remoteId(), List.of())
                .forEach(l -> byCategory.computeIfAbsent(l.categoryId(), c -> new ArrayList<>()).add(l));
        byCategory.values().forEach(l -> l.sort(Comparator.comparingLong(StoreCategoryLink::id)));
        for (Category c : tree.parentFirst()) {
            Optional<String> code = store.marketplaceCategory(c.key());
            if (code.isEmpty()) {
                continue;
            }
            String key = store.key() + "/" + c.key();
            String description = in.marketplaces.categoryName(store, code.get()).orElse(c.name());
            CategoryRef category = categoryRef(c.key());
            List<StoreCategoryLink> existing = category.isPlanned() ? List.of()
                    : byCategory.getOrDefault(category.remoteId().getAsLong(), List.of());
            if (existing.isEmpty()) {
                out.add(new Change.CreateStoreCategoryLink(key, store.remoteId(), category, code.get(), description));
                continue;
            }
            StoreCategoryLink link = existing.get(0);
            if (existing.size() > 1) {
                attention.add(new AttentionItem(EntityKind.STORE_CATEGORY_LINK, key, Optional.of(store.key()),
                        existing.size() + " links of this category to the store; the oldest (#" + link.id()
                                + ") is kept in sync"));
            }
            if (!link.marketplaceCategory().equals(code.get()) || !link.description().equals(description)) {
                out.add(new Change.UpdateStoreCategoryLink(key, link.id(), store.remoteId(), category,
                        new Assignment<>(Optional.of(link.marketplaceCategory()), code.get(), Optional.empty()),
                        new Assignment<>(Optional.of(link.description()), description, Optional.empty())));
            }
        }
    }

    private void planProductLinks(Store store, SortedMap<String, DesiredProduct> desired, List<Change> out) {
        SortedMap<Long, ProductStoreLink> links = in.observed.productLinks().getOrDefault(store.remoteId(), new TreeMap<>());
        Set<String> unmapped = new HashSet<>();
        for (DesiredProduct d : desired.values()) {
            if (d.categoryKey().isEmpty() || (d.observed().isEmpty() && !d.declared())) {
                continue;
            }
            String category = d.categoryKey().get().value();
            String key = store.key() + "/" + d.sku();
            CategoryRef target = categoryRef(category);
            ProductStoreLink link = d.observed().map(o -> links.get(o.id())).orElse(null);
            // A product is linked anew only where the store maps its category; a link that exists
            // keeps following the product's category either way.
            if (link == null && marketplaceCategory(store, category).isEmpty()) {
                unmapped.add(category);
                continue;
            }
            ProductRef product = productRefs.get(d.sku());
            if (product == null) {
                product = d.observed().isPresent() ? ProductRef.existing(d.sku(), d.observed().get().id())
                        : ProductRef.planned(d.sku());
                productRefs.put(d.sku(), product);
            }
            if (link == null && needsAttention.contains(key)) {
                // The marketplace would refuse it: its violations are in the plan's attention items.
                continue;
            }
            if (link == null) {
                out.add(new Change.CreateProductStoreLink(store.key(), store.remoteId(), product, d.sku(), target));
                continue;
            }
            // An existing link's code is the marketplace's listing id: never overwritten.
            boolean categoryOk = !target.isPlanned() && link.categoryIds().equals(List.of(target.remoteId().getAsLong()));
            if (!categoryOk) {
                Optional<String> before = Optional.of(link.categoryIds().stream().map(this::categoryText)
                        .reduce((a, b) -> a + ", " + b).orElse(""));
                out.add(new Change.UpdateProductStoreLink(key, link.id(), store.remoteId(), product,
                        new Assignment<>(before, target, Optional.empty())));
            }
        }
        planVariationLinks(store, desired, links, out);
        for (String category : new TreeSet<>(unmapped)) {
            attention.add(new AttentionItem(EntityKind.CATEGORY, category, Optional.of(store.key()),
                    "has no marketplace category for this store: its products are not linked to it"));
        }
    }

    /**
     * A family's variations have store links of their own in Bling (each holds the marketplace's
     * id of that variation): linked like their parent, where the store maps the family's category
     * and the family needs no attention there; an existing one follows the family's category.
     */
    private void planVariationLinks(Store store, SortedMap<String, DesiredProduct> desired,
                                    SortedMap<Long, ProductStoreLink> links, List<Change> out) {
        for (DesiredProduct d : desired.values()) {
            Product family = d.declared() ? in.catalog.product(d.sku()).orElse(null) : null;
            if (family == null || !family.isFamily() || d.categoryKey().isEmpty()) {
                continue;
            }
            String category = d.categoryKey().get().value();
            boolean mayLink = marketplaceCategory(store, category).isPresent()
                    && !needsAttention.contains(store.key() + "/" + d.sku());
            CategoryRef target = categoryRef(category);
            Map<String, io.cathalog.core.remote.RemoteVariation> have = new HashMap<>();
            d.observed().ifPresent(o -> o.variations().forEach(v -> v.sku().ifPresent(sku -> have.putIfAbsent(sku, v))));
            for (Variation v : family.variations()) {
                var rv = have.get(v.sku());
                ProductStoreLink link = rv == null ? null : links.get(rv.id());
                ProductRef ref = rv == null ? ProductRef.planned(v.sku()) : ProductRef.existing(v.sku(), rv.id());
                if (link == null) {
                    if (mayLink) {
                        out.add(new Change.CreateProductStoreLink(store.key(), store.remoteId(), ref, v.sku(), target));
                    }
                    continue;
                }
                boolean categoryOk = !target.isPlanned() && link.categoryIds().equals(List.of(target.remoteId().getAsLong()));
                if (!categoryOk) {
                    Optional<String> before = Optional.of(link.categoryIds().stream().map(this::categoryText)
                            .reduce((a, b) -> a + ", " + b).orElse(""));
                    out.add(new Change.UpdateProductStoreLink(store.key() + "/" + v.sku(), link.id(), store.remoteId(),
                            ref, new Assignment<>(before, target, Optional.empty())));
                }
            }
        }
    }
}
