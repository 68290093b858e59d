package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeMap;
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
    final TreeMap<Long, Product> products = new TreeMap<>();
    final TreeMap<Long, ObjectNode> categoryStoreLinks = new TreeMap<>();
    final TreeMap<Long, StoreLink> storeLinks = new TreeMap<>();
    final TreeMap<Long, ObjectNode> customFields = new TreeMap<>();
    final TreeMap<Long, ObjectNode> channels = new TreeMap<>();

    AccountData(Settings.AccountSpec spec, LocalDate contractDate, Ids ids, RateLimiter limiter) {
        this.id = spec.id();
        this.name = spec.name();
        this.cnpj = spec.cnpj();
        this.email = spec.email();
        this.contractDate = contractDate;
        this.ids = ids;
        this.limiter = limiter;
    }

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** A product. {@code fields} holds what was written (sanitised); defaults are added when rendered. */
    static final class Product {
        final long id;
        ObjectNode fields;
        ArrayNode customValues = Json.arr();
        Optional<Long> parentId = Optional.empty();
        ObjectNode variation = Json.obj();
        final Instant createdAt;
        Instant changedAt;
        BigDecimal stock = BigDecimal.ZERO;

        Product(long id, ObjectNode fields, Instant createdAt) {
            this.id = id;
            this.fields = fields;
            this.createdAt = createdAt;
            this.changedAt = createdAt;
        }

        String situacao() {
            return fields.path("situacao").asText("A");
        }

        /** Whose codigo {@link #codigo} holds: a write replaces {@code fields}, it never edits the SKU in place. */
        private ObjectNode codigoOf;
        private String codigo;

        /**
         * Cached: every write checks its SKU against every product, and reading it from the JSON
         * each time made a 100 000-product account slower than Bling by orders of magnitude.
         */
        String codigo() {
            if (codigoOf != fields) {
                codigo = fields.path("codigo").asText("");
                codigoOf = fields;
            }
            return codigo;
        }

        long categoryId() {
            return fields.path("categoria").path("id").asLong(0);
        }
    }

    /**
     * A product-store link. Reads before {@code visibleFrom} see {@code previous} (empty for a new
     * link): the optional visibility delay of open question 26.
     */
    static final class StoreLink {
        final long id;
        ObjectNode current;
        Optional<ObjectNode> previous = Optional.empty();
        Instant visibleFrom;
        Instant changedAt;

        StoreLink(long id, ObjectNode current, Instant now) {
            this.id = id;
            this.current = current;
            this.visibleFrom = now;
            this.changedAt = now;
        }

        Optional<ObjectNode> visible(Instant now) {
            return now.isBefore(visibleFrom) ? previous : Optional.of(current);
        }

        /** Whose ids {@link #productId} and {@link #storeId} hold (an update replaces {@code current}). */
        private ObjectNode idsOf;
        private long productId;
        private long storeId;

        /** Cached for the same reason as {@link Product#codigo}: every link write is checked against every link. */
        long productId() {
            cacheIds();
            return productId;
        }

        long storeId() {
            cacheIds();
            return storeId;
        }

        private void cacheIds() {
            if (idsOf != current) {
                productId = current.path("produto").path("id").asLong();
                storeId = current.path("loja").path("id").asLong();
                idsOf = current;
            }
        }
    }
}
