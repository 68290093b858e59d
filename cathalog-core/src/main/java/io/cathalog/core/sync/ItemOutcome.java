package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one planned change.
 *
 * @param change  the change planned for the item
 * @param outcome what became of it
 * @param error   what went wrong, when the outcome is {@link Outcome#FAILED} (the ERP's own error
 *              message included), or why an item was {@link Outcome#SKIPPED}
 */
public record ItemOutcome(Change change, Outcome outcome, Optional<String> error) {
    /**
     * Checks that a reason comes with, and only with, a failure or a skip.
     *
     * @param change  the change planned for the item
     * @param outcome what became of it
     * @param error   what went wrong, or why the item was skipped
     * @throws IllegalArgumentException when a {@link Outcome#FAILED} outcome has no error, or
     *                                  an outcome other than failed or skipped has one
     * @throws NullPointerException     when a component is null
     */
    public ItemOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        if (outcome == Outcome.FAILED && error.isEmpty()) {
            throw new IllegalArgumentException("a FAILED outcome says what went wrong");
        }
        if (error.isPresent() && outcome != Outcome.FAILED && outcome != Outcome.SKIPPED) {
            throw new IllegalArgumentException("only FAILED and SKIPPED outcomes carry a reason");
        }
    }
}
