package io.cathalog.cli;

import io.cathalog.core.model.Store;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.ListingValues;
import io.cathalog.core.sync.SyncPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The listings (anúncios) of a plan or an audit, per store, as the demo and the HTML reports show
 * them: where each store's requirements came from, the listing changes, the products not listed
 * and why, and the audit's listing findings. Plain text throughout; the pages escape it.
 */
final class ListingsView {
    /** The audit's finding kinds about listings (see the engine's auditor). */
    static final Set<String> FINDING_KINDS = Set.of("listing-not-in-policy", "listing-category-mismatch");

    private ListingsView() {
    }

    /**
     * One listing change.
     *
     * @param action     create, update, publish or pause
     * @param sku        the product
     * @param category   the marketplace category (empty for a status change)
     * @param title      the title (empty for a status change)
     * @param price      the price (empty for a status change)
     * @param status     the status it ends in (empty when it keeps its own)
     * @param attributes the mapped attributes, {@code ID=value}, or the fields an update changes
     */
    record Row(String action, String sku, String category, String title, String price, String status,
               List<String> attributes) {
    }

    /**
     * A product the store does not list.
     *
     * @param sku     the product
     * @param reason  why, as the plan says it
     * @param missing the marketplace attribute ids the plan names (may be empty)
     */
    record NotListed(String sku, String reason, List<String> missing) {
    }

    /**
     * One audit finding about a store's listings.
     *
     * @param kind   the finding's kind
     * @param key    the listing or product
     * @param detail what is wrong
     */
    record Finding(String kind, String key, String detail) {
    }

    /**
     * A store's listings.
     *
     * @param key       the store's catalog key
     * @param name      the store as people know it
     * @param source    where its requirements came from (empty when the plan did not say)
     * @param policy    its listing policy in a few words, or empty when it has none
     * @param rows      the listing changes
     * @param notListed products not listed, with why
     * @param findings  the audit's listing findings
     */
    record StoreListings(String key, String name, String source, String policy, List<Row> rows,
                         List<NotListed> notListed, List<Finding> findings) {
        /** @return how many rows of each action, in a stable order */
        Map<String, Long> counts() {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String a : List.of("create", "update", "publish", "pause")) {
                long n = rows.stream().filter(r -> r.action().equals(a)).count();
                if (n > 0) {
                    out.put(a, n);
                }
            }
            return out;
        }
    }

    /**
     * The plan's listings per store: every store the catalog has with a listing policy or a
     * requirement source, then any other store a listing change or item names.
     */
    static List<StoreListings> of(SyncPlan plan, List<Store> stores) {
        return build(stores, plan.requirementSources(), plan.changes(), plan.attention(), List.of());
    }

    /** The audit's listing findings per store (an audit holds no changes nor requirement sources). */
    static List<StoreListings> of(AuditReport audit, List<Store> stores) {
        return build(stores, Map.of(), List.of(), List.of(), audit.findings());
    }

    private static List<StoreListings> build(List<Store> stores, Map<String, String> sources, List<Change> changes,
                                             List<AttentionItem> attention, List<AuditFinding> findings) {
        Map<String, List<Row>> rows = new TreeMap<>();
        for (Change c : changes) {
            c.accept(ROWS).ifPresent(r -> rows.computeIfAbsent(r.store(), s -> new ArrayList<>()).add(r.row()));
        }
        Map<String, List<NotListed>> notListed = new TreeMap<>();
        for (AttentionItem a : attention) {
            if (a.entity() == EntityKind.LISTING && a.store().isPresent()) {
                String key = a.key();
                String sku = key.startsWith(a.store().get() + "/") ? key.substring(a.store().get().length() + 1) : key;
                notListed.computeIfAbsent(a.store().get(), s -> new ArrayList<>())
                        .add(new NotListed(sku, a.reason(), a.missingAttributes()));
            }
        }
        Map<String, List<Finding>> found = new TreeMap<>();
        Map<String, String> keyOf = new LinkedHashMap<>();
        stores.forEach(s -> {
            keyOf.put(s.key(), s.key());
            keyOf.putIfAbsent(Long.toString(s.remoteId()), s.key());
        });
        for (AuditFinding f : findings) {
            if (FINDING_KINDS.contains(f.kind()) && f.store().isPresent()) {
                String store = keyOf.getOrDefault(f.store().get(), f.store().get());
                found.computeIfAbsent(store, s -> new ArrayList<>()).add(new Finding(f.kind(), f.key(), f.detail()));
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Store s : stores) {
            if (s.managesListings() || sources.containsKey(s.key()) || rows.containsKey(s.key())
                    || notListed.containsKey(s.key()) || found.containsKey(s.key())) {
                keys.add(s.key());
            }
        }
        Set<String> others = new TreeSet<>();
        others.addAll(rows.keySet());
        others.addAll(notListed.keySet());
        others.addAll(found.keySet());
        keys.addAll(others);
        Map<String, String> names = HtmlAudit.storeNames(stores);
        List<StoreListings> out = new ArrayList<>();
        for (String k : keys) {
            Optional<Store> store = stores.stream().filter(s -> s.key().equals(k)).findFirst();
            String policy = store.filter(Store::managesListings).map(ListingsView::policy).orElse("");
            out.add(new StoreListings(k, names.getOrDefault(k, k), sources.getOrDefault(k, ""), policy,
                    rows.getOrDefault(k, List.of()), notListed.getOrDefault(k, List.of()),
                    found.getOrDefault(k, List.of())));
        }
        return out;
    }

    private static String policy(Store s) {
        var p = s.listingPolicy();
        StringBuilder b = new StringBuilder(p.createListings() ? "creates listings" : "creates no listings");
        b.append(", ").append(p.status().name().toLowerCase(Locale.ROOT));
        p.listingType().ifPresent(t -> b.append(", ").append(t));
        if (p.freeShipping()) {
            b.append(", free shipping");
        }
        return b.toString();
    }

    /**
     * Why products are not listed, grouped: the attributes missing (or the reason's first words when
     * it names none), most frequent first, with how many and an example.
     */
    static List<String> notListedSummary(StoreListings s, int max) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (NotListed n : s.notListed()) {
            String why = n.missing().isEmpty() ? shortReason(n) : "missing " + String.join(", ", n.missing());
            groups.computeIfAbsent(why, w -> new ArrayList<>()).add(n.sku());
        }
        return groups.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .limit(max)
                .map(e -> e.getValue().size() + " " + e.getKey() + " (e.g. " + e.getValue().get(0) + ")")
                .collect(Collectors.toList());
    }

    private static String shortReason(NotListed n) {
        String r = n.reason().startsWith("no listing: ") ? n.reason().substring("no listing: ".length()) : n.reason();
        // "SKU has no price for ..." -> "has no price for ..."; keep what follows the product.
        if (r.startsWith(n.sku() + " ")) {
            r = r.substring(n.sku().length() + 1);
        }
        int colon = r.indexOf(':');
        return colon > 0 ? r.substring(0, colon) : r;
    }

    /** A row and the store it belongs to. */
    private record StoreRow(String store, Row row) {
    }

    private static Row values(String action, String sku, ListingValues v, String status) {
        List<String> attributes = new ArrayList<>();
        v.attributes().forEach((id, value) -> attributes.add(id + ": " + value));
        return new Row(action, sku, v.categoryId(), v.title(), v.price().toPlainString(), status, attributes);
    }

    /** Listing changes become rows; every other kind none. */
    private static final Change.Visitor<Optional<StoreRow>> ROWS = new Change.Visitor<>() {
        @Override public Optional<StoreRow> createCustomField(Change.CreateCustomField c) { return Optional.empty(); }
        @Override public Optional<StoreRow> createCategory(Change.CreateCategory c) { return Optional.empty(); }
        @Override public Optional<StoreRow> renameCategory(Change.RenameCategory c) { return Optional.empty(); }
        @Override public Optional<StoreRow> replaceCategory(Change.ReplaceCategory c) { return Optional.empty(); }
        @Override public Optional<StoreRow> deleteCategory(Change.DeleteCategory c) { return Optional.empty(); }
        @Override public Optional<StoreRow> createProduct(Change.CreateProduct c) { return Optional.empty(); }
        @Override public Optional<StoreRow> updateProduct(Change.UpdateProduct c) { return Optional.empty(); }
        @Override public Optional<StoreRow> updateVariations(Change.UpdateVariations c) { return Optional.empty(); }
        @Override public Optional<StoreRow> createStoreCategoryLink(Change.CreateStoreCategoryLink c) {
            return Optional.empty();
        }
        @Override public Optional<StoreRow> updateStoreCategoryLink(Change.UpdateStoreCategoryLink c) {
            return Optional.empty();
        }
        @Override public Optional<StoreRow> createProductStoreLink(Change.CreateProductStoreLink c) {
            return Optional.empty();
        }
        @Override public Optional<StoreRow> updateProductStoreLink(Change.UpdateProductStoreLink c) {
            return Optional.empty();
        }

        @Override
        public Optional<StoreRow> createListing(Change.CreateListing c) {
            return Optional.of(new StoreRow(c.storeKey(), values("create", c.product().sku(), c.values(),
                    // Bling creates a draft; unpublished, it stays one (a draft is never paused).
                    c.publish() ? "published" : "draft (not published)")));
        }

        @Override
        public Optional<StoreRow> updateListing(Change.UpdateListing c) {
            Row all = values("update", c.product().sku(), c.after(), "");
            // An update shows what it changes, not every value again.
            List<String> changed = c.fields().stream().map(f -> f.field() + ": " + f.before().orElse("(none)")
                    + " -> " + f.after().orElse("(none)")).toList();
            return Optional.of(new StoreRow(c.storeKey(), new Row(all.action(), all.sku(), all.category(),
                    all.title(), all.price(), all.status(), changed)));
        }

        @Override
        public Optional<StoreRow> setListingStatus(Change.SetListingStatus c) {
            boolean publish = c.publish();
            return Optional.of(new StoreRow(c.storeKey(), new Row(publish ? "publish" : "pause", c.sku(), "", "", "",
                    publish ? "published" : "paused", List.of())));
        }
    };
}
