package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * One way the ERP differs from the source of truth today.
 *
 * @param kind   a stable, machine-readable kind, e.g. {@code uncategorised-product},
 *               {@code duplicate-category-name}
 * @param key    what it concerns (SKU, category key, ERP id...)
 * @param store  the store concerned, if any
 * @param detail for people
 */
public record AuditFinding(String kind, String key, Optional<String> store, String detail) {
    /**
     * Validates that no component is null.
     *
     * @param kind   a stable, machine-readable kind
     * @param key    what it concerns (SKU, category key, ERP id...)
     * @param store  the store concerned, if any
     * @param detail for people
     * @throws NullPointerException when a component is null
     */
    public AuditFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(detail, "detail");
    }
}
