package io.cathalog.core.testing;

import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.SyncStateStore;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SyncStateStore} that reads from another and refuses every write with an
 * {@link AssertionError}: what a read-only database user sees. A dry run (plan, audit, observe)
 * must work against it.
 */
public final class WriteRefusingStateStore implements SyncStateStore {
    private final SyncStateStore reads;

    /** Refuses writes to an empty store. */
    public WriteRefusingStateStore() {
        this(new InMemorySyncStateStore());
    }

    /** Reads from {@code reads}, refuses writes. */
    public WriteRefusingStateStore(SyncStateStore reads) {
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    private static AssertionError refused(String what) {
        return new AssertionError("the state store is read-only, but something called " + what);
    }

    @Override
    public Optional<Long> remoteId(String accountId, EntityKind entity, String key) {
        return reads.remoteId(accountId, entity, key);
    }

    @Override
    public Map<String, Long> remoteIds(String accountId, EntityKind entity) {
        return reads.remoteIds(accountId, entity);
    }

    @Override
    public void putRemoteId(String accountId, EntityKind entity, String key, long remoteId) {
        throw refused("putRemoteId(" + entity + ", " + key + ")");
    }

    @Override
    public void removeRemoteId(String accountId, EntityKind entity, String key) {
        throw refused("removeRemoteId(" + entity + ", " + key + ")");
    }

    @Override
    public Optional<String> snapshot(String accountId, EntityKind entity, String key) {
        return reads.snapshot(accountId, entity, key);
    }

    @Override
    public Map<String, String> snapshots(String accountId, EntityKind entity) {
        return reads.snapshots(accountId, entity);
    }

    @Override
    public void putSnapshot(String accountId, EntityKind entity, String key, String snapshot) {
        throw refused("putSnapshot(" + entity + ", " + key + ")");
    }

    @Override
    public void removeSnapshot(String accountId, EntityKind entity, String key) {
        throw refused("removeSnapshot(" + entity + ", " + key + ")");
    }

    @Override
    public Optional<String> cursor(String accountId, String name) {
        return reads.cursor(accountId, name);
    }

    @Override
    public void putCursor(String accountId, String name, String value) {
        throw refused("putCursor(" + name + ")");
    }

    @Override
    public void journal(JournalEntry entry) {
        throw refused("journal(" + entry.entity() + ", " + entry.key() + ")");
    }

    @Override
    public List<JournalEntry> unfinished(String accountId) {
        return reads.unfinished(accountId);
    }
}
