package io.cathalog.core.sync.internal;

import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteListing;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.RemoteStore;
import io.cathalog.core.remote.StoreCategoryLink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the engine knows the ERP holds, for one plan: fresh where it was read in this run, from
 * the state store's snapshots where nothing changed since.
 *
 * @param products     managed products by SKU
 * @param previous     for each product, its baseline: what the engine last wrote or first saw
 *                     (an observed value that differs from it was edited by hand)
 * @param unkeyed      products the ERP has without a SKU (never managed; the audit lists them)
 * @param categoryLinks store category links by store id
 * @param productLinks product store links by store id, then product id
 * @param categoryMembers for categories that may be pruned, the ids of (at most 101 of) their
 *                      products; empty unless pruning
 * @param readRequests  the API requests the observation took (an apply of a saved plan observes again)
 * @param orphans      listed variations whose parent the listing does not show
 * @param listings     the listings of each store whose policy manages them, by store id (stores
 *                     without a policy are not read)
 * @param listingsWritten by listing id, what the engine last wrote to it that the ERP does not
 *                     report back (its state; absent for a listing it never wrote)
 */
public record Observation(Instant at, List<RemoteStore> stores, List<RemoteCategory> categories,
                          SortedMap<String, RemoteProduct> products, Map<String, RemoteProduct> previous,
                          List<RemoteProductSummary> unkeyed, List<RemoteCustomField> customFields,
                          SortedMap<Long, List<StoreCategoryLink>> categoryLinks,
                          SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks,
                          Map<Long, List<Long>> categoryMembers, long readRequests,
                          List<RemoteProductSummary> orphans, SortedMap<Long, List<RemoteListing>> listings,
                          Map<Long, WrittenListing> listingsWritten) {

    /**
     * An observation whose listings' written values are not known (none recorded).
     *
     * @param at              when it was made
     * @param stores          the ERP's stores
     * @param categories      its categories
     * @param products        managed products by SKU
     * @param previous        their baselines
     * @param unkeyed         products without a SKU
     * @param customFields    its custom fields
     * @param categoryLinks   store-category links per store
     * @param productLinks    product-store links per store
     * @param categoryMembers products of prunable categories
     * @param readRequests    what reading cost
     * @param orphans         orphan variations
     * @param listings        listings per store
     */
    public Observation(Instant at, List<RemoteStore> stores, List<RemoteCategory> categories,
                       SortedMap<String, RemoteProduct> products, Map<String, RemoteProduct> previous,
                       List<RemoteProductSummary> unkeyed, List<RemoteCustomField> customFields,
                       SortedMap<Long, List<StoreCategoryLink>> categoryLinks,
                       SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks,
                       Map<Long, List<Long>> categoryMembers, long readRequests, List<RemoteProductSummary> orphans,
                       SortedMap<Long, List<RemoteListing>> listings) {
        this(at, stores, categories, products, previous, unkeyed, customFields, categoryLinks, productLinks,
                categoryMembers, readRequests, orphans, listings, Map.of());
    }

    /**
     * An observation that read no listings.
     *
     * @param at              when it was made
     * @param stores          the ERP's stores
     * @param categories      its categories
     * @param products        managed products by SKU
     * @param previous        their baselines
     * @param unkeyed         products without a SKU
     * @param customFields    its custom fields
     * @param categoryLinks   store-category links per store
     * @param productLinks    product-store links per store
     * @param categoryMembers products of prunable categories
     * @param readRequests    what reading cost
     * @param orphans         orphan variations
     */
    public Observation(Instant at, List<RemoteStore> stores, List<RemoteCategory> categories,
                       SortedMap<String, RemoteProduct> products, Map<String, RemoteProduct> previous,
                       List<RemoteProductSummary> unkeyed, List<RemoteCustomField> customFields,
                       SortedMap<Long, List<StoreCategoryLink>> categoryLinks,
                       SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks,
                       Map<Long, List<Long>> categoryMembers, long readRequests, List<RemoteProductSummary> orphans) {
        this(at, stores, categories, products, previous, unkeyed, customFields, categoryLinks, productLinks,
                categoryMembers, readRequests, orphans, new java.util.TreeMap<>());
    }

    /**
     * An observation without orphan variations (the usual case).
     *
     * @param at              when it was made
     * @param stores          the ERP's stores
     * @param categories      its categories
     * @param products        managed products by SKU
     * @param previous        their baselines
     * @param unkeyed         products without a SKU
     * @param customFields    its custom fields
     * @param categoryLinks   store-category links per store
     * @param productLinks    product-store links per store
     * @param categoryMembers products of prunable categories
     * @param readRequests    what reading cost
     */
    public Observation(Instant at, List<RemoteStore> stores, List<RemoteCategory> categories,
                       SortedMap<String, RemoteProduct> products, Map<String, RemoteProduct> previous,
                       List<RemoteProductSummary> unkeyed, List<RemoteCustomField> customFields,
                       SortedMap<Long, List<StoreCategoryLink>> categoryLinks,
                       SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks,
                       Map<Long, List<Long>> categoryMembers, long readRequests) {
        this(at, stores, categories, products, previous, unkeyed, customFields, categoryLinks, productLinks,
                categoryMembers, readRequests, List.of());
    }

    /** An observation whose cost is not counted (made by hand, in tests). */
    public Observation(Instant at, List<RemoteStore> stores, List<RemoteCategory> categories,
                       SortedMap<String, RemoteProduct> products, Map<String, RemoteProduct> previous,
                       List<RemoteProductSummary> unkeyed, List<RemoteCustomField> customFields,
                       SortedMap<Long, List<StoreCategoryLink>> categoryLinks,
                       SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks,
                       Map<Long, List<Long>> categoryMembers) {
        this(at, stores, categories, products, previous, unkeyed, customFields, categoryLinks, productLinks,
                categoryMembers, 0);
    }

    /** How many of a prunable category's products are listed: one more means "too many to prune". */
    static final int MEMBERS_LIMIT = 100;

    /**
     * A digest of everything observed that a plan depends on: a saved plan whose fingerprint no
     * longer matches was made against an ERP that has changed since.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            categories.stream().sorted(java.util.Comparator.comparingLong(RemoteCategory::id))
                    .forEach(c -> update(sha, "C" + c.id() + "|" + c.name() + "|" + c.parentId()));
            StringBuilder b = new StringBuilder(256);
            products.forEach((sku, p) -> {
                b.setLength(0);
                Snapshots.canonical(p, b.append('P'));
                update(sha, b.toString());
            });
            customFields.stream().sorted(java.util.Comparator.comparingLong(RemoteCustomField::id))
                    .forEach(f -> update(sha, "F" + f.id() + "|" + f.name()));
            categoryLinks.forEach((store, links) -> links.stream()
                    .sorted(java.util.Comparator.comparingLong(StoreCategoryLink::id))
                    .forEach(l -> update(sha, "L" + l)));
            productLinks.forEach((store, links) -> links.forEach((product, l) -> update(sha, "K" + l.id() + "|"
                    + l.productId() + "|" + l.storeId() + "|" + l.code() + "|" + l.price().map(Snapshots::plain)
                    .orElse("") + "|" + l.categoryIds())));
            listings.forEach((store, all) -> all.stream().sorted(java.util.Comparator.comparingLong(RemoteListing::id))
                    .forEach(l -> update(sha, "A" + l.id() + "|" + l.productId() + "|" + l.storeId() + "|"
                            + l.categoryId() + "|" + l.title() + "|" + l.price().map(Snapshots::plain) + "|" + l.state()
                            + "|" + new java.util.TreeMap<>(l.attributes()))));
            // A prune's premise: the category holds only products the plan moves out.
            new java.util.TreeMap<>(categoryMembers).forEach((category, ids) -> update(sha, "M" + category + "|" + ids));
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }
}
