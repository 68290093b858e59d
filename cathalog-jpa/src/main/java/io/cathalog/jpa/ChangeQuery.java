package io.cathalog.jpa;

import io.cathalog.core.sync.EntityKind;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of one account's change history, oldest first: optionally of one entity kind, one key,
 * one run, from (inclusive) and until (exclusive) a time. Pages go by id: pass the last id of a
 * page as {@code afterId} for the next.
 *
 * @param accountId the account whose history is read
 * @param entity    only changes of this kind of entity
 * @param key       only changes of this item (a product's SKU, a category's key, ...)
 * @param runId     only changes of this run
 * @param from      only changes at or after this instant
 * @param until     only changes before this instant
 * @param afterId   only changes with a larger id: the last id of the previous page; 0 for the first
 * @param limit     the most changes in the page, 1 to {@value #MAX_LIMIT}
 */
public record ChangeQuery(String accountId, Optional<EntityKind> entity, Optional<String> key, Optional<String> runId,
                          Optional<Instant> from, Optional<Instant> until, long afterId, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    /**
     * @param accountId the account whose history is read
     * @param entity    only changes of this kind of entity
     * @param key       only changes of this item (a product's SKU, a category's key, ...)
     * @param runId     only changes of this run
     * @param from      only changes at or after this instant
     * @param until     only changes before this instant
     * @param afterId   only changes with a larger id: the last id of the previous page; 0 for the first
     * @param limit     the most changes in the page, 1 to {@value #MAX_LIMIT}
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code limit} is out of 1 to {@value #MAX_LIMIT}, or
     *                                  {@code afterId} is negative
     */
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

    /**
     * The first 100 changes of the account.
     *
     * @param accountId the account whose history is read
     * @return the query, to narrow with the other methods
     */
    public static ChangeQuery of(String accountId) {
        return new ChangeQuery(accountId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 100);
    }

    /**
     * This query, narrowed to one kind of entity.
     *
     * @param kind products, categories, ...
     * @return a new query
     */
    public ChangeQuery entity(EntityKind kind) {
        return new ChangeQuery(accountId, Optional.of(kind), key, runId, from, until, afterId, limit);
    }

    /**
     * This query, narrowed to one item.
     *
     * @param itemKey the item's key: a product's SKU, a category's key, ...
     * @return a new query
     */
    public ChangeQuery key(String itemKey) {
        return new ChangeQuery(accountId, entity, Optional.of(itemKey), runId, from, until, afterId, limit);
    }

    /**
     * This query, narrowed to one run.
     *
     * @param id the run's id
     * @return a new query
     */
    public ChangeQuery run(String id) {
        return new ChangeQuery(accountId, entity, key, Optional.of(id), from, until, afterId, limit);
    }

    /**
     * This query, narrowed to a time window.
     *
     * @param fromInclusive  the window's start, included
     * @param untilExclusive the window's end, excluded
     * @return a new query
     */
    public ChangeQuery between(Instant fromInclusive, Instant untilExclusive) {
        return new ChangeQuery(accountId, entity, key, runId, Optional.of(fromInclusive), Optional.of(untilExclusive),
                afterId, limit);
    }

    /**
     * The next page: this query, from after a change.
     *
     * @param id the last id of the previous page
     * @return a new query
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public ChangeQuery after(long id) {
        return new ChangeQuery(accountId, entity, key, runId, from, until, id, limit);
    }

    /**
     * This query, with another page size.
     *
     * @param max the most changes in a page, 1 to {@value #MAX_LIMIT}
     * @return a new query
     * @throws IllegalArgumentException if {@code max} is out of range
     */
    public ChangeQuery limit(int max) {
        return new ChangeQuery(accountId, entity, key, runId, from, until, afterId, max);
    }
}
