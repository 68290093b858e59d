package io.cathalog.core.sync.internal;

import io.cathalog.core.internal.Text;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.CategoryTree;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Weight;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.StoreCategoryLink;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.DriftPolicy;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.FieldChange;
import io.cathalog.core.sync.FieldDrift;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.PlannedChange;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncPlan;

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
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The planner: a pure, deterministic function of the catalog, what was observed in the ERP, the
 * id map the engine keeps, the options and the marketplaces' rules. Same inputs, same plan — in
 * the same order, so its JSON is the same bytes.
 *
 * <p>Changes come in the order they must be applied: custom fields, categories (parents first),
 * products, store category links, product store links, then deletions (children first).
 */
public final class Planner {

    /** Everything a plan is made from. */
    public record Input(String account, Catalog catalog, Observation observed, Map<String, Long> categoryIds,
                        PlanOptions options, ProductScope scope, double requestsPerSecond, MarketplaceCheck marketplaces) {
        public Input {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(observed, "observed");
            categoryIds = Map.copyOf(categoryIds);
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(marketplaces, "marketplaces");
        }
    }

    /** A plan and the resolved products behind it (the audit reads those). */
    public record Result(SyncPlan plan, Map<String, Long> categoryMapping, List<String> unclaimedCategories) {
    }

    private final Input in;
    private final CategoryTree tree;
    private final Map<Long, RemoteCategory> remoteCategories = new HashMap<>();
    /** Source-of-truth key to ERP id, as far as the ERP already has the category. */
    private final Map<String, Long> mapped = new LinkedHashMap<>();
    /** Keys whose category is to be created (or re-created) by this plan. */
    private final Set<String> creating = new HashSet<>();
    private final List<PlannedChange> categoryChanges = new ArrayList<>();
    private final List<PlannedChange> deletions = new ArrayList<>();
    private final List<AttentionItem> attention = new ArrayList<>();
    private final List<FieldDrift> drift = new ArrayList<>();
    private long requests;

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
        Resolver resolver = new Resolver(in.catalog, keyOfRemote, paths, fieldNames);

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

        // Marketplace values land as free attributes; their violations need attention per store.
        Map<String, SortedMap<String, String>> storeValues = new HashMap<>();
        for (DesiredProduct d : in.marketplaces == MarketplaceCheck.NONE ? List.<DesiredProduct>of() : desired.values()) {
            for (Store store : in.catalog.stores()) {
                Optional<String> mpCategory = d.categoryKey().flatMap(k -> marketplaceCategory(store, k.value()));
                if (mpCategory.isEmpty()) {
                    continue;
                }
                MarketplaceCheck.Verdict v = in.marketplaces.check(toModel(d), store, mpCategory.get());
                v.violations().forEach(msg -> attention.add(new AttentionItem(EntityKind.PRODUCT, d.sku(),
                        Optional.of(store.key()), msg)));
                storeValues.computeIfAbsent(d.sku(), s -> new TreeMap<>()).putAll(v.values());
            }
        }

        // Custom fields to create: every free attribute name the ERP does not have yet.
        Set<String> neededFields = new TreeSet<>();
        desired.values().forEach(d -> neededFields.addAll(d.custom().keySet()));
        storeValues.values().forEach(m -> neededFields.addAll(m.keySet()));
        List<PlannedChange> fieldChanges = new ArrayList<>();
        for (String field : neededFields) {
            if (!fieldIds.containsKey(field)) {
                fieldChanges.add(new PlannedChange(ChangeAction.CREATE, EntityKind.CUSTOM_FIELD, field, OptionalLong.empty(),
                        List.of(change(Fields.NAME, Optional.empty(), Optional.of(field), Optional.empty())), false));
                requests += 3;
            }
        }

        List<PlannedChange> productChanges = new ArrayList<>();
        for (DesiredProduct d : desired.values()) {
            planProduct(d, storeValues.getOrDefault(d.sku(), new TreeMap<>()), fieldIds).ifPresent(productChanges::add);
            d.attention().forEach(attention::add);
        }

        List<PlannedChange> linkChanges = new ArrayList<>();
        List<PlannedChange> productLinkChanges = new ArrayList<>();
        for (Store store : in.catalog.stores()) {
            planCategoryLinks(store, linkChanges);
            planProductLinks(store, desired, productLinkChanges);
        }

        List<PlannedChange> all = new ArrayList<>();
        all.addAll(fieldChanges);
        all.addAll(categoryChanges);
        all.addAll(productChanges);
        all.addAll(linkChanges);
        all.addAll(productLinkChanges);
        all.addAll(deletions);
        attention.sort(Comparator.comparing((AttentionItem a) -> a.entity().ordinal()).thenComparing(AttentionItem::key)
                .thenComparing(a -> a.store().orElse("")).thenComparing(AttentionItem::reason));
        List<AttentionItem> uniqueAttention = new ArrayList<>(new java.util.LinkedHashSet<>(attention));
        Duration duration = Duration.ofMillis(Math.round(requests * 1000 / in.requestsPerSecond));
        SyncPlan plan = new SyncPlan(in.account, all, uniqueAttention, drift, in.options.drift(),
                in.observed.fingerprint(), requests, duration);
        List<String> unclaimed = new ArrayList<>();
        Set<Long> claimed = new HashSet<>(mapped.values());
        in.observed.categories().stream().filter(c -> !claimed.contains(c.id()))
                .sorted(Comparator.comparingLong(RemoteCategory::id)).forEach(c -> unclaimed.add(c.id() + ""));
        return new Result(plan, Map.copyOf(mapped), unclaimed);
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
                creating.add(c.key());
                categoryChanges.add(new PlannedChange(ChangeAction.CREATE, EntityKind.CATEGORY, c.key(),
                        OptionalLong.empty(), List.of(
                        change(Fields.NAME, Optional.empty(), Optional.of(c.name()), Optional.empty()),
                        change(Fields.PARENT, Optional.empty(), parentKey, Optional.empty())), false));
                requests += 1;
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
                // Bling cannot re-parent a category: create it anew, move its products, delete the old.
                creating.add(c.key());
                replaced.add(c.key());
                categoryChanges.add(new PlannedChange(ChangeAction.REPLACE, EntityKind.CATEGORY, c.key(),
                        OptionalLong.of(match.id()), List.of(
                        change(Fields.NAME, Optional.of(match.name()), Optional.of(c.name()), Optional.empty()),
                        change(Fields.PARENT, Optional.of(describeRemote(remoteParent)), parentKey, Optional.empty())),
                        true));
                deletions.add(new PlannedChange(ChangeAction.DELETE, EntityKind.CATEGORY, c.key(),
                        OptionalLong.of(match.id()), List.of(change(Fields.NAME, Optional.of(match.name()),
                        Optional.empty(), Optional.empty())), true));
                requests += 2;
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
        List<RemoteCategory> unclaimed = in.observed.categories().stream().filter(r -> !claimed.contains(r.id()))
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
                    || members.size() > Observer.MEMBERS_LIMIT || !movingOut.containsAll(members);
            if (hasKeptChild || hasProducts) {
                kept.add(r.id());
                attention.add(new AttentionItem(EntityKind.CATEGORY, "#" + r.id(), Optional.empty(),
                        "not in the catalog, but not pruned: it still has " + (hasKeptChild ? "categories" : "products")));
                continue;
            }
            deletions.add(new PlannedChange(ChangeAction.DELETE, EntityKind.CATEGORY, "#" + r.id(),
                    OptionalLong.of(r.id()), List.of(change(Fields.NAME, Optional.of(pathOf(r)), Optional.empty(),
                    Optional.empty())), true));
            requests += 1;
        }
    }

    private void planRename(Category c, RemoteCategory match) {
        if (!match.name().equals(c.name())) {
            categoryChanges.add(new PlannedChange(ChangeAction.UPDATE, EntityKind.CATEGORY, c.key(),
                    OptionalLong.of(match.id()), List.of(change(Fields.NAME, Optional.of(match.name()),
                    Optional.of(c.name()), Optional.empty())), false));
            requests += 1;
        }
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

    private Optional<PlannedChange> planProduct(DesiredProduct d, SortedMap<String, String> marketplaceValues,
                                                Map<String, Long> fieldIds) {
        Optional<RemoteProduct> observed = d.observed();
        List<FieldChange> fields = new ArrayList<>();
        RemoteProduct o = observed.orElse(null);
        RemoteProduct previous = o == null ? null : in.observed.previous().get(d.sku());

        if (o != null && d.gtin().isEmpty() && o.gtin().filter(g -> !Gtin.isValid(g)).isPresent()) {
            // Bling validates the whole product on every save: with an invalid GTIN it refuses any
            // change at all, so nothing is planned until the catalog gives the right GTIN.
            return Optional.empty();
        }
        if (o == null) {
            if (!d.declared()) {
                return Optional.empty();
            }
            fields.add(change(Fields.NAME, Optional.empty(), Optional.of(d.name()), Optional.empty()));
            fields.add(change(Fields.STATUS, Optional.empty(), Optional.of(Fields.status(d.status())), Optional.empty()));
        } else {
            diff(fields, d.sku(), Fields.NAME, Optional.of(o.name()), Optional.of(d.name()), Optional.empty(),
                    previous == null ? null : Optional.of(previous.name()), d.declared());
            diff(fields, d.sku(), Fields.STATUS, Optional.of(Fields.status(o.status())),
                    Optional.of(Fields.status(d.status())), Optional.empty(),
                    previous == null ? null : Optional.of(Fields.status(previous.status())), d.declared());
        }
        diff(fields, d.sku(), Fields.BRAND, o == null ? Optional.empty() : o.brand(),
                d.brand().map(Decided::value), d.brand().flatMap(Decided::by),
                previous == null ? null : previous.brand(), d.brand().isPresent());
        diff(fields, d.sku(), Fields.GTIN, o == null ? Optional.empty() : o.gtin(), d.gtin().map(Gtin::digits),
                Optional.empty(), previous == null ? null : previous.gtin(), d.gtin().isPresent());
        Optional<String> observedPrice = o == null ? Optional.empty() : o.price().map(BigDecimal::toPlainString);
        Optional<String> desiredPrice = d.price().map(BigDecimal::toPlainString);
        if (d.price().isPresent() && o != null && o.price().isPresent()
                && o.price().get().compareTo(d.price().get()) == 0) {
            desiredPrice = observedPrice;
        }
        diff(fields, d.sku(), Fields.PRICE, observedPrice, desiredPrice, Optional.empty(),
                previous == null ? null : previous.price().map(BigDecimal::toPlainString), d.price().isPresent());

        // The category: a key whose ERP id may only exist once the plan's categories are created.
        if (d.categoryKey().isPresent()) {
            String key = d.categoryKey().get().value();
            Long target = mapped.get(key);
            boolean same = o != null && target != null && !creating.contains(key)
                    && o.categoryId().isPresent() && o.categoryId().getAsLong() == target;
            if (!same) {
                Optional<String> before = o == null || o.categoryId().isEmpty() ? Optional.empty()
                        : Optional.of(categoryText(o.categoryId().getAsLong()));
                Optional<String> last = previous == null || previous.categoryId().isEmpty() ? Optional.empty()
                        : Optional.of(categoryText(previous.categoryId().getAsLong()));
                noteDrift(d.sku(), Fields.CATEGORY, previous == null ? null : last, before);
                if (!isKeptDrift(previous == null ? null : last, before)) {
                    fields.add(change(Fields.CATEGORY, before, Optional.of(key), d.categoryKey().get().by()));
                }
            }
        }
        weightDiff(fields, d.sku(), Fields.NET_WEIGHT, o == null ? Optional.empty() : o.netWeight(), d.netWeight(),
                previous == null ? null : previous.netWeight());
        weightDiff(fields, d.sku(), Fields.GROSS_WEIGHT, o == null ? Optional.empty() : o.grossWeight(),
                d.grossWeight(), previous == null ? null : previous.grossWeight());
        if (d.dimensions().isPresent()) {
            Dimensions want = d.dimensions().get().value();
            Optional<Dimensions> have = o == null ? Optional.empty() : o.dimensions();
            if (have.isEmpty() || !have.get().isSameAs(want)) {
                Optional<Dimensions> last = previous == null ? null : previous.dimensions();
                boolean edited = last != null && (last.isPresent() != have.isPresent()
                        || (last.isPresent() && !last.get().isSameAs(have.get())));
                Optional<String> lastText = last == null ? null : last.map(Fields::dimensions);
                if (edited) {
                    noteDrift(d.sku(), Fields.DIMENSIONS, lastText, have.map(Fields::dimensions));
                }
                if (!(edited && in.options.drift() == DriftPolicy.KEEP_REMOTE)) {
                    fields.add(change(Fields.DIMENSIONS, have.map(Fields::dimensions),
                            Optional.of(Fields.dimensions(want)), d.dimensions().get().by()));
                }
            }
        }

        // Free attributes and marketplace values, as custom fields by name.
        SortedMap<String, Decided<String>> custom = new TreeMap<>();
        d.custom().forEach((k, v) -> custom.put(k, new Decided<>(v.value().asText(), v.by())));
        marketplaceValues.forEach((k, v) -> custom.putIfAbsent(k, Decided.own(v)));
        Map<String, String> observedCustom = customByName(o);
        Map<String, String> previousCustom = customByName(previous);
        for (Map.Entry<String, Decided<String>> e : custom.entrySet()) {
            Optional<String> have = Optional.ofNullable(observedCustom.get(e.getKey()));
            diff(fields, d.sku(), Fields.CUSTOM + e.getKey(), have, Optional.of(e.getValue().value()),
                    e.getValue().by(), previous == null ? null : Optional.ofNullable(previousCustom.get(e.getKey())), true);
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        boolean newCustom = fields.stream().anyMatch(f -> Fields.isCustom(f.field()) && f.before().isEmpty());
        if (o == null) {
            // A POST, and a read for the link ids of new custom-field values.
            requests += 1 + (newCustom ? 1 : 0);
            return Optional.of(new PlannedChange(ChangeAction.CREATE, EntityKind.PRODUCT, d.sku(), OptionalLong.empty(),
                    fields, false));
        }
        requests += 1 + (newCustom ? 1 : 0);
        return Optional.of(new PlannedChange(ChangeAction.UPDATE, EntityKind.PRODUCT, d.sku(), OptionalLong.of(o.id()),
                fields, false));
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

    private void weightDiff(List<FieldChange> fields, String sku, String field, Optional<Weight> have,
                            Optional<Decided<Weight>> want, Optional<Weight> previous) {
        if (want.isEmpty()) {
            return;
        }
        Weight w = want.get().value();
        if (have.isPresent() && have.get().isSameAs(w)) {
            return;
        }
        Optional<String> last = previous == null ? null : previous.map(p -> p.to(io.cathalog.core.model.WeightUnit.GRAM).toString());
        Optional<String> now = have.map(h -> h.to(io.cathalog.core.model.WeightUnit.GRAM).toString());
        noteDrift(sku, field, last, now);
        if (isKeptDrift(last, now)) {
            return;
        }
        fields.add(change(field, have.map(Weight::toString), Optional.of(w.toString()), want.get().by()));
    }

    /**
     * Adds a change when {@code desired} differs from {@code observed}. {@code previous} is what the
     * engine last knew ({@code null} when it was not read again in this run): a difference between
     * it and {@code observed} is an edit made by hand.
     */
    private void diff(List<FieldChange> fields, String sku, String field, Optional<String> observed,
                      Optional<String> desired, Optional<String> by, Optional<String> previous, boolean managed) {
        if (!managed || desired.isEmpty() || desired.equals(observed)) {
            return;
        }
        noteDrift(sku, field, previous, observed);
        if (isKeptDrift(previous, observed)) {
            return;
        }
        fields.add(change(field, observed, desired, by));
    }

    private void noteDrift(String sku, String field, Optional<String> previous, Optional<String> observed) {
        if (previous != null && !previous.equals(observed)) {
            drift.add(new FieldDrift(EntityKind.PRODUCT, sku, field, previous, observed));
        }
    }

    private boolean isKeptDrift(Optional<String> previous, Optional<String> observed) {
        return previous != null && !previous.equals(observed) && in.options.drift() == DriftPolicy.KEEP_REMOTE;
    }

    private String categoryText(long id) {
        RemoteCategory r = remoteCategories.get(id);
        return r == null ? "#" + id : pathOf(r);
    }

    private Product toModel(DesiredProduct d) {
        Product.Builder b = Product.builder(d.sku(), d.name()).status(d.status());
        d.brand().ifPresent(v -> b.brand(v.value()));
        d.gtin().ifPresent(b::gtin);
        d.price().ifPresent(b::price);
        d.categoryKey().ifPresent(k -> b.category(k.value()));
        d.dimensions().ifPresent(v -> b.dimensions(v.value()));
        d.netWeight().ifPresent(v -> b.netWeight(v.value()));
        d.grossWeight().ifPresent(v -> b.grossWeight(v.value()));
        d.custom().forEach((k, v) -> b.attribute(k, v.value()));
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

    private void planCategoryLinks(Store store, List<PlannedChange> out) {
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
            Long id = creating.contains(c.key()) ? null : mapped.get(c.key());
            List<StoreCategoryLink> existing = id == null ? List.of() : byCategory.getOrDefault(id, List.of());
            List<FieldChange> fields = new ArrayList<>();
            if (existing.isEmpty()) {
                fields.add(change(Fields.STORE, Optional.empty(), Optional.of(Long.toString(store.remoteId())), Optional.empty()));
                fields.add(change(Fields.CATEGORY, Optional.empty(), Optional.of(c.key()), Optional.empty()));
                fields.add(change(Fields.CODE, Optional.empty(), code, Optional.empty()));
                fields.add(change(Fields.DESCRIPTION, Optional.empty(), Optional.of(description), Optional.empty()));
                out.add(new PlannedChange(ChangeAction.CREATE, EntityKind.STORE_CATEGORY_LINK, key, OptionalLong.empty(),
                        fields, false));
                requests += 1;
                continue;
            }
            StoreCategoryLink link = existing.get(0);
            if (existing.size() > 1) {
                attention.add(new AttentionItem(EntityKind.STORE_CATEGORY_LINK, key, Optional.of(store.key()),
                        existing.size() + " links of this category to the store; the oldest (#" + link.id()
                                + ") is kept in sync"));
            }
            if (!link.marketplaceCategory().equals(code.get()) || !link.description().equals(description)) {
                // A PUT carries all four fields: the unchanged ones show with before equal to after.
                fields.add(change(Fields.STORE, Optional.of(Long.toString(store.remoteId())),
                        Optional.of(Long.toString(store.remoteId())), Optional.empty()));
                fields.add(change(Fields.CATEGORY, Optional.of(c.key()), Optional.of(c.key()), Optional.empty()));
                fields.add(change(Fields.CODE, Optional.of(link.marketplaceCategory()), code, Optional.empty()));
                fields.add(change(Fields.DESCRIPTION, Optional.of(link.description()), Optional.of(description),
                        Optional.empty()));
                out.add(new PlannedChange(ChangeAction.UPDATE, EntityKind.STORE_CATEGORY_LINK, key,
                        OptionalLong.of(link.id()), fields, false));
                requests += 1;
            }
        }
    }

    private void planProductLinks(Store store, SortedMap<String, DesiredProduct> desired, List<PlannedChange> out) {
        SortedMap<Long, ProductStoreLink> links = in.observed.productLinks().getOrDefault(store.remoteId(), new TreeMap<>());
        Set<String> unmapped = new HashSet<>();
        for (DesiredProduct d : desired.values()) {
            if (d.categoryKey().isEmpty() || (d.observed().isEmpty() && !d.declared())) {
                continue;
            }
            String category = d.categoryKey().get().value();
            String key = store.key() + "/" + d.sku();
            Long categoryId = creating.contains(category) ? null : mapped.get(category);
            ProductStoreLink link = d.observed().map(o -> links.get(o.id())).orElse(null);
            // A product is linked anew only where the store maps its category; a link that exists
            // keeps following the product's category either way.
            if (link == null && marketplaceCategory(store, category).isEmpty()) {
                unmapped.add(category);
                continue;
            }
            if (link == null) {
                out.add(new PlannedChange(ChangeAction.CREATE, EntityKind.PRODUCT_STORE_LINK, key, OptionalLong.empty(),
                        List.of(change(Fields.STORE, Optional.empty(), Optional.of(Long.toString(store.remoteId())),
                                        Optional.empty()),
                                change(Fields.PRODUCT, Optional.empty(), Optional.of(d.sku()), Optional.empty()),
                                change(Fields.CODE, Optional.empty(), Optional.of(d.sku()), Optional.empty()),
                                change(Fields.CATEGORY, Optional.empty(), Optional.of(category), Optional.empty())),
                        false));
                requests += 1;
                continue;
            }
            // An existing link's code is the marketplace's listing id: never overwritten.
            List<FieldChange> fields = new ArrayList<>();
            boolean categoryOk = categoryId != null && link.categoryIds().equals(List.of(categoryId));
            if (!categoryOk) {
                fields.add(change(Fields.CATEGORY, Optional.of(link.categoryIds().stream().map(this::categoryText)
                        .reduce((a, b) -> a + ", " + b).orElse("")), Optional.of(category), Optional.empty()));
            }
            if (!fields.isEmpty()) {
                List<FieldChange> all = new ArrayList<>();
                all.add(change(Fields.STORE, Optional.of(Long.toString(store.remoteId())),
                        Optional.of(Long.toString(store.remoteId())), Optional.empty()));
                all.add(change(Fields.PRODUCT, Optional.of(d.sku()), Optional.of(d.sku()), Optional.empty()));
                all.addAll(fields);
                out.add(new PlannedChange(ChangeAction.UPDATE, EntityKind.PRODUCT_STORE_LINK, key,
                        OptionalLong.of(link.id()), all, false));
                requests += 2;
            }
        }
        for (String category : new TreeSet<>(unmapped)) {
            attention.add(new AttentionItem(EntityKind.CATEGORY, category, Optional.of(store.key()),
                    "has no marketplace category for this store: its products are not linked to it"));
        }
    }

    private static FieldChange change(String field, Optional<String> before, Optional<String> after, Optional<String> by) {
        return new FieldChange(field, before, after, by);
    }
}
