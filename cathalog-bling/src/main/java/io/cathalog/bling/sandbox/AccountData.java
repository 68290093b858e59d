package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One Bling account (company): its data, guarded by one lock. Every read and write of the data
 * happens under {@link #locked}, so concurrent clients see each request applied atomically.
 */
final class AccountData {
    final String id;
    final String name;
    final String cnpj;
    final String email;
    final LocalDate contractDate;
    final Ids ids;
    final RateLimiter limiter;
    private final ReentrantLock lock = new ReentrantLock();

    final TreeMap<Long, ObjectNode> categories = new TreeMap<>();
    private final TreeMap<Long, Product> productMap = new TreeMap<>();
    /** Read-only: products are added, changed and removed through the methods below, which keep the indexes in step. */
    final SortedMap<Long, Product> products = Collections.unmodifiableSortedMap(productMap);
    final TreeMap<Long, ObjectNode> categoryStoreLinks = new TreeMap<>();
    private final TreeMap<Long, StoreLink> storeLinkMap = new TreeMap<>();
    /** Read-only, like {@link #products}. */
    final SortedMap<Long, StoreLink> storeLinks = Collections.unmodifiableSortedMap(storeLinkMap);
    final TreeMap<Long, ObjectNode> customFields = new TreeMap<>();
    final TreeMap<Long, ObjectNode> channels = new TreeMap<>();
    /** Listings ({@code /anuncios}) by id, of every store of the account; see {@link Listings}. */
    final TreeMap<Long, Listings.Listing> listings = new TreeMap<>();

    AccountData(Settings.AccountSpec spec, LocalDate contractDate, Ids ids, RateLimiter limiter) {
        this.id = spec.id();
        this.name = spec.name();
        this.cnpj = spec.cnpj();
        this.email = spec.email();
        this.contractDate = contractDate;
        this.ids = ids;
        this.limiter = limiter;
    }

    /*
     * Indexes, so that a SKU's uniqueness, a product's variations and a product's store links are
     * found without scanning the account: with a scan per write, a first sync of 100 000 products
     * took hours here where Bling takes minutes. Id sets are sorted, so "the first" is what a scan
     * in id order found.
     */
    private final Map<String, TreeSet<Long>> productIdsByCode = new HashMap<>();
    private final Map<Long, TreeSet<Long>> childIdsByParent = new HashMap<>();
    private final Map<Long, TreeSet<Long>> storeLinkIdsByProduct = new HashMap<>();

    /** A variation deleted: its id, its parent's and its SKU. */
    record DeletedVariation(long id, long parentId, String codigo) {
    }

    final List<DeletedVariation> deletedVariations = new ArrayList<>();

    void addProduct(Product p) {
        if (productMap.putIfAbsent(p.id, p) != null) {
            throw new IllegalStateException("product " + p.id + " already exists in account " + id);
        }
        index(productIdsByCode, p.codigo, p.id);
        p.parentId.ifPresent(parent -> index(childIdsByParent, parent, p.id));
    }

    /** Replaces what was written for a product (its SKU may change with it). */
    void setFields(Product p, ObjectNode fields) {
        unindex(productIdsByCode, p.codigo, p.id);
        p.fields = fields;
        p.codigo = fields.path("codigo").asText("");
        index(productIdsByCode, p.codigo, p.id);
    }

    /** Removes one product and its store links; its variations must be removed first ({@link Products#remove}). */
    void removeProduct(long productId) {
        Product p = productMap.remove(productId);
        if (p == null) {
            return;
        }
        unindex(productIdsByCode, p.codigo, productId);
        p.parentId.ifPresent(parent -> unindex(childIdsByParent, parent, productId));
        // Every variation deleted, however (a PUT that left it out, a DELETE, its parent's DELETE):
        // a test proves with it that no write deleted one it did not mean to.
        p.parentId.ifPresent(parent -> deletedVariations.add(new DeletedVariation(productId, parent, p.codigo)));
        TreeSet<Long> links = storeLinkIdsByProduct.remove(productId);
        if (links != null) {
            links.forEach(storeLinkMap::remove);
        }
    }

    /** Products with this SKU, ascending id. */
    List<Product> productsWithCode(String codigo) {
        return resolve(productIdsByCode.get(codigo), productMap);
    }

    /** A parent's variations, ascending id. */
    List<Product> children(long parentId) {
        return resolve(childIdsByParent.get(parentId), productMap);
    }

    void addStoreLink(StoreLink l) {
        if (storeLinkMap.putIfAbsent(l.id, l) != null) {
            throw new IllegalStateException("store link " + l.id + " already exists in account " + id);
        }
        index(storeLinkIdsByProduct, l.productId, l.id);
    }

    /** Replaces a link's current state (its product may change with it). */
    void setStoreLink(StoreLink l, ObjectNode current) {
        unindex(storeLinkIdsByProduct, l.productId, l.id);
        l.set(current);
        index(storeLinkIdsByProduct, l.productId, l.id);
    }

    /** False when there was no such link. */
    boolean removeStoreLink(long linkId) {
        StoreLink l = storeLinkMap.remove(linkId);
        if (l == null) {
            return false;
        }
        unindex(storeLinkIdsByProduct, l.productId, linkId);
        return true;
    }

    /** A product's store links, ascending id. */
    List<StoreLink> storeLinksOf(long productId) {
        return resolve(storeLinkIdsByProduct.get(productId), storeLinkMap);
    }

    private static <K> void index(Map<K, TreeSet<Long>> index, K key, long value) {
        index.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
    }

    private static <K> void unindex(Map<K, TreeSet<Long>> index, K key, long value) {
        TreeSet<Long> ids = index.get(key);
        if (ids != null && ids.remove(value) && ids.isEmpty()) {
            index.remove(key);
        }
    }

    private static <V> List<V> resolve(TreeSet<Long> ids, Map<Long, V> items) {
        return ids == null ? List.of() : ids.stream().map(items::get).toList();
    }

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A product. {@code fields} holds what was written (sanitised); defaults are added when rendered.
     * Its SKU and parent are indexed by the account, so they change only through {@link #setFields}.
     */
    static final class Product {
        final long id;
        private ObjectNode fields;
        private String codigo;
        ArrayNode customValues = Json.arr();
        final Optional<Long> parentId;
        ObjectNode variation = Json.obj();
        final Instant createdAt;
        Instant changedAt;
        BigDecimal stock = BigDecimal.ZERO;

        Product(long id, ObjectNode fields, Instant createdAt) {
            this(id, Optional.empty(), fields, createdAt);
        }

        /** A variation of {@code parentId}. */
        Product(long id, long parentId, ObjectNode fields, Instant createdAt) {
            this(id, Optional.of(parentId), fields, createdAt);
        }

        private Product(long id, Optional<Long> parentId, ObjectNode fields, Instant createdAt) {
            this.id = id;
            this.parentId = parentId;
            this.fields = fields;
            this.codigo = fields.path("codigo").asText("");
            this.createdAt = createdAt;
            this.changedAt = createdAt;
        }

        /** What was written; edit in place only fields that are not indexed (not {@code codigo}). */
        ObjectNode fields() {
            return fields;
        }

        String situacao() {
            return fields.path("situacao").asText("A");
        }

        String codigo() {
            return codigo;
        }

        long categoryId() {
            return fields.path("categoria").path("id").asLong(0);
        }
    }

    /**
     * A product-store link. Reads before {@code visibleFrom} see {@code previous} (empty for a new
     * link): the optional visibility delay of open question 26. Its product is indexed by the
     * account, so its state changes only through {@link #setStoreLink}.
     */
    static final class StoreLink {
        final long id;
        private ObjectNode current;
        private long productId;
        private long storeId;
        Optional<ObjectNode> previous = Optional.empty();
        Instant visibleFrom;
        Instant changedAt;

        StoreLink(long id, ObjectNode current, Instant now) {
            this.id = id;
            set(current);
            this.visibleFrom = now;
            this.changedAt = now;
        }

        private void set(ObjectNode current) {
            this.current = current;
            this.productId = current.path("produto").path("id").asLong();
            this.storeId = current.path("loja").path("id").asLong();
        }

        ObjectNode current() {
            return current;
        }

        Optional<ObjectNode> visible(Instant now) {
            return now.isBefore(visibleFrom) ? previous : Optional.of(current);
        }

        long productId() {
            return productId;
        }

        long storeId() {
            return storeId;
        }
    }
}
