package io.cathalog.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    protected static JournalEntry intent(String run, long sequence, EntityKind entity, String key, ChangeAction action) {
        return new JournalEntry("a", run, sequence, entity, key, action, Optional.empty(), Optional.empty(),
                T0.plusSeconds(sequence));
    }

    protected static JournalEntry outcome(JournalEntry intent, long sequence, Outcome outcome, Optional<Long> remoteId) {
        return new JournalEntry(intent.accountId(), intent.runId(), sequence, intent.entity(), intent.key(), intent.action(),
                Optional.of(outcome), remoteId, T0.plusSeconds(sequence));
    }
}
