package io.cathalog.core.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine remembers between runs, per account: which ERP id each natural key maps to,
 * a fingerprint of what it last wrote or saw for each item (so unchanged items cost nothing),
 * cursors for incremental reads, and the apply journal.
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

    /** The fingerprint recorded for an item, if any. */
    Optional<String> fingerprint(String accountId, EntityKind entity, String key);

    void putFingerprint(String accountId, EntityKind entity, String key, String fingerprint);

    /** A named cursor, e.g. the last change time read from the ERP. */
    Optional<String> cursor(String accountId, String name);

    void putCursor(String accountId, String name, String value);

    /** Appends to the journal. */
    void journal(JournalEntry entry);

    /** The intents of the account that have no outcome yet, oldest first. */
    List<JournalEntry> unfinished(String accountId);
}
