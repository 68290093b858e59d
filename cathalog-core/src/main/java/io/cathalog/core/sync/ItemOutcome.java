package io.cathalog.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one planned change.
 *
 * @param error what went wrong, when the outcome is {@link Outcome#FAILED} (the ERP's own error
 *              message included)
 */
public record ItemOutcome(PlannedChange change, Outcome outcome, Optional<String> error) {
    public ItemOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        if ((outcome == Outcome.FAILED) != error.isPresent()) {
            throw new IllegalArgumentException("an error is given exactly when the outcome is FAILED");
        }
    }
}
