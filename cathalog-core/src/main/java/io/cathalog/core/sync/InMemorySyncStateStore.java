package io.cathalog.core.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link SyncStateStore} in memory: for tests and dry runs. Thread-safe; forgets all on exit. */
public final class InMemorySyncStateStore implements SyncStateStore {
    private record ItemKey(String accountId, EntityKind entity, String key) {
    }

    private record RunKey(String runId, EntityKind entity, String key, ChangeAction action) {
    }

    private final Map<ItemKey, Long> ids = new HashMap<>();
    private final Map<ItemKey, String> snapshots = new HashMap<>();
    private final Map<String, Map<String, String>> cursors = new HashMap<>();
    private final Map<String, List<JournalEntry>> journals = new HashMap<>();

    @Override
    public synchronized Optional<Long> remoteId(String accountId, EntityKind entity, String key) {
        return Optional.ofNullable(ids.get(new ItemKey(accountId, entity, key)));
    }

    @Override
    public synchronized Map<String, Long> remoteIds(String accountId, EntityKind entity) {
        Map<String, Long> out = new TreeMap<>();
        ids.forEach((k, v) -> {
            if (k.accountId.equals(accountId) && k.entity == entity) {
                out.put(k.key, v);
            }
        });
        return out;
    }

    @Override
    public synchronized void putRemoteId(String accountId, EntityKind entity, String key, long remoteId) {
        ids.put(new ItemKey(accountId, entity, Objects.requireNonNull(key, "key")), remoteId);
    }

    @Override
    public synchronized void removeRemoteId(String accountId, EntityKind entity, String key) {
        ids.remove(new ItemKey(accountId, entity, key));
    }

    @Override
    public synchronized Optional<String> snapshot(String accountId, EntityKind entity, String key) {
        return Optional.ofNullable(snapshots.get(new ItemKey(accountId, entity, key)));
    }

    @Override
    public synchronized Map<String, String> snapshots(String accountId, EntityKind entity) {
        Map<String, String> out = new TreeMap<>();
        snapshots.forEach((k, v) -> {
            if (k.accountId.equals(accountId) && k.entity == entity) {
                out.put(k.key, v);
            }
        });
        return out;
    }

    @Override
    public synchronized void putSnapshot(String accountId, EntityKind entity, String key, String snapshot) {
        snapshots.put(new ItemKey(accountId, entity, Objects.requireNonNull(key, "key")),
                Objects.requireNonNull(snapshot, "snapshot"));
    }

    @Override
    public synchronized void removeSnapshot(String accountId, EntityKind entity, String key) {
        snapshots.remove(new ItemKey(accountId, entity, key));
    }

    @Override
    public synchronized Optional<String> cursor(String accountId, String name) {
        return Optional.ofNullable(cursors.getOrDefault(accountId, Map.of()).get(name));
    }

    @Override
    public synchronized void putCursor(String accountId, String name, String value) {
        cursors.computeIfAbsent(Objects.requireNonNull(accountId, "accountId"), a -> new HashMap<>())
                .put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public synchronized void journal(JournalEntry entry) {
        journals.computeIfAbsent(entry.accountId(), a -> new ArrayList<>()).add(Objects.requireNonNull(entry));
    }

    @Override
    public synchronized List<JournalEntry> unfinished(String accountId) {
        // An intent is finished by a later outcome for the same run, item and action.
        Map<RunKey, JournalEntry> open = new LinkedHashMap<>();
        for (JournalEntry e : journals.getOrDefault(accountId, List.of())) {
            RunKey k = new RunKey(e.runId(), e.entity(), e.key(), e.action());
            if (e.isIntent()) {
                open.put(k, e);
            } else {
                open.remove(k);
            }
        }
        return List.copyOf(open.values());
    }

    /** The whole journal of an account, for tests and reports. */
    public synchronized List<JournalEntry> journalOf(String accountId) {
        return List.copyOf(journals.getOrDefault(accountId, List.of()));
    }
}
