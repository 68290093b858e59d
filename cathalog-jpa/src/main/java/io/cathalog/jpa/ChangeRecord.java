package io.cathalog.jpa;

import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.Outcome;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the change history.
 *
 * @param id        increasing in the order rows were appended
 * @param before    the changed fields' values before, as a JSON object (field to text or null)
 * @param after     their values after, likewise
 * @param decidedBy the rule that decided each field's new value, as a JSON object (field to rule id)
 */
public record ChangeRecord(long id, String accountId, String runId, Instant at, EntityKind entity, String key,
                           ChangeAction action, OptionalLong remoteId, Outcome outcome, Optional<String> error,
                           String before, String after, String decidedBy) {
    public ChangeRecord {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(remoteId, "remoteId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
