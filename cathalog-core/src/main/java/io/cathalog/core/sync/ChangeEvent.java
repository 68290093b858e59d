package io.cathalog.core.sync;

import java.time.Instant;
import java.util.Objects;

/** A change that was applied to the ERP (or that failed), with its before and after. */
public record ChangeEvent(String accountId, String runId, Instant at, ItemOutcome outcome) {
    public ChangeEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }
}
