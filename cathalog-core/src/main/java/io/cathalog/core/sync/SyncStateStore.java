package io.cathalog.core.sync;

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

    /** The intents of the account that have no outcome yet, oldest first. */
    List<JournalEntry> unfinished(String accountId);
}
