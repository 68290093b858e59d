package io.cathalog.core.sync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the engine could not decide and will not guess: a product no rule categorises, a
 * mandatory attribute with no value, a value a marketplace will reject.
 *
 * @param entity            the kind of thing concerned
 * @param key               its key (a SKU, a category key, {@code store/sku} for a listing)
 * @param store             the store concerned, if the item concerns one
 * @param reason            what is missing or wrong, for a person
 * @param missingAttributes the marketplace attributes (by id, e.g. {@code GTIN}, {@code COLOR})
 *                          whose missing value stops a product's listing, as data; empty when
 *                          the item names none (no price, another kind of item)
 */
public record AttentionItem(EntityKind entity, String key, Optional<String> store, String reason,
                            List<String> missingAttributes) {
    /**
     * Checks the item and copies its attributes.
     *
     * @param entity            the kind of thing concerned
     * @param key               its key
     * @param store             the store concerned, if any
     * @param reason            what is missing or wrong
     * @param missingAttributes the marketplace attributes missing, by id
     * @throws NullPointerException when a component is null
     */
    public AttentionItem {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(reason, "reason");
        missingAttributes = List.copyOf(missingAttributes);
    }

    /**
     * An item that names no missing marketplace attribute.
     *
     * @param entity the kind of thing concerned
     * @param key    its key
     * @param store  the store concerned, if any
     * @param reason what is missing or wrong
     * @throws NullPointerException when a component is null
     */
    public AttentionItem(EntityKind entity, String key, Optional<String> store, String reason) {
        this(entity, key, store, reason, List.of());
    }
}
