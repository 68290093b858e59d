package io.cathalog.jpa;

import io.cathalog.core.FencedOutException;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.SyncStateStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine's state in the database: ERP ids by natural key ({@code cathalog_remote_id}),
 * snapshots ({@code cathalog_snapshot}, JSON text), cursors ({@code cathalog_cursor}) and the apply
 * journal ({@code cathalog_journal}). Every method is one short transaction of its own, committed
 * when it returns; thread-safe, and safe to share between processes (one engine runs an account
 * at a time: take a {@link JpaLeaseLock} lease for that).
 *
 * <p><b>Fencing.</b> A run writes through {@link #fenced}{@code (account, lease.fence())}: each
 * write first raises the account's row of {@code cathalog_fence} to its fence with one
 * {@code update ... where fence <= :mine}, in the write's own transaction; when a newer fence is
 * there the transaction is rolled back and {@link FencedOutException} thrown. The row lock that
 * update takes also orders a stale writer behind the new holder's transaction on PostgreSQL.
 *
 * <p><b>History.</b> An intent carries an {@code open_intent} flag until its outcome is journaled;
 * {@link #unfinished} reads the flagged rows through an index of their own, so its cost does not
 * grow with the journal. {@link #pruneJournal} deletes old lines of finished runs.
 *
 * <pre>{@code
 * SyncStateStore state = new JpaSyncStateStore(JpaTransactions.resourceLocal(emf));
 * SyncStateStore run = state.fenced(account, lease.fence());   // the run's writes go through this
 * }</pre>
 */
public final class JpaSyncStateStore implements SyncStateStore {
    private final Db db;

    /**
     * A store in the tables of {@code transactions}' database.
     *
     * @param transactions the database holding the sync state tables
     */
    public JpaSyncStateStore(JpaTransactions transactions) {
        this.db = new Db(transactions);
    }

    @Override
    public Optional<Long> remoteId(String accountId, EntityKind entity, String key) {
        ItemId id = itemId(accountId, entity, key);
        return db.run("reading a remote id", em -> Optional.ofNullable(em.find(RemoteIdRow.class, id)).map(r -> r.remoteId));
    }

    @Override
    public Map<String, Long> remoteIds(String accountId, EntityKind entity) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(entity, "entity");
        return db.run("reading remote ids", em -> {
            Map<String, Long> out = new TreeMap<>();
            em.createQuery("select r from CathalogRemoteIdRow r where r.accountId = :a and r.entity = :e", RemoteIdRow.class)
                    .setParameter("a", accountId).setParameter("e", entity.name()).getResultList()
                    .forEach(r -> out.put(r.key, r.remoteId));
            return out;
        });
    }

    @Override
    public void putRemoteId(String accountId, EntityKind entity, String key, long remoteId) {
        putRemoteId(accountId, entity, key, remoteId, Fence.NONE);
    }

    private void putRemoteId(String accountId, EntityKind entity, String key, long remoteId, Fence fence) {
        ItemId id = itemId(accountId, entity, key);
        write("storing a remote id", fence, true, upsert(RemoteIdRow.class, id, () -> {
            RemoteIdRow r = new RemoteIdRow();
            r.accountId = accountId;
            r.entity = entity.name();
            r.key = key;
            r.remoteId = remoteId;
            return r;
        }, r -> r.remoteId = remoteId));
    }

    @Override
    public void removeRemoteId(String accountId, EntityKind entity, String key) {
        removeRemoteId(accountId, entity, key, Fence.NONE);
    }

    private void removeRemoteId(String accountId, EntityKind entity, String key, Fence fence) {
        ItemId id = itemId(accountId, entity, key);
        write("removing a remote id", fence, false, em -> Optional.ofNullable(em.find(RemoteIdRow.class, id)).ifPresent(em::remove));
    }

    @Override
    public Optional<String> snapshot(String accountId, EntityKind entity, String key) {
        ItemId id = itemId(accountId, entity, key);
        return db.run("reading a snapshot", em -> Optional.ofNullable(em.find(SnapshotRow.class, id)).map(r -> r.snapshot));
    }

    @Override
    public Map<String, String> snapshots(String accountId, EntityKind entity) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(entity, "entity");
        return db.run("reading snapshots", em -> {
            Map<String, String> out = new TreeMap<>();
            em.createQuery("select s from CathalogSnapshotRow s where s.accountId = :a and s.entity = :e", SnapshotRow.class)
                    .setParameter("a", accountId).setParameter("e", entity.name()).getResultList()
                    .forEach(s -> out.put(s.key, s.snapshot));
            return out;
        });
    }

    @Override
    public void putSnapshot(String accountId, EntityKind entity, String key, String snapshot) {
        putSnapshot(accountId, entity, key, snapshot, Fence.NONE);
    }

    private void putSnapshot(String accountId, EntityKind entity, String key, String snapshot, Fence fence) {
        ItemId id = itemId(accountId, entity, key);
        Objects.requireNonNull(snapshot, "snapshot");
        write("storing a snapshot", fence, true, upsert(SnapshotRow.class, id, () -> {
            SnapshotRow r = new SnapshotRow();
            r.accountId = accountId;
            r.entity = entity.name();
            r.key = key;
            r.snapshot = snapshot;
            return r;
        }, r -> r.snapshot = snapshot));
    }

    @Override
    public void removeSnapshot(String accountId, EntityKind entity, String key) {
        removeSnapshot(accountId, entity, key, Fence.NONE);
    }

    private void removeSnapshot(String accountId, EntityKind entity, String key, Fence fence) {
        ItemId id = itemId(accountId, entity, key);
        write("removing a snapshot", fence, false, em -> Optional.ofNullable(em.find(SnapshotRow.class, id)).ifPresent(em::remove));
    }

    @Override
    public Optional<String> cursor(String accountId, String name) {
        CursorId id = new CursorId(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(name, "name"));
        return db.run("reading a cursor", em -> Optional.ofNullable(em.find(CursorRow.class, id)).map(c -> c.value));
    }

    @Override
    public void putCursor(String accountId, String name, String value) {
        putCursor(accountId, name, value, Fence.NONE);
    }

    private void putCursor(String accountId, String name, String value, Fence fence) {
        CursorId id = new CursorId(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(value, "value");
        write("storing a cursor", fence, true, upsert(CursorRow.class, id, () -> {
            CursorRow r = new CursorRow();
            r.accountId = accountId;
            r.name = name;
            r.value = value;
            return r;
        }, r -> r.value = value));
    }

    @Override
    public void journal(JournalEntry entry) {
        journal(entry, Fence.NONE);
    }

    private void journal(JournalEntry entry, Fence fence) {
        Objects.requireNonNull(entry, "entry");
        JournalRow row = new JournalRow();
        row.accountId = entry.accountId();
        row.runId = entry.runId();
        row.sequence = entry.sequence();
        row.entity = entry.entity().name();
        row.key = entry.key();
        row.action = entry.action().name();
        row.outcome = entry.outcome().map(Outcome::name).orElse(null);
        row.remoteId = entry.remoteId().orElse(null);
        row.at = entry.at();
        row.openIntent = entry.isIntent();
        write("appending to the journal", fence, false, em -> {
            // An outcome finishes the open intent of its run, item and action; a repeated intent replaces it.
            em.createQuery("""
                            update CathalogJournalRow j set j.openIntent = false
                            where j.accountId = :a and j.runId = :r and j.entity = :e and j.key = :k and j.action = :x
                              and j.openIntent = true""")
                    .setParameter("a", row.accountId).setParameter("r", row.runId).setParameter("e", row.entity)
                    .setParameter("k", row.key).setParameter("x", row.action).executeUpdate();
            em.persist(row);
        });
    }

    /**
     * The intents with no later outcome of the same run, entity, key and action, oldest first; of
     * intents repeated with no outcome between, the last one (as the in-memory store). Reads only
     * the open intents, through their index.
     */
    @Override
    public List<JournalEntry> unfinished(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return db.run("reading the journal", em -> em.createQuery(
                        "select j from CathalogJournalRow j where j.accountId = :a and j.openIntent = true order by j.id",
                        JournalRow.class)
                .setParameter("a", accountId).getResultList().stream().map(JpaSyncStateStore::entry).toList());
    }

    /**
     * Deletes, for every account, the journal lines older than {@code before} of runs with no open
     * intent, in one statement (one transaction); run it from one instance at a quiet hour.
     */
    @Override
    public long pruneJournal(Instant before) {
        Objects.requireNonNull(before, "before");
        return db.run("pruning the journal", em -> (long) em.createQuery("""
                        delete from CathalogJournalRow j
                        where j.at < :before
                          and not exists (select 1 from CathalogJournalRow o
                                          where o.openIntent = true and o.accountId = j.accountId and o.runId = j.runId)""")
                .setParameter("before", before).executeUpdate());
    }

    @Override
    public SyncStateStore fenced(String accountId, long fence) {
        Fence f = new Fence(Objects.requireNonNull(accountId, "accountId"), fence);
        write("claiming account " + accountId + " for fence " + fence, f, true, em -> { });
        return new Fenced(f);
    }

    /** A write's fence: none for the store's own methods, or the account and fence of a view. */
    private record Fence(String accountId, long fence) {
        static final Fence NONE = new Fence("", Long.MIN_VALUE);

        void check(String account) {
            if (this != NONE && !accountId.equals(account)) {
                throw new IllegalArgumentException("this state view is fenced for account " + accountId
                        + "; it does not write account " + account);
            }
        }
    }

    /**
     * Runs a write in one transaction, after the fence check when there is a fence. A retryable
     * write (an upsert) that lost a race to insert the same new row is run once more, and finds it.
     */
    private void write(String what, Fence fence, boolean retryable, Consumer<EntityManager> work) {
        Consumer<EntityManager> fenced = fence == Fence.NONE ? work : em -> {
            claim(em, fence);
            work.accept(em);
        };
        if (!retryable) {
            db.exec(what, fenced);
            return;
        }
        try {
            db.transactions().run(em -> {
                fenced.accept(em);
                return null;
            });
        } catch (PersistenceException raced) {
            db.exec(what, fenced);
        }
    }

    /**
     * Raises the account's fence to {@code fence}, or throws when a newer one is recorded. The update
     * locks the fence row until the transaction ends, so a concurrent writer of the account waits,
     * then sees the newer fence.
     */
    private static void claim(EntityManager em, Fence fence) {
        Optional<Long> current = Optional.empty();
        // Twice at most: the account's first fence row may be committed by another writer between
        // this update (which did not see it) and the select (which does): then the update is tried
        // again, and only a newer fence than ours refuses the write.
        for (int attempt = 0; attempt < 2; attempt++) {
            int raised = em.createQuery("update CathalogFenceRow f set f.fence = :mine where f.accountId = :a and f.fence <= :mine")
                    .setParameter("mine", fence.fence()).setParameter("a", fence.accountId()).executeUpdate();
            if (raised == 1) {
                return;
            }
            current = em.createQuery("select f.fence from CathalogFenceRow f where f.accountId = :a", Long.class)
                    .setParameter("a", fence.accountId()).getResultStream().findFirst();
            if (current.isPresent() && current.get() > fence.fence()) {
                throw new FencedOutException(fence.accountId(), fence.fence(), current.get());
            }
            if (current.isEmpty()) {
                break;
            }
        }
        if (current.isPresent()) {
            // Still not raised though no newer fence is recorded: treat as refused rather than write unfenced.
            throw new FencedOutException(fence.accountId(), fence.fence(), current.get());
        }
        FenceRow row = new FenceRow(); // the account's first fenced write; a racing insert fails on the key
        row.accountId = fence.accountId();
        row.fence = fence.fence();
        em.persist(row);
        em.flush();
    }

    private static <T> Consumer<EntityManager> upsert(Class<T> type, Object id, Supplier<T> create,
                                                      Consumer<T> update) {
        return em -> {
            T row = em.find(type, id);
            if (row == null) {
                em.persist(create.get());
            } else {
                update.accept(row);
            }
        };
    }

    private static JournalEntry entry(JournalRow r) {
        return new JournalEntry(r.accountId, r.runId, r.sequence, EntityKind.valueOf(r.entity), r.key,
                ChangeAction.valueOf(r.action), Optional.ofNullable(r.outcome).map(Outcome::valueOf),
                Optional.ofNullable(r.remoteId), r.at);
    }

    private static ItemId itemId(String accountId, EntityKind entity, String key) {
        return new ItemId(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(entity, "entity").name(),
                Objects.requireNonNull(key, "key"));
    }

    @Override
    public String toString() {
        return "JpaSyncStateStore[" + db.transactions() + "]";
    }

    /** The store's writes for one account, each in a transaction that checks the fence first. */
    private final class Fenced implements SyncStateStore {
        private final Fence fence;

        Fenced(Fence fence) {
            this.fence = fence;
        }

        @Override
        public Optional<Long> remoteId(String accountId, EntityKind entity, String key) {
            return JpaSyncStateStore.this.remoteId(accountId, entity, key);
        }

        @Override
        public Map<String, Long> remoteIds(String accountId, EntityKind entity) {
            return JpaSyncStateStore.this.remoteIds(accountId, entity);
        }

        @Override
        public void putRemoteId(String accountId, EntityKind entity, String key, long remoteId) {
            fence.check(accountId);
            JpaSyncStateStore.this.putRemoteId(accountId, entity, key, remoteId, fence);
        }

        @Override
        public void removeRemoteId(String accountId, EntityKind entity, String key) {
            fence.check(accountId);
            JpaSyncStateStore.this.removeRemoteId(accountId, entity, key, fence);
        }

        @Override
        public Optional<String> snapshot(String accountId, EntityKind entity, String key) {
            return JpaSyncStateStore.this.snapshot(accountId, entity, key);
        }

        @Override
        public Map<String, String> snapshots(String accountId, EntityKind entity) {
            return JpaSyncStateStore.this.snapshots(accountId, entity);
        }

        @Override
        public void putSnapshot(String accountId, EntityKind entity, String key, String snapshot) {
            fence.check(accountId);
            JpaSyncStateStore.this.putSnapshot(accountId, entity, key, snapshot, fence);
        }

        @Override
        public void removeSnapshot(String accountId, EntityKind entity, String key) {
            fence.check(accountId);
            JpaSyncStateStore.this.removeSnapshot(accountId, entity, key, fence);
        }

        @Override
        public Optional<String> cursor(String accountId, String name) {
            return JpaSyncStateStore.this.cursor(accountId, name);
        }

        @Override
        public void putCursor(String accountId, String name, String value) {
            fence.check(accountId);
            JpaSyncStateStore.this.putCursor(accountId, name, value, fence);
        }

        @Override
        public void journal(JournalEntry entry) {
            fence.check(Objects.requireNonNull(entry, "entry").accountId());
            JpaSyncStateStore.this.journal(entry, fence);
        }

        @Override
        public List<JournalEntry> unfinished(String accountId) {
            return JpaSyncStateStore.this.unfinished(accountId);
        }

        @Override
        public SyncStateStore fenced(String accountId, long fence) {
            return JpaSyncStateStore.this.fenced(accountId, fence);
        }

        @Override
        public long pruneJournal(Instant before) {
            return JpaSyncStateStore.this.pruneJournal(before);
        }

        @Override
        public String toString() {
            return "JpaSyncStateStore.fenced[" + fence.accountId() + ", fence " + fence.fence() + "]";
        }
    }
}
