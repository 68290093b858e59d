package io.cathalog.jpa;

import io.cathalog.core.sync.EntityKind;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of one account's change history, oldest first: optionally of one entity kind, one key,
 * one run, from (inclusive) and until (exclusive) a time. Pages go by id: pass the last id of a
 * page as {@code afterId} for the next.
 */
public record ChangeQuery(String accountId, Optional<EntityKind> entity, Optional<String> key, Optional<String> runId,
                          Optional<Instant> from, Optional<Instant> until, long afterId, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public ChangeQuery {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " changes, got " + limit);
        }
        if (afterId < 0) {
            throw new IllegalArgumentException("afterId is not negative");
        }
    }

    /** The first 100 changes of the account. */
    public static ChangeQuery of(String accountId) {
        return new ChangeQuery(accountId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 100);
    }

    public ChangeQuery entity(EntityKind kind) {
        return new ChangeQuery(accountId, Optional.of(kind), key, runId, from, until, afterId, limit);
    }

    public ChangeQuery key(String itemKey) {
        return new ChangeQuery(accountId, entity, Optional.of(itemKey), runId, from, until, afterId, limit);
    }

    public ChangeQuery run(String id) {
        return new ChangeQuery(accountId, entity, key, Optional.of(id), from, until, afterId, limit);
    }

    public ChangeQuery between(Instant fromInclusive, Instant untilExclusive) {
        return new ChangeQuery(accountId, entity, key, runId, Optional.of(fromInclusive), Optional.of(untilExclusive),
                afterId, limit);
    }

    public ChangeQuery after(long id) {
        return new ChangeQuery(accountId, entity, key, runId, from, until, id, limit);
    }

    public ChangeQuery limit(int max) {
        return new ChangeQuery(accountId, entity, key, runId, from, until, afterId, max);
    }
}
