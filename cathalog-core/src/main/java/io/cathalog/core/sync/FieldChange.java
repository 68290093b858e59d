package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * One field of a change as people read it: its value before and after, as text. It is a
 * rendering of a typed {@link Change} ({@link Change#fields()}); the engine never reads it back.
 *
 * @param field     the field's name ({@code name}, {@code price}, {@code custom:Voltagem}, ...)
 * @param before    what the ERP holds now; empty where it holds nothing
 * @param after     what the change writes; empty where it removes the value
 * @param decidedBy the id of the rule that produced the new value, if a rule did
 */
public record FieldChange(String field, Optional<String> before, Optional<String> after, Optional<String> decidedBy) {
    /** The prefix of a free attribute's field name: {@code custom:Voltagem}. */
    public static final String CUSTOM_PREFIX = "custom:";

    /**
     * Validates that no component is null.
     *
     * @param field     the field's name
     * @param before    what the ERP holds now; empty where it holds nothing
     * @param after     what the change writes; empty where it removes the value
     * @param decidedBy the id of the rule that produced the new value, if a rule did
     * @throws NullPointerException when a component is null
     */
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
