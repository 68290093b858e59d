package io.cathalog.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.FencedOutException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncStateStore} must do, with {@link InMemorySyncStateStore} as the reference.
 * A store's test extends this and says how to make an empty store. Times are whole milliseconds:
 * a database may keep no more than microseconds.
 */
public abstract class SyncStateStoreContract {
    protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123Z");

    protected SyncStateStore store;

    /** A new, empty store. */
    protected abstract SyncStateStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void remoteIdsArePerAccountAndKindAndCanBeReplacedAndRemoved() {
        assertThat(store.remoteId("a", EntityKind.PRODUCT, "SKU-1")).isEmpty();
        store.putRemoteId("a", EntityKind.PRODUCT, "SKU-1", 101);
        store.putRemoteId("a", EntityKind.PRODUCT, "SKU-0", 100);
        store.putRemoteId("a", EntityKind.CATEGORY, "SKU-1", 900);
        store.putRemoteId("b", EntityKind.PRODUCT, "SKU-1", 555);
        assertThat(store.remoteId("a", EntityKind.PRODUCT, "SKU-1")).contains(101L);
        assertThat(store.remoteIds("a", EntityKind.PRODUCT)).containsExactly(Map.entry("SKU-0", 100L), Map.entry("SKU-1", 101L));

        store.putRemoteId("a", EntityKind.PRODUCT, "SKU-1", 102);
        assertThat(store.remoteId("a", EntityKind.PRODUCT, "SKU-1")).contains(102L);
        store.removeRemoteId("a", EntityKind.PRODUCT, "SKU-1");
        store.removeRemoteId("a", EntityKind.PRODUCT, "never-there");
        assertThat(store.remoteId("a", EntityKind.PRODUCT, "SKU-1")).isEmpty();
        assertThat(store.remoteIds("a", EntityKind.PRODUCT)).containsOnlyKeys("SKU-0");
        assertThat(store.remoteId("a", EntityKind.CATEGORY, "SKU-1")).contains(900L);
        assertThat(store.remoteId("b", EntityKind.PRODUCT, "SKU-1")).contains(555L);
        assertThat(store.remoteIds("c", EntityKind.PRODUCT)).isEmpty();
    }

    @Test
    void snapshotsKeepLargeTextExactly() {
        StringBuilder big = new StringBuilder("{\"name\":\"Fone de Ouvido Sem Fio — Áudio 🎧\",\"items\":[");
        for (int i = 0; i < 20_000; i++) {
            big.append(i).append(',');
        }
        String large = big.append("0]}").toString();
        assertThat(large.length()).isGreaterThan(100_000);

        store.putSnapshot("a", EntityKind.PRODUCT, "SKU-1", large);
        store.putSnapshot("a", EntityKind.PRODUCT, "SKU-2", "{}");
        store.putSnapshot("a", EntityKind.CATEGORY, "SKU-1", "{\"c\":1}");
        assertThat(store.snapshot("a", EntityKind.PRODUCT, "SKU-1")).contains(large);
        assertThat(store.snapshots("a", EntityKind.PRODUCT)).containsExactly(Map.entry("SKU-1", large), Map.entry("SKU-2", "{}"));

        store.putSnapshot("a", EntityKind.PRODUCT, "SKU-2", "{\"v\":2}");
        store.removeSnapshot("a", EntityKind.PRODUCT, "SKU-1");
        assertThat(store.snapshots("a", EntityKind.PRODUCT)).containsExactly(Map.entry("SKU-2", "{\"v\":2}"));
        assertThat(store.snapshot("a", EntityKind.CATEGORY, "SKU-1")).contains("{\"c\":1}");
        assertThat(store.snapshot("b", EntityKind.PRODUCT, "SKU-2")).isEmpty();
    }

    @Test
    void cursorsArePerAccountAndReplaced() {
        assertThat(store.cursor("a", "products.changedSince")).isEmpty();
        store.putCursor("a", "products.changedSince", "2025-03-01T00:00:00Z");
        store.putCursor("b", "products.changedSince", "other");
        store.putCursor("a", "products.changedSince", "2025-03-02T00:00:00Z");
        assertThat(store.cursor("a", "products.changedSince")).contains("2025-03-02T00:00:00Z");
        assertThat(store.cursor("b", "products.changedSince")).contains("other");
        assertThat(store.cursor("a", "other")).isEmpty();
    }

    @Test
    void anIntentIsFinishedOnlyByALaterOutcomeOfTheSameRunItemAndAction() {
        JournalEntry open1 = intent("run-1", 1, EntityKind.CATEGORY, "audio", ChangeAction.CREATE);
        JournalEntry done = intent("run-1", 2, EntityKind.CATEGORY, "home", ChangeAction.CREATE);
        JournalEntry otherRun = intent("run-1", 3, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE);
        JournalEntry otherAction = intent("run-1", 4, EntityKind.PRODUCT, "SKU-2", ChangeAction.UPDATE);
        List.of(open1, done, otherRun, otherAction).forEach(store::journal);
        store.journal(outcome(done, 5, Outcome.CREATED, Optional.of(77L)));
        store.journal(outcome(new JournalEntry("a", "run-2", 6, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE,
                Optional.empty(), Optional.empty(), T0), 6, Outcome.UPDATED, Optional.empty()));
        store.journal(outcome(new JournalEntry("a", "run-1", 7, EntityKind.PRODUCT, "SKU-2", ChangeAction.DELETE,
                Optional.empty(), Optional.empty(), T0), 7, Outcome.DELETED, Optional.empty()));
        store.journal(new JournalEntry("b", "run-1", 1, EntityKind.CATEGORY, "audio", ChangeAction.CREATE,
                Optional.of(Outcome.CREATED), Optional.empty(), T0));

        assertThat(store.unfinished("a")).containsExactly(open1, otherRun, otherAction);
        assertThat(store.unfinished("b")).isEmpty();
        assertThat(store.unfinished("nobody")).isEmpty();
    }

    @Test
    void aRepeatedIntentIsListedOnceAndAnOutcomeAfterItFinishesBoth() {
        JournalEntry first = intent("run-1", 1, EntityKind.PRODUCT, "SKU-1", ChangeAction.CREATE);
        JournalEntry again = intent("run-1", 2, EntityKind.PRODUCT, "SKU-1", ChangeAction.CREATE);
        store.journal(first);
        store.journal(again);
        assertThat(store.unfinished("a")).containsExactly(again);
        store.journal(outcome(again, 3, Outcome.FAILED, Optional.empty()));
        assertThat(store.unfinished("a")).isEmpty();
        JournalEntry later = intent("run-1", 4, EntityKind.PRODUCT, "SKU-1", ChangeAction.CREATE);
        store.journal(later);
        assertThat(store.unfinished("a")).containsExactly(later);
    }

    @Test
    void isSafeForConcurrentWriters() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.putRemoteId("a", EntityKind.PRODUCT, "T" + thread + "-" + i, thread * 1000L + i);
                        store.putSnapshot("a", EntityKind.PRODUCT, "shared", "{\"by\":" + thread + "}");
                        store.journal(intent("run-" + thread, i, EntityKind.PRODUCT, "T" + thread + "-" + i, ChangeAction.CREATE));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.remoteIds("a", EntityKind.PRODUCT)).hasSize(100);
        assertThat(store.snapshot("a", EntityKind.PRODUCT, "shared")).get().asString().matches("\\{\"by\":[0-3]}");
        assertThat(store.unfinished("a")).hasSize(100);
    }

    @Test
    void unfinishedIntentsComeInJournalOrderWithARepeatedOneInItsLastPlace() {
        JournalEntry x = intent("run-1", 1, EntityKind.PRODUCT, "SKU-X", ChangeAction.CREATE);
        JournalEntry y = intent("run-1", 2, EntityKind.PRODUCT, "SKU-Y", ChangeAction.CREATE);
        JournalEntry xAgain = intent("run-1", 3, EntityKind.PRODUCT, "SKU-X", ChangeAction.CREATE);
        List.of(x, y, xAgain).forEach(store::journal);
        assertThat(store.unfinished("a")).containsExactly(y, xAgain);
    }

    @Test
    void unfinishedListsOnlyTheOpenIntentsOfALongHistory() {
        long seq = 0;
        for (int run = 0; run < 300; run++) {
            JournalEntry i = intent("run-" + run, ++seq, EntityKind.PRODUCT, "SKU-" + run, ChangeAction.UPDATE);
            store.journal(i);
            store.journal(outcome(i, ++seq, Outcome.UPDATED, Optional.empty()));
        }
        JournalEntry open = intent("run-crashed", ++seq, EntityKind.PRODUCT, "SKU-7", ChangeAction.UPDATE);
        store.journal(open);
        assertThat(store.unfinished("a")).containsExactly(open);
    }

    @Test
    void pruningRemovesOnlyOldLinesOfFinishedRuns() {
        // run-old: finished long ago. run-open: as old, but one intent never got its outcome.
        // run-recent: finished, but within the retention.
        JournalEntry oldA = intent("run-old", 1, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE);
        JournalEntry oldB = intent("run-old", 3, EntityKind.PRODUCT, "SKU-2", ChangeAction.UPDATE);
        JournalEntry openDone = intent("run-open", 5, EntityKind.PRODUCT, "SKU-3", ChangeAction.UPDATE);
        JournalEntry openStill = intent("run-open", 7, EntityKind.PRODUCT, "SKU-4", ChangeAction.CREATE);
        JournalEntry recent = intent("run-recent", 100, EntityKind.PRODUCT, "SKU-5", ChangeAction.UPDATE);
        store.journal(oldA);
        store.journal(outcome(oldA, 2, Outcome.UPDATED, Optional.empty()));
        store.journal(oldB);
        store.journal(outcome(oldB, 4, Outcome.FAILED, Optional.empty()));
        store.journal(openDone);
        store.journal(outcome(openDone, 6, Outcome.UPDATED, Optional.empty()));
        store.journal(openStill);
        store.journal(recent);
        store.journal(outcome(recent, 101, Outcome.UPDATED, Optional.empty()));
        store.journal(new JournalEntry("b", "run-b", 1, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE,
                Optional.of(Outcome.UPDATED), Optional.empty(), T0.plusSeconds(1)));

        assertThat(store.pruneJournal(T0.plusSeconds(50))).as("run-old's four lines and b's one").isEqualTo(5);
        assertThat(store.unfinished("a")).containsExactly(openStill);
        assertThat(store.pruneJournal(T0.plusSeconds(50))).as("nothing more to prune").isZero();

        // The open intent's outcome comes (a later run finished it): its run is finished now.
        store.journal(outcome(openStill, 8, Outcome.CREATED, Optional.of(9L)));
        assertThat(store.unfinished("a")).isEmpty();
        assertThat(store.pruneJournal(T0.plusSeconds(50))).as("run-open's four lines").isEqualTo(4);
        assertThat(store.pruneJournal(T0.plusSeconds(1000))).as("run-recent's two lines").isEqualTo(2);
        assertThat(store.pruneJournal(T0.plusSeconds(1000))).isZero();
    }

    @Test
    void aPrunedJournalStillFinishesIntentsWrittenAfter() {
        JournalEntry old = intent("run-1", 1, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE);
        store.journal(old);
        store.journal(outcome(old, 2, Outcome.UPDATED, Optional.empty()));
        store.pruneJournal(T0.plusSeconds(10));
        JournalEntry next = intent("run-2", 20, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE);
        store.journal(next);
        assertThat(store.unfinished("a")).containsExactly(next);
        store.journal(outcome(next, 21, Outcome.UPDATED, Optional.empty()));
        assertThat(store.unfinished("a")).isEmpty();
    }

    @Test
    void aFencedViewWritesAndReadsLikeTheStore() {
        SyncStateStore run = store.fenced("a", 1);
        run.putRemoteId("a", EntityKind.PRODUCT, "SKU-1", 101);
        run.putSnapshot("a", EntityKind.PRODUCT, "SKU-1", "{}");
        run.putCursor("a", "c", "v1");
        JournalEntry i = intent("run-1", 1, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE);
        run.journal(i);
        assertThat(store.remoteId("a", EntityKind.PRODUCT, "SKU-1")).contains(101L);
        assertThat(run.remoteIds("a", EntityKind.PRODUCT)).containsExactly(Map.entry("SKU-1", 101L));
        assertThat(run.snapshots("a", EntityKind.PRODUCT)).containsExactly(Map.entry("SKU-1", "{}"));
        assertThat(run.cursor("a", "c")).contains("v1");
        assertThat(run.unfinished("a")).containsExactly(i);
        run.removeSnapshot("a", EntityKind.PRODUCT, "SKU-1");
        run.removeRemoteId("a", EntityKind.PRODUCT, "SKU-1");
        assertThat(store.snapshot("a", EntityKind.PRODUCT, "SKU-1")).isEmpty();
        assertThat(store.remoteId("a", EntityKind.PRODUCT, "SKU-1")).isEmpty();
        assertThatThrownBy(() -> run.putCursor("b", "c", "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account a");
        assertThat(store.cursor("b", "c")).isEmpty();
    }

    @Test
    void onceANewerFenceClaimedTheAccountEveryWriteOfTheOlderIsRefusedAndNothingIsWritten() {
        SyncStateStore paused = store.fenced("a", 1);
        paused.putCursor("a", "c", "by-1");
        paused.putRemoteId("a", EntityKind.PRODUCT, "SKU-1", 101);
        paused.putSnapshot("a", EntityKind.PRODUCT, "SKU-1", "{\"by\":1}");

        SyncStateStore taker = store.fenced("a", 2); // claims the account before writing anything

        List<Consumer<SyncStateStore>> writes = List.of(
                s -> s.putCursor("a", "c", "by-1-late"),
                s -> s.putRemoteId("a", EntityKind.PRODUCT, "SKU-1", 999),
                s -> s.putRemoteId("a", EntityKind.PRODUCT, "SKU-NEW", 999),
                s -> s.removeRemoteId("a", EntityKind.PRODUCT, "SKU-1"),
                s -> s.putSnapshot("a", EntityKind.PRODUCT, "SKU-1", "{\"by\":\"late\"}"),
                s -> s.removeSnapshot("a", EntityKind.PRODUCT, "SKU-1"),
                s -> s.journal(intent("run-late", 1, EntityKind.PRODUCT, "SKU-1", ChangeAction.UPDATE)));
        for (Consumer<SyncStateStore> write : writes) {
            assertThatThrownBy(() -> write.accept(paused)).isInstanceOfSatisfying(FencedOutException.class, e -> {
                assertThat(e.accountId()).isEqualTo("a");
                assertThat(e.fence()).isEqualTo(1);
                assertThat(e.current()).isEqualTo(2);
            });
        }
        assertThat(store.cursor("a", "c")).contains("by-1");
        assertThat(store.remoteIds("a", EntityKind.PRODUCT)).containsExactly(Map.entry("SKU-1", 101L));
        assertThat(store.snapshot("a", EntityKind.PRODUCT, "SKU-1")).contains("{\"by\":1}");
        assertThat(store.unfinished("a")).isEmpty();
        assertThat(paused.cursor("a", "c")).as("reads still work").contains("by-1");

        taker.putCursor("a", "c", "by-2");
        assertThat(store.cursor("a", "c")).contains("by-2");
        assertThatThrownBy(() -> store.fenced("a", 1)).as("an old fence cannot claim again").isInstanceOf(FencedOutException.class);
        SyncStateStore same = store.fenced("a", 2);
        same.putCursor("a", "c", "by-2-again");
        store.fenced("b", 1).putCursor("b", "c", "b's own fences");
        assertThat(store.cursor("b", "c")).contains("b's own fences");
    }

    @Test
    void aNewerFenceWritingFirstAlsoFencesOutAnOlderView() {
        SyncStateStore older = store.fenced("a", 5);
        SyncStateStore newer = store.fenced("a", 6);
        newer.putCursor("a", "c", "6");
        assertThatThrownBy(() -> older.putCursor("a", "c", "5")).isInstanceOf(FencedOutException.class);
        store.fenced("a", 9).putCursor("a", "c", "9"); // fences may skip numbers
        assertThatThrownBy(() -> newer.putCursor("a", "c", "6")).isInstanceOf(FencedOutException.class);
        assertThat(store.cursor("a", "c")).contains("9");
    }

    @Test
    void ofWritersRacingWithDifferentFencesTheNewestWritesLast() throws Exception {
        int writers = 4; // no more than the JPA tests' connection pool
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int f = 1; f <= writers; f++) {
                long fence = f;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        SyncStateStore run = store.fenced("a", fence);
                        for (int i = 0; i < 15; i++) {
                            run.putCursor("a", "c", fence + "-" + i);
                        }
                    } catch (FencedOutException refused) {
                        // a newer fence got there first: from then on, all of this writer's writes fail
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.cursor("a", "c")).as("no older write landed after the newest fence's").contains(writers + "-14");
    }

    protected static JournalEntry intent(String run, long sequence, EntityKind entity, String key, ChangeAction action) {
        return new JournalEntry("a", run, sequence, entity, key, action, Optional.empty(), Optional.empty(),
                T0.plusSeconds(sequence));
    }

    protected static JournalEntry outcome(JournalEntry intent, long sequence, Outcome outcome, Optional<Long> remoteId) {
        return new JournalEntry(intent.accountId(), intent.runId(), sequence, intent.entity(), intent.key(), intent.action(),
                Optional.of(outcome), remoteId, T0.plusSeconds(sequence));
    }
}
