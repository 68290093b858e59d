package io.cathalog.core.sync;

import io.cathalog.core.FencedOutException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeMap;

/**
 * A {@link SyncStateStore} in memory: for tests and dry runs. Thread-safe; forgets all on exit.
 * Fences and prunes as the contract says; open intents are kept apart from the journal, so
 * {@link #unfinished} does not read the whole history.
 */
public final class InMemorySyncStateStore implements SyncStateStore {
    private record ItemKey(String accountId, EntityKind entity, String key) {
    }

    private record RunKey(String runId, EntityKind entity, String key, ChangeAction action) {
    }

    private final Map<ItemKey, Long> ids = new HashMap<>();
    private final Map<ItemKey, String> snapshots = new HashMap<>();
    private final Map<String, Map<String, String>> cursors = new HashMap<>();
    private final Map<String, List<JournalEntry>> journals = new HashMap<>();
    /** Per account, the open intents by run, item and action, in journal order. */
    private final Map<String, LinkedHashMap<RunKey, JournalEntry>> open = new HashMap<>();
    /** Per account, the newest fence a write carried. */
    private final Map<String, Long> fences = new HashMap<>();

    /** An empty store. */
    public InMemorySyncStateStore() {
        // nothing remembered yet
    }

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
        Objects.requireNonNull(entry, "entry");
        journals.computeIfAbsent(entry.accountId(), a -> new ArrayList<>()).add(entry);
        // An intent is finished by a later outcome for the same run, item and action; an intent
        // repeated before its outcome replaces the earlier one, in its own place in the journal.
        RunKey k = new RunKey(entry.runId(), entry.entity(), entry.key(), entry.action());
        if (entry.isIntent()) {
            LinkedHashMap<RunKey, JournalEntry> openOfAccount = open.computeIfAbsent(entry.accountId(), a -> new LinkedHashMap<>());
            openOfAccount.remove(k);
            openOfAccount.put(k, entry);
        } else {
            LinkedHashMap<RunKey, JournalEntry> openOfAccount = open.get(entry.accountId());
            if (openOfAccount != null) {
                openOfAccount.remove(k);
            }
        }
    }

    @Override
    public synchronized List<JournalEntry> unfinished(String accountId) {
        return List.copyOf(open.getOrDefault(accountId, new LinkedHashMap<>()).values());
    }

    @Override
    public synchronized long pruneJournal(Instant before) {
        Objects.requireNonNull(before, "before");
        long removed = 0;
        for (Map.Entry<String, List<JournalEntry>> account : journals.entrySet()) {
            Set<String> openRuns = new HashSet<>();
            open.getOrDefault(account.getKey(), new LinkedHashMap<>()).keySet().forEach(k -> openRuns.add(k.runId()));
            for (Iterator<JournalEntry> it = account.getValue().iterator(); it.hasNext(); ) {
                JournalEntry e = it.next();
                if (e.at().isBefore(before) && !openRuns.contains(e.runId())) {
                    it.remove();
                    removed++;
                }
            }
        }
        return removed;
    }

    @Override
    public SyncStateStore fenced(String accountId, long fence) {
        Objects.requireNonNull(accountId, "accountId");
        claim(accountId, fence);
        return new Fenced(accountId, fence);
    }

    /** Records {@code fence} as the account's newest, or refuses it when a newer one exists. */
    private synchronized void claim(String accountId, long fence) {
        long current = fences.getOrDefault(accountId, Long.MIN_VALUE);
        if (current > fence) {
            throw new FencedOutException(accountId, fence, current);
        }
        fences.put(accountId, fence);
    }

    /**
     * The whole journal of an account, for tests and reports; lines removed by
     * {@link #pruneJournal} are gone.
     *
     * @param accountId the account
     * @return its journal lines in the order they were written; empty when it has none
     */
    public synchronized List<JournalEntry> journalOf(String accountId) {
        return List.copyOf(journals.getOrDefault(accountId, List.of()));
    }

    /** The store's writes for one account, each checked against the fence under the store's lock. */
    private final class Fenced implements SyncStateStore {
        private final String accountId;
        private final long fence;

        Fenced(String accountId, long fence) {
            this.accountId = accountId;
            this.fence = fence;
        }

        private void check(String account) {
            if (!accountId.equals(account)) {
                throw new IllegalArgumentException("this state view is fenced for account " + accountId
                        + "; it does not write account " + account);
            }
            claim(accountId, fence);
        }

        @Override
        public Optional<Long> remoteId(String accountId, EntityKind entity, String key) {
            return InMemorySyncStateStore.this.remoteId(accountId, entity, key);
        }

        @Override
        public Map<String, Long> remoteIds(String accountId, EntityKind entity) {
            return InMemorySyncStateStore.this.remoteIds(accountId, entity);
        }

        @Override
        public void putRemoteId(String accountId, EntityKind entity, String key, long remoteId) {
            synchronized (InMemorySyncStateStore.this) {
                check(accountId);
                InMemorySyncStateStore.this.putRemoteId(accountId, entity, key, remoteId);
            }
        }

        @Override
        public void removeRemoteId(String accountId, EntityKind entity, String key) {
            synchronized (InMemorySyncStateStore.this) {
                check(accountId);
                InMemorySyncStateStore.this.removeRemoteId(accountId, entity, key);
            }
        }

        @Override
        public Optional<String> snapshot(String accountId, EntityKind entity, String key) {
            return InMemorySyncStateStore.this.snapshot(accountId, entity, key);
        }

        @Override
        public Map<String, String> snapshots(String accountId, EntityKind entity) {
            return InMemorySyncStateStore.this.snapshots(accountId, entity);
        }

        @Override
        public void putSnapshot(String accountId, EntityKind entity, String key, String snapshot) {
            synchronized (InMemorySyncStateStore.this) {
                check(accountId);
                InMemorySyncStateStore.this.putSnapshot(accountId, entity, key, snapshot);
            }
        }

        @Override
        public void removeSnapshot(String accountId, EntityKind entity, String key) {
            synchronized (InMemorySyncStateStore.this) {
                check(accountId);
                InMemorySyncStateStore.this.removeSnapshot(accountId, entity, key);
            }
        }

        @Override
        public Optional<String> cursor(String accountId, String name) {
            return InMemorySyncStateStore.this.cursor(accountId, name);
        }

        @Override
        public void putCursor(String accountId, String name, String value) {
            synchronized (InMemorySyncStateStore.this) {
                check(accountId);
                InMemorySyncStateStore.this.putCursor(accountId, name, value);
            }
        }

        @Override
        public void journal(JournalEntry entry) {
            synchronized (InMemorySyncStateStore.this) {
                check(Objects.requireNonNull(entry, "entry").accountId());
                InMemorySyncStateStore.this.journal(entry);
            }
        }

        @Override
        public List<JournalEntry> unfinished(String accountId) {
            return InMemorySyncStateStore.this.unfinished(accountId);
        }

        @Override
        public SyncStateStore fenced(String accountId, long fence) {
            return InMemorySyncStateStore.this.fenced(accountId, fence);
        }

        @Override
        public long pruneJournal(Instant before) {
            return InMemorySyncStateStore.this.pruneJournal(before);
        }

        @Override
        public String toString() {
            return "InMemorySyncStateStore.fenced[" + accountId + ", fence " + fence + "]";
        }
    }
}
