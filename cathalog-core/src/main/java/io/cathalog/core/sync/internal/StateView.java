package io.cathalog.core.sync.internal;

import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.SyncStateStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state store as the stages that only read see it: observation, planning and the audit get
 * this and nothing that writes, so a dry run works under a read-only database user.
 */
final class StateView {
    private final String account;
    private final SyncStateStore store;

    StateView(String account, SyncStateStore store) {
        this.account = account;
        this.store = store;
    }

    String account() {
        return account;
    }

    Optional<Long> remoteId(EntityKind entity, String key) {
        return store.remoteId(account, entity, key);
    }

    Map<String, Long> remoteIds(EntityKind entity) {
        return store.remoteIds(account, entity);
    }

    Map<String, String> snapshots(EntityKind entity) {
        return store.snapshots(account, entity);
    }

    Optional<String> cursor(String name) {
        return store.cursor(account, name);
    }

    List<JournalEntry> unfinished() {
        return store.unfinished(account);
    }
}
