package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * A value edited in the ERP by someone else since the engine last saw or wrote it.
 *
 * @param lastKnown what the engine last knew
 * @param now       what the ERP holds now
 */
public record FieldDrift(EntityKind entity, String key, String field, Optional<String> lastKnown, Optional<String> now) {
    public FieldDrift {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(lastKnown, "lastKnown");
        Objects.requireNonNull(now, "now");
    }
}
