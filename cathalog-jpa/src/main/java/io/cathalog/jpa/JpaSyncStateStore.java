package io.cathalog.jpa;

import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.SyncStateStore;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's state in the database: ERP ids by natural key ({@code cathalog_remote_id}),
 * snapshots ({@code cathalog_snapshot}, JSON text), cursors ({@code cathalog_cursor}) and the apply
 * journal ({@code cathalog_journal}). Every method is one short transaction of its own, committed
 * when it returns; thread-safe, and safe to share between processes (one engine runs an account
 * at a time: take a {@link JpaLeaseLock} lease for that).
 *
 * <pre>{@code
 * SyncStateStore state = new JpaSyncStateStore(JpaTransactions.resourceLocal(emf));
 * }</pre>
 */
public final class JpaSyncStateStore implements SyncStateStore {
    private final Db db;

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
        ItemId id = itemId(accountId, entity, key);
        db.upsert("storing a remote id", RemoteIdRow.class, id, () -> {
            RemoteIdRow r = new RemoteIdRow();
            r.accountId = accountId;
            r.entity = entity.name();
            r.key = key;
            r.remoteId = remoteId;
            return r;
        }, r -> r.remoteId = remoteId);
    }

    @Override
    public void removeRemoteId(String accountId, EntityKind entity, String key) {
        ItemId id = itemId(accountId, entity, key);
        db.exec("removing a remote id", em -> Optional.ofNullable(em.find(RemoteIdRow.class, id)).ifPresent(em::remove));
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
        ItemId id = itemId(accountId, entity, key);
        Objects.requireNonNull(snapshot, "snapshot");
        db.upsert("storing a snapshot", SnapshotRow.class, id, () -> {
            SnapshotRow r = new SnapshotRow();
            r.accountId = accountId;
            r.entity = entity.name();
            r.key = key;
            r.snapshot = snapshot;
            return r;
        }, r -> r.snapshot = snapshot);
    }

    @Override
    public void removeSnapshot(String accountId, EntityKind entity, String key) {
        ItemId id = itemId(accountId, entity, key);
        db.exec("removing a snapshot", em -> Optional.ofNullable(em.find(SnapshotRow.class, id)).ifPresent(em::remove));
    }

    @Override
    public Optional<String> cursor(String accountId, String name) {
        CursorId id = new CursorId(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(name, "name"));
        return db.run("reading a cursor", em -> Optional.ofNullable(em.find(CursorRow.class, id)).map(c -> c.value));
    }

    @Override
    public void putCursor(String accountId, String name, String value) {
        CursorId id = new CursorId(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(value, "value");
        db.upsert("storing a cursor", CursorRow.class, id, () -> {
            CursorRow r = new CursorRow();
            r.accountId = accountId;
            r.name = name;
            r.value = value;
            return r;
        }, r -> r.value = value);
    }

    @Override
    public void journal(JournalEntry entry) {
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
        db.exec("appending to the journal", em -> em.persist(row));
    }

    /**
     * The intents with no later outcome of the same run, entity, key and action, oldest first; of
     * intents repeated with no outcome between, the last one (as the in-memory store).
     */
    @Override
    public List<JournalEntry> unfinished(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return db.run("reading the journal", em -> em.createQuery("""
                        select j from CathalogJournalRow j
                        where j.accountId = :a and j.outcome is null
                          and not exists (select 1 from CathalogJournalRow later
                                          where later.accountId = j.accountId and later.runId = j.runId
                                            and later.entity = j.entity and later.key = j.key
                                            and later.action = j.action and later.id > j.id)
                        order by j.id""", JournalRow.class)
                .setParameter("a", accountId).getResultList().stream().map(JpaSyncStateStore::entry).toList());
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
}
