package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * Something the engine could not decide and will not guess: a product no rule categorises, a
 * mandatory attribute with no value, a value a marketplace will reject.
 *
 * @param entity the kind of thing concerned
 * @param key    its key (a SKU, a category key, {@code store/sku} for a listing)
 * @param store  the store concerned, if the item concerns one
 * @param reason what is missing or wrong, for a person
 */
public record AttentionItem(EntityKind entity, String key, Optional<String> store, String reason) {
    /**
     * Checks the item.
     *
     * @param entity the kind of thing concerned
     * @param key    its key
     * @param store  the store concerned, if any
     * @param reason what is missing or wrong
     * @throws NullPointerException when a component is null
     */
    public AttentionItem {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(reason, "reason");
    }
}
