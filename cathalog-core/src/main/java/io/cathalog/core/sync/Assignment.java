package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * One value a change writes: the typed value to write, what the ERP holds now as people see it,
 * and the rule that decided the value.
 *
 * <p>{@code before} is for people (the plan's text, the audit, drift reports) and is never written
 * or read back by the engine; {@code after} is what the applier writes, typed.
 *
 * @param before    what the ERP holds now, as shown to people; empty where it holds nothing
 * @param after     the value to write
 * @param decidedBy the id of the rule that produced {@code after}, if a rule did
 * @param <T>       the value's type
 */
public record Assignment<T>(Optional<String> before, T after, Optional<String> decidedBy) {
    /**
     * Validates that no component is null.
     *
     * @param before    what the ERP holds now, as shown to people; empty where it holds nothing
     * @param after     the value to write
     * @param decidedBy the id of the rule that produced {@code after}, if a rule did
     * @throws NullPointerException when a component is null
     */
    public Assignment {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    /**
     * A value written where the ERP holds nothing yet, decided by no rule.
     *
     * @param after the value to write
     * @param <T>   the value's type
     * @return the assignment
     */
    public static <T> Assignment<T> of(T after) {
        return new Assignment<>(Optional.empty(), after, Optional.empty());
    }
}
