package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * A value edited in the ERP by someone else since the engine last saw or wrote it.
 *
 * @param entity    the kind of item edited
 * @param key       the item's natural key (category key, SKU, ...)
 * @param field     the field's name, as in {@link FieldChange#field()}
 * @param lastKnown what the engine last knew
 * @param now       what the ERP holds now
 */
public record FieldDrift(EntityKind entity, String key, String field, Optional<String> lastKnown, Optional<String> now) {
    /**
     * Validates that no component is null.
     *
     * @param entity    the kind of item edited
     * @param key       the item's natural key
     * @param field     the field's name
     * @param lastKnown what the engine last knew; empty where it knew no value
     * @param now       what the ERP holds now; empty where it holds nothing
     * @throws NullPointerException when a component is null
     */
    public FieldDrift {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(lastKnown, "lastKnown");
        Objects.requireNonNull(now, "now");
    }
}
