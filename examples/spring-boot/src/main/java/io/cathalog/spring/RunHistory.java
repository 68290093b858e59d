package io.cathalog.spring;

import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last runs of each account, as the scheduler reported them, for the admin page; each new run
 * is also timed into {@code cathalog.run.duration}. Fed by {@link #collect()}, which the lifecycle
 * calls every second: the scheduler's status carries the last run only.
 */
final class RunHistory {
    static final int KEPT = 10;

    private final SyncScheduler scheduler;
    private final CathalogMetrics metrics;
    private final Map<String, Deque<RunRecord>> runs = new HashMap<>(); // guarded by this

    RunHistory(SyncScheduler scheduler, CathalogMetrics metrics) {
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /** Takes every account's last run, when it is new. */
    void collect() {
        for (String account : scheduler.accountIds()) {
            Optional<RunRecord> last = scheduler.status(account).lastRun();
            if (last.isEmpty()) {
                continue;
            }
            boolean added;
            synchronized (this) {
                Deque<RunRecord> kept = runs.computeIfAbsent(account, k -> new ArrayDeque<>());
                RunRecord newest = kept.peekFirst();
                added = newest == null || !newest.startedAt().equals(last.get().startedAt());
                if (added) {
                    kept.addFirst(last.get());
                    while (kept.size() > KEPT) {
                        kept.removeLast();
                    }
                }
            }
            if (added) {
                metrics.run(last.get());
            }
        }
    }

    /** The account's last runs, newest first. */
    synchronized List<RunRecord> runs(String account) {
        return new ArrayList<>(runs.getOrDefault(account, new ArrayDeque<>()));
    }
}
