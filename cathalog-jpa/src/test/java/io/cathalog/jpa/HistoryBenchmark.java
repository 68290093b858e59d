package io.cathalog.jpa;

import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalRetention;
import io.cathalog.core.sync.SyncStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a year of history costs a run, on PostgreSQL ({@code CATHALOG_PG_URL}, {@code CATHALOG_PG_USER},
 * {@code CATHALOG_PG_PASSWORD}; a new schema, dropped after). Two accounts with the same state
 * (ids, snapshots, cursors of {@code products} products): "new", with no journal, and "old", with
 * {@code rows} journal lines: a year of runs every 15 minutes, each changing a few products
 * (intent and outcome), and two intents left open by crashed runs. Measured: the database time of
 * a no-change run, i.e. the state store calls the engine makes in one (two {@code unfinished}, the
 * ids and snapshots it reads, two cursors read and written through a fenced view), each its own
 * transaction through Hibernate as in production; then {@code unfinished} alone, the schema-1
 * query it replaces, and pruning by a 30-day retention.
 *
 * <p>Arguments: journal rows (default 1 000 000), products (1 000), measured runs per account (300).
 */
public final class HistoryBenchmark {
    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int RUNS_A_YEAR = 365 * 96;

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        try (TestDatabase db = TestDatabase.postgres()) {
            long loadStart = System.nanoTime();
            try (Connection c = db.connect()) {
                for (String account : List.of("new", "old")) {
                    loadState(c, account, products);
                }
                loadJournal(c, "old", rows, products);
                try (Statement s = c.createStatement()) {
                    s.execute("analyze");
                }
            }
            System.out.printf(Locale.ROOT, "loaded %,d journal rows and 2 x %,d products in %.1f s%n", rows, products,
                    (System.nanoTime() - loadStart) / 1e9);
            long journalBytes = journalBytes(db);
            System.out.printf(Locale.ROOT, "journal table with its indexes: %,d MB, %.0f bytes a row%n",
                    journalBytes / 1_000_000, (double) journalBytes / rows);

            JpaTransactions tx = JpaTransactions.resourceLocal(db.newFactory());
            JpaSyncStateStore store = new JpaSyncStateStore(tx);
            SyncStateStore newRun = store.fenced("new", 1);
            SyncStateStore oldRun = store.fenced("old", 1);
            for (int i = 0; i < 100; i++) { // warm-up: Hibernate, the JIT, the database's caches
                noChangeRun(newRun, "new");
                noChangeRun(oldRun, "old");
            }
            List<Long> newTimes = new ArrayList<>();
            List<Long> oldTimes = new ArrayList<>();
            List<Long> newUnfinished = new ArrayList<>();
            List<Long> oldUnfinished = new ArrayList<>();
            for (int i = 0; i < runs; i++) { // alternated, so that drift in the machine's load hits both alike
                newTimes.add(noChangeRun(newRun, "new"));
                oldTimes.add(noChangeRun(oldRun, "old"));
                newUnfinished.add(timed(() -> store.unfinished("new")));
                oldUnfinished.add(timed(() -> store.unfinished("old")));
            }
            List<Long> schema1 = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                schema1.add(timed(() -> schema1Unfinished(tx, "old")));
            }

            System.out.println();
            System.out.println("| account | journal rows | open intents | no-change run, median | p90 | unfinished(), median |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            row("new", 0, store.unfinished("new").size(), newTimes, newUnfinished);
            row("old (a year)", rows, store.unfinished("old").size(), oldTimes, oldUnfinished);
            double ratio = (double) median(oldTimes) / median(newTimes);
            System.out.printf(Locale.ROOT, "%nold / new, median no-change run: %.3f (target <= 1.10)%n", ratio);
            System.out.printf(Locale.ROOT, "schema-1 unfinished() query on the old account (not exists over the journal): median %.1f ms of 5%n",
                    median(schema1) / 1e6);

            Clock endOfYear = Clock.fixed(YEAR_START.plus(Duration.ofDays(365)), ZoneOffset.UTC);
            long pruneStart = System.nanoTime();
            long pruned = JournalRetention.of(Duration.ofDays(30)).prune(store, endOfYear);
            long pruneNanos = System.nanoTime() - pruneStart;
            long left = countJournal(db);
            System.out.printf(Locale.ROOT, "pruned to 30 days: %,d rows removed in %.1f s, %,d left (%,.0f a day), open intents kept: %d%n",
                    pruned, pruneNanos / 1e9, left, left / 30.0, store.unfinished("old").size());
        }
    }

    /** The state store calls of a run that finds nothing to do; its database time in nanoseconds. */
    private static long noChangeRun(SyncStateStore state, String account) {
        long start = System.nanoTime();
        state.unfinished(account);                                  // the observer's look at the journal
        state.remoteIds(account, EntityKind.CATEGORY);
        state.cursor(account, "products.changedSince");
        state.snapshots(account, EntityKind.PRODUCT);
        state.snapshots(account, EntityKind.PRODUCT_STORE_LINK);
        state.cursor(account, "links.1.changedSince");
        state.remoteIds(account, EntityKind.CATEGORY);
        state.unfinished(account);                                  // the applier's
        state.remoteIds(account, EntityKind.CUSTOM_FIELD);
        state.putCursor(account, "products.changedSince", Instant.now().toString());
        state.putCursor(account, "links.1.changedSince", Instant.now().toString());
        return System.nanoTime() - start;
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    /** The query of schema 1, for comparison: every intent of the account, each checked for a later line. */
    private static void schema1Unfinished(JpaTransactions tx, String account) {
        tx.run(em -> em.createQuery("""
                        select j from CathalogJournalRow j
                        where j.accountId = :a and j.outcome is null
                          and not exists (select 1 from CathalogJournalRow later
                                          where later.accountId = j.accountId and later.runId = j.runId
                                            and later.entity = j.entity and later.key = j.key
                                            and later.action = j.action and later.id > j.id)
                        order by j.id""", JournalRow.class).setParameter("a", account).getResultList());
    }

    private static void loadState(Connection c, String account, int products) throws Exception {
        try (PreparedStatement ids = c.prepareStatement("insert into cathalog_remote_id values (?, ?, ?, ?)");
             PreparedStatement snaps = c.prepareStatement("insert into cathalog_snapshot values (?, ?, ?, ?)")) {
            for (int i = 0; i < products; i++) {
                String sku = "SKU-" + i;
                add(ids, account, "PRODUCT", sku, 10_000_000L + i);
                snaps.setString(1, account);
                snaps.setString(2, "PRODUCT");
                snaps.setString(3, sku);
                snaps.setString(4, "{\"name\":\"Produto de teste número " + i + " com um nome longo\",\"price\":\"199.90\","
                        + "\"brand\":\"Marca\",\"gtin\":\"7891234567895\",\"category\":\"cat-" + (i % 50) + "\","
                        + "\"width\":\"10 cm\",\"height\":\"20 cm\",\"depth\":\"5 cm\",\"netWeight\":\"0,4 kg\","
                        + "\"custom\":{\"Cor\":\"Preto\",\"Voltagem\":\"bivolt\"},\"changedAt\":\"2025-01-01T00:00:00Z\"}");
                snaps.addBatch();
                snaps.setString(2, "PRODUCT_STORE_LINK");
                snaps.setString(4, "{\"store\":1,\"sku\":\"" + sku + "\",\"price\":\"209.90\"}");
                snaps.addBatch();
            }
            for (int i = 0; i < 50; i++) {
                add(ids, account, "CATEGORY", "cat-" + i, 500_000L + i);
            }
            for (int i = 0; i < 5; i++) {
                add(ids, account, "CUSTOM_FIELD", "field-" + i, 900_000L + i);
            }
            ids.executeBatch();
            snaps.executeBatch();
        }
    }

    private static void add(PreparedStatement ids, String account, String entity, String key, long id) throws Exception {
        ids.setString(1, account);
        ids.setString(2, entity);
        ids.setString(3, key);
        ids.setLong(4, id);
        ids.addBatch();
    }

    /** A year of finished runs (pairs of intent and outcome spread evenly over the year's runs) and two open intents. */
    private static void loadJournal(Connection c, String account, long rows, int products) throws Exception {
        long pairs = rows / 2;
        try (PreparedStatement s = c.prepareStatement("""
                insert into cathalog_journal (account_id, run_id, seq, entity, item_key, action, outcome, remote_id, at, open_intent)
                select ?, 'run-' || (p * ? / ?), g, 'PRODUCT', 'SKU-' || (p % ?), 'UPDATE',
                       case when g % 2 = 0 then null else 'UPDATED' end, null,
                       ?::timestamptz + (p * ? / ?) * interval '15 minutes' + (g % 2) * interval '1 second', false
                from generate_series(0, ? - 1) g, lateral (select g / 2 as p) pair""")) {
            s.setString(1, account);
            s.setLong(2, RUNS_A_YEAR);
            s.setLong(3, pairs);
            s.setLong(4, products);
            s.setString(5, YEAR_START.toString());
            s.setLong(6, RUNS_A_YEAR);
            s.setLong(7, pairs);
            s.setLong(8, pairs * 2);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into cathalog_journal (account_id, run_id, seq, entity, item_key, action, outcome, remote_id, at, open_intent)
                values (?, ?, 1, 'PRODUCT', ?, 'CREATE', null, null, ?::timestamptz, true)""")) {
            for (int i = 0; i < 2; i++) {
                s.setString(1, account);
                s.setString(2, "crashed-" + i);
                s.setString(3, "SKU-NEW-" + i);
                s.setString(4, YEAR_START.plus(Duration.ofDays(40L + 100L * i)).toString());
                s.executeUpdate();
            }
        }
    }

    private static long journalBytes(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             var r = s.executeQuery("select pg_total_relation_size('cathalog_journal')")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long countJournal(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             var r = s.executeQuery("select count(*) from cathalog_journal")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void row(String name, long rows, int open, List<Long> runTimes, List<Long> unfinished) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %d | %.2f ms | %.2f ms | %.3f ms |%n", name, rows, open,
                median(runTimes) / 1e6, percentile(runTimes, 0.9) / 1e6, median(unfinished) / 1e6);
    }

    private static long median(List<Long> xs) {
        return percentile(xs, 0.5);
    }

    private static long percentile(List<Long> xs, double p) {
        List<Long> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
