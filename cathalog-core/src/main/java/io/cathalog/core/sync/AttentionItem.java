package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * Something the engine could not decide and will not guess: a product no rule categorises, a
 * mandatory attribute with no value, a value a marketplace will reject.
 *
 * @param store the store concerned, if the item concerns one
 */
public record AttentionItem(EntityKind entity, String key, Optional<String> store, String reason) {
    public AttentionItem {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(reason, "reason");
    }
}
