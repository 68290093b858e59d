package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * One field's value before and after a change, as text for people and plans; empty where the
 * field had or will have no value.
 *
 * @param decidedBy the id of the rule that produced the new value, if a rule did
 */
public record FieldChange(String field, Optional<String> before, Optional<String> after, Optional<String> decidedBy) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
