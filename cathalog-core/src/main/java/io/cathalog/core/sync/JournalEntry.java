package io.cathalog.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of the apply journal: the intent to make a change, written before the request, and its
 * outcome, written after. An intent without an outcome is a change that may or may not have
 * reached the ERP before a crash; the next run looks it up by natural key before redoing it.
 *
 * @param accountId the account whose journal holds the line
 * @param runId     the run that wrote it
 * @param sequence  increasing within an account's journal
 * @param entity    the kind of item changed
 * @param key       the item's natural key (category key, SKU, ...)
 * @param action    what the change does to the item
 * @param outcome   empty for an intent
 * @param remoteId  the ERP id the change produced or touched, when known
 * @param at        when the line was written
 */
public record JournalEntry(String accountId, String runId, long sequence, EntityKind entity, String key,
                           ChangeAction action, Optional<Outcome> outcome, Optional<Long> remoteId, Instant at) {
    /**
     * Validates that no component is null.
     *
     * @param accountId the account whose journal holds the line
     * @param runId     the run that wrote it
     * @param sequence  increasing within an account's journal
     * @param entity    the kind of item changed
     * @param key       the item's natural key
     * @param action    what the change does to the item
     * @param outcome   empty for an intent
     * @param remoteId  the ERP id the change produced or touched, when known
     * @param at        when the line was written
     * @throws NullPointerException when a component is null
     */
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

    /**
     * Whether the line is an intent, written before the request, rather than an outcome.
     *
     * @return {@code true} when it has no {@link #outcome}
     */
    public boolean isIntent() {
        return outcome.isEmpty();
    }
}
