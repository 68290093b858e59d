package io.cathalog.core.sync;

import io.cathalog.core.FencedOutException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine remembers between runs, per account: which ERP id each natural key maps to,
 * a snapshot of what it last wrote or saw for each item (so unchanged items cost nothing, and
 * edits made by hand show as drift), cursors for incremental reads, and the apply journal.
 *
 * <p>Implementations: {@link InMemorySyncStateStore}; the JPA module's database store. They must
 * be thread-safe. Each write is durable when the method returns.
 *
 * <p>Several instances may share a store; one account is run by one instance at a time, under a
 * lease ({@link io.cathalog.core.lease.LeaseLock}). A run writes through {@link #fenced} with its
 * lease's fence, so that an instance that lost the lease (paused past it, say) cannot write after
 * another took the account over. The journal is kept until {@link #pruneJournal} removes finished
 * runs; {@link #unfinished} costs the same however long the journal is.
 */
public interface SyncStateStore {

    /**
     * The ERP id of an item, by its natural key (category key, SKU, ...).
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @param key       the item's natural key
     * @return the id last stored with {@link #putRemoteId}, or empty when the item is not known
     *         to exist in the ERP
     */
    Optional<Long> remoteId(String accountId, EntityKind entity, String key);

    /**
     * Every known id of a kind, by natural key, in one read.
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @return the ids by natural key; empty when none is known. Not a live view
     */
    Map<String, Long> remoteIds(String accountId, EntityKind entity);

    /**
     * Remembers the ERP id of an item, replacing any id it had.
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @param key       the item's natural key
     * @param remoteId the id the ERP gave the item
     */
    void putRemoteId(String accountId, EntityKind entity, String key, long remoteId);

    /**
     * Forgets the ERP id of an item (after it was deleted in the ERP, say); nothing happens when
     * none is known.
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @param key       the item's natural key
     */
    void removeRemoteId(String accountId, EntityKind entity, String key);

    /**
     * What the engine last knew an item to hold in the ERP (observed, or written by it), as the
     * engine's own JSON text; it is what lets an incremental run skip reading unchanged items, and
     * what drift is measured against.
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @param key       the item's natural key
     * @return the snapshot last stored with {@link #putSnapshot}, or empty when there is none
     */
    Optional<String> snapshot(String accountId, EntityKind entity, String key);

    /**
     * Every snapshot of a kind, by key (one read for a whole run, not one per item).
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @return the snapshots by natural key; empty when none is stored. Not a live view
     */
    Map<String, String> snapshots(String accountId, EntityKind entity);

    /**
     * Remembers what an item holds in the ERP, replacing its previous snapshot.
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @param key       the item's natural key
     * @param snapshot the item as the engine's JSON text (see {@link #snapshot})
     */
    void putSnapshot(String accountId, EntityKind entity, String key, String snapshot);

    /**
     * Forgets the snapshot of an item, so the next run reads it again; nothing happens when there
     * is none.
     *
     * @param accountId the account the state belongs to
     * @param entity    the kind of item
     * @param key       the item's natural key
     */
    void removeSnapshot(String accountId, EntityKind entity, String key);

    /**
     * A named cursor, e.g. the last change time read from the ERP.
     *
     * @param accountId the account the state belongs to
     * @param name      the cursor's name, chosen by the engine
     * @return the value last stored with {@link #putCursor}, or empty before the first
     */
    Optional<String> cursor(String accountId, String name);

    /**
     * Moves a named cursor, replacing its value.
     *
     * @param accountId the account the state belongs to
     * @param name      the cursor's name
     * @param value     its new value, in the form the engine reads back
     */
    void putCursor(String accountId, String name, String value);

    /**
     * Appends a line to the account's journal: an intent written before a change is sent to the
     * ERP, or the outcome that finishes it. An outcome closes the open intent of the same run,
     * item and action; an intent repeated before its outcome replaces the earlier one in
     * {@link #unfinished}.
     *
     * @param entry the line; its {@link JournalEntry#accountId()} says the account
     */
    void journal(JournalEntry entry);

    /**
     * The intents of the account that have no outcome yet, oldest first (of one item's intents
     * repeated with no outcome between, the last). Its cost does not grow with the journal's
     * length, only with the number of open intents.
     *
     * @param accountId the account the state belongs to
     * @return the open intents, oldest first; empty when every intent has its outcome
     */
    List<JournalEntry> unfinished(String accountId);

    /**
     * This store seen by a run that holds the account's lease with {@code fence}: reads are this
     * store's; each write for {@code accountId} is checked against the newest fence the store has
     * seen for the account, atomically with the write, and refused with
     * {@link FencedOutException} (nothing written) when a newer one exists. A write with a fence
     * at least as new records it. Creating the view records {@code fence} at once (one write), so
     * the previous holder's writes are refused from the moment the new holder has its view, before
     * it writes anything else. Writes for another account are refused with
     * {@link IllegalArgumentException}.
     *
     * @param accountId the only account the view writes
     * @param fence the run's {@link io.cathalog.core.lease.Lease#fence()}; fences of one account grow
     * @return a view of this store that writes only with {@code fence}
     * @throws FencedOutException            when a newer fence holds the account already
     * @throws UnsupportedOperationException when the store cannot fence (the default: a store
     *                                       for one process only)
     */
    default SyncStateStore fenced(String accountId, long fence) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " cannot fence writes; use a store shared by the instances, such as the JPA module's");
    }

    /**
     * Removes the journal lines older than {@code before} of finished runs: runs with no
     * {@linkplain #unfinished unfinished} intent. A run with an open intent keeps all its lines,
     * however old, so an intent is never removed without its outcome. The retention rule
     * ({@link JournalRetention}) says which {@code before}.
     *
     * @param before lines written before this instant may go, in every account of the store
     * @return how many lines were removed (0 for a store that keeps no history, the default)
     */
    default long pruneJournal(Instant before) {
        return 0;
    }
}
