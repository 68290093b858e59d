package io.cathalog.core.sync.internal;

import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The per-change log lines: what was written (created, updated, deleted) at INFO, a failure at
 * WARNING, and the items nothing happened to (unchanged, skipped) at DEBUG, so that a host logging
 * at INFO sees the writes and not one line per untouched item.
 */
class ApplierLogLevelTest {
    private static final Logger JUL = Logger.getLogger(Applier.class.getName());

    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock);
    private final InMemorySyncStateStore store = new InMemorySyncStateStore();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level before;

    @BeforeEach
    void capture() {
        before = JUL.getLevel();
        JUL.setLevel(Level.ALL);
        JUL.addHandler(handler);
    }

    @AfterEach
    void release() {
        JUL.removeHandler(handler);
        JUL.setLevel(before);
    }

    private Level levelOf(String key) {
        return records.stream().filter(r -> r.getMessage().contains(" " + key + " -> ")).map(LogRecord::getLevel)
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + key + " in " + records.stream()
                        .map(LogRecord::getMessage).toList()));
    }

    @Test
    void writesLogAtInfoAndUnchangedOrSkippedItemsAtDebug() {
        Change[] changes = {
                new Change.CreateCategory("made", "Made", Optional.empty()),
                new Change.DeleteCategory("#5", 5, "Gone"),   // already gone: UNCHANGED
                new Change.CreateCategory("stopped", "Stopped", Optional.empty())};
        int[] asked = {0};
        RunControl control = () -> ++asked[0] >= 3 ? Optional.of("stop requested") : Optional.empty();
        Applier applier = new Applier("acme", remote, new StateView("acme", store), new Recorder("acme", store),
                clock, List.of(), SyncProgress.Listener.NONE);
        SyncPlan plan = new SyncPlan("acme", List.of(changes), List.of(), List.of(), PlanOptions.defaults(),
                "sha256:test", new java.util.TreeMap<>(), 0, Duration.ZERO);

        ApplyStoppedException stopped = catchThrowableOfType(ApplyStoppedException.class,
                () -> applier.apply(plan, Observed.erp().build(), "run-1", control));

        assertThat(stopped).isNotNull();
        assertThat(levelOf("made")).isEqualTo(Level.INFO);
        assertThat(levelOf("#5")).isEqualTo(Level.FINE);
        assertThat(levelOf("stopped")).isEqualTo(Level.FINE);
        // The line a host sees for a write: the account, the run, the change and its outcome.
        assertThat(records.stream().map(LogRecord::getMessage))
                .contains("account acme run run-1: + category made -> CREATED");
    }
}
