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
 * @param accountId the account changed
 * @param runId     the run that made the change
 * @param at        when the change was applied (or failed)
 * @param entity    the kind of item changed
 * @param key       the item's key: a product's SKU, a category's key, ...
 * @param action    what was done to it
 * @param remoteId  the item's id in the ERP, when it has one
 * @param outcome   how it ended
 * @param error     what went wrong, when it failed
 * @param before    the changed fields' values before, as a JSON object (field to text or null)
 * @param after     their values after, likewise
 * @param decidedBy the rule that decided each field's new value, as a JSON object (field to rule id)
 */
public record ChangeRecord(long id, String accountId, String runId, Instant at, EntityKind entity, String key,
                           ChangeAction action, OptionalLong remoteId, Outcome outcome, Optional<String> error,
                           String before, String after, String decidedBy) {
    /**
     * @param id        increasing in the order rows were appended
     * @param accountId the account changed
     * @param runId     the run that made the change
     * @param at        when the change was applied (or failed)
     * @param entity    the kind of item changed
     * @param key       the item's key: a product's SKU, a category's key, ...
     * @param action    what was done to it
     * @param remoteId  the item's id in the ERP, when it has one
     * @param outcome   how it ended
     * @param error     what went wrong, when it failed
     * @param before    the changed fields' values before, as a JSON object (field to text or null)
     * @param after     their values after, likewise
     * @param decidedBy the rule that decided each field's new value, as a JSON object (field to rule id)
     * @throws NullPointerException if a component is null
     */
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
