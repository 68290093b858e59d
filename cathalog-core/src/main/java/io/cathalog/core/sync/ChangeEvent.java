package io.cathalog.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * A change that was applied to the ERP (or that failed), with its before and after.
 *
 * @param accountId the account the change was applied to
 * @param runId     the run that applied it, as in its journal lines
 * @param at        when its outcome was known
 * @param outcome   the change and what became of it
 */
public record ChangeEvent(String accountId, String runId, Instant at, ItemOutcome outcome) {
    /**
     * Validates that no component is null.
     *
     * @param accountId the account the change was applied to
     * @param runId     the run that applied it
     * @param at        when its outcome was known
     * @param outcome   the change and what became of it
     * @throws NullPointerException when a component is null
     */
    public ChangeEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }
}
