package io.cathalog.core.jobs;

import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.SyncStateStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A state store whose writes carry the fencing token of the run that holds the account's lease:
 * each write goes through the store's {@link SyncStateStore#fenced} view for that token, so an
 * instance that was paused past its lease cannot write after another took the account over (the
 * store refuses with {@link io.cathalog.core.FencedOutException}). Reads go straight to the store.
 * Outside a run (no lease held here) writes go straight to the store too.
 */
final class RunFencedState implements SyncStateStore {
    private final SyncStateStore store;
    private final String accountId;
    private final Supplier<OptionalLong> fence;
    /** The view of the current fence: a view records its fence once, when it is made. */
    private volatile View view;

    private record View(long fence, SyncStateStore store) {
    }

    RunFencedState(SyncStateStore store, String accountId, Supplier<OptionalLong> fence) {
        this.store = Objects.requireNonNull(store, "store");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.fence = Objects.requireNonNull(fence, "fence");
    }

    private SyncStateStore writer() {
        OptionalLong current = fence.get();
        if (current.isEmpty()) {
            return store;
        }
        View v = view;
        if (v == null || v.fence() != current.getAsLong()) {
            synchronized (this) {
                v = view;
                if (v == null || v.fence() != current.getAsLong()) {
                    v = new View(current.getAsLong(), store.fenced(accountId, current.getAsLong()));
                    view = v;
                }
            }
        }
        return v.store();
    }

    @Override
    public Optional<Long> remoteId(String accountId, EntityKind entity, String key) {
        return store.remoteId(accountId, entity, key);
    }

    @Override
    public Map<String, Long> remoteIds(String accountId, EntityKind entity) {
        return store.remoteIds(accountId, entity);
    }

    @Override
    public void putRemoteId(String accountId, EntityKind entity, String key, long remoteId) {
        writer().putRemoteId(accountId, entity, key, remoteId);
    }

    @Override
    public void removeRemoteId(String accountId, EntityKind entity, String key) {
        writer().removeRemoteId(accountId, entity, key);
    }

    @Override
    public Optional<String> snapshot(String accountId, EntityKind entity, String key) {
        return store.snapshot(accountId, entity, key);
    }

    @Override
    public Map<String, String> snapshots(String accountId, EntityKind entity) {
        return store.snapshots(accountId, entity);
    }

    @Override
    public void putSnapshot(String accountId, EntityKind entity, String key, String snapshot) {
        writer().putSnapshot(accountId, entity, key, snapshot);
    }

    @Override
    public void removeSnapshot(String accountId, EntityKind entity, String key) {
        writer().removeSnapshot(accountId, entity, key);
    }

    @Override
    public Optional<String> cursor(String accountId, String name) {
        return store.cursor(accountId, name);
    }

    @Override
    public void putCursor(String accountId, String name, String value) {
        writer().putCursor(accountId, name, value);
    }

    @Override
    public void journal(JournalEntry entry) {
        writer().journal(entry);
    }

    @Override
    public List<JournalEntry> unfinished(String accountId) {
        return store.unfinished(accountId);
    }

    @Override
    public SyncStateStore fenced(String accountId, long fence) {
        return store.fenced(accountId, fence);
    }

    @Override
    public long pruneJournal(Instant before) {
        return store.pruneJournal(before);
    }

    @Override
    public String toString() {
        return "RunFencedState[" + store + "]";
    }
}
