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

    /** The ERP id of an item, by its natural key (category key, SKU, ...). */
    Optional<Long> remoteId(String accountId, EntityKind entity, String key);

    /** Every known id of a kind, by natural key. */
    Map<String, Long> remoteIds(String accountId, EntityKind entity);

    void putRemoteId(String accountId, EntityKind entity, String key, long remoteId);

    void removeRemoteId(String accountId, EntityKind entity, String key);

    /**
     * What the engine last knew an item to hold in the ERP (observed, or written by it), as the
     * engine's own JSON text; it is what lets an incremental run skip reading unchanged items, and
     * what drift is measured against.
     */
    Optional<String> snapshot(String accountId, EntityKind entity, String key);

    /** Every snapshot of a kind, by key (one read for a whole run, not one per item). */
    Map<String, String> snapshots(String accountId, EntityKind entity);

    void putSnapshot(String accountId, EntityKind entity, String key, String snapshot);

    void removeSnapshot(String accountId, EntityKind entity, String key);

    /** A named cursor, e.g. the last change time read from the ERP. */
    Optional<String> cursor(String accountId, String name);

    void putCursor(String accountId, String name, String value);

    /** Appends to the journal. */
    void journal(JournalEntry entry);

    /**
     * The intents of the account that have no outcome yet, oldest first (of one item's intents
     * repeated with no outcome between, the last). Its cost does not grow with the journal's
     * length, only with the number of open intents.
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
     * @param fence the run's {@link io.cathalog.core.lease.Lease#fence()}; fences of one account grow
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
     * @return how many lines were removed (0 for a store that keeps no history, the default)
     */
    default long pruneJournal(Instant before) {
        return 0;
    }
}
