package io.cathalog.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of the apply journal: the intent to make a change, written before the request, and its
 * outcome, written after. An intent without an outcome is a change that may or may not have
 * reached the ERP before a crash; the next run looks it up by natural key before redoing it.
 *
 * @param sequence increasing within an account's journal
 * @param outcome  empty for an intent
 * @param remoteId the ERP id the change produced or touched, when known
 */
public record JournalEntry(String accountId, String runId, long sequence, EntityKind entity, String key,
                           ChangeAction action, Optional<Outcome> outcome, Optional<Long> remoteId, Instant at) {
    public JournalEntry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(remoteId, "remoteId");
        Objects.requireNonNull(at, "at");
    }

    public boolean isIntent() {
        return outcome.isEmpty();
    }
}
