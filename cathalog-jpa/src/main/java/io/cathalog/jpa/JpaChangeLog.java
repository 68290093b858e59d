package io.cathalog.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.ChangeEvent;
import io.cathalog.core.sync.ChangeListener;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.FieldChange;
import io.cathalog.core.sync.ItemOutcome;
import io.cathalog.core.sync.Outcome;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The append-only history of changes applied to the ERP, in {@code cathalog_change_log}: one row
 * per {@link ChangeEvent} (account, run, entity, key, action, outcome, error, time), with the
 * changed fields' values before and after as JSON objects. Register it as the engine's listener;
 * query it with {@link #query}. It never updates a row; its retention is its own, apart from the
 * journal's: {@link #pruneBefore} deletes rows older than a time (or hosts prune with their own
 * SQL, by {@code at}).
 *
 * <pre>{@code
 * JpaChangeLog history = new JpaChangeLog(JpaTransactions.resourceLocal(emf));
 * SyncEngine.builder()...listener(history).build();
 * List<ChangeRecord> page = history.query(ChangeQuery.of("acme").entity(EntityKind.PRODUCT));
 * }</pre>
 */
public final class JpaChangeLog implements ChangeListener {
    private final Db db;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * A change log over the module's tables.
     *
     * @param transactions how the log opens its short transactions
     */
    public JpaChangeLog(JpaTransactions transactions) {
        this.db = new Db(transactions);
    }

    /** Appends the event; one short transaction. */
    @Override
    public void onChange(ChangeEvent event) {
        ItemOutcome o = event.outcome();
        ChangeRow row = new ChangeRow();
        row.accountId = event.accountId();
        row.runId = event.runId();
        row.at = event.at();
        row.entity = o.change().entity().name();
        row.key = o.change().key();
        row.action = o.change().action().name();
        row.remoteId = o.change().remoteId().isPresent() ? o.change().remoteId().getAsLong() : null;
        row.outcome = o.outcome().name();
        row.error = o.error().orElse(null);
        ObjectNode before = json.createObjectNode();
        ObjectNode after = json.createObjectNode();
        ObjectNode decided = json.createObjectNode();
        for (FieldChange f : o.change().fields()) {
            before.put(f.field(), f.before().orElse(null));
            after.put(f.field(), f.after().orElse(null));
            f.decidedBy().ifPresent(rule -> decided.put(f.field(), rule));
        }
        row.before = write(before);
        row.after = write(after);
        row.decidedBy = write(decided);
        db.exec("appending to the change log", em -> em.persist(row));
    }

    /**
     * A page of changes, oldest first.
     *
     * @param q what to read
     * @return at most {@code q.limit()} changes; fewer (or none) at the end of the history
     */
    public List<ChangeRecord> query(ChangeQuery q) {
        StringBuilder jpql = new StringBuilder("select c from CathalogChangeRow c where c.accountId = :account and c.id > :after");
        q.entity().ifPresent(e -> jpql.append(" and c.entity = :entity"));
        q.key().ifPresent(k -> jpql.append(" and c.key = :key"));
        q.runId().ifPresent(r -> jpql.append(" and c.runId = :run"));
        q.from().ifPresent(f -> jpql.append(" and c.at >= :from"));
        q.until().ifPresent(u -> jpql.append(" and c.at < :until"));
        jpql.append(" order by c.id");
        return db.run("querying the change log", em -> {
            TypedQuery<ChangeRow> query = em.createQuery(jpql.toString(), ChangeRow.class)
                    .setParameter("account", q.accountId()).setParameter("after", q.afterId());
            q.entity().ifPresent(e -> query.setParameter("entity", e.name()));
            q.key().ifPresent(k -> query.setParameter("key", k));
            q.runId().ifPresent(r -> query.setParameter("run", r));
            q.from().ifPresent(f -> query.setParameter("from", f));
            q.until().ifPresent(u -> query.setParameter("until", u));
            return query.setMaxResults(q.limit()).getResultList().stream().map(JpaChangeLog::record).toList();
        });
    }

    private static ChangeRecord record(ChangeRow r) {
        return new ChangeRecord(r.id, r.accountId, r.runId, r.at, EntityKind.valueOf(r.entity), r.key,
                ChangeAction.valueOf(r.action), r.remoteId == null ? OptionalLong.empty() : OptionalLong.of(r.remoteId),
                Outcome.valueOf(r.outcome), Optional.ofNullable(r.error), r.before, r.after, r.decidedBy);
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "JpaChangeLog[" + db.transactions() + "]";
    }

    /**
     * The change log's retention: deletes, for every account, the rows older than {@code before},
     * in one statement. The history a host must keep (an audit period) is usually far longer
     * than the journal's few days.
     *
     * @param before rows of changes before this instant are deleted
     * @return how many rows were deleted
     */
    public long pruneBefore(Instant before) {
        Objects.requireNonNull(before, "before");
        return db.run("pruning the change log", em -> (long) em.createQuery("delete from CathalogChangeRow c where c.at < :before")
                .setParameter("before", before).executeUpdate());
    }
}
