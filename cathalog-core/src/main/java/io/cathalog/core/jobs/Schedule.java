package io.cathalog.core.jobs;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one account's scheduling stands between runs, immutable: when it runs next, how many runs
 * in a row failed, whether it is paused (and why), whether it waits for the day's budget, and a
 * sync split across days. {@link RunPolicy} computes the next one from an event; the scheduler
 * only keeps the current one.
 *
 * @param nextRunAt        when the next run is due (ignored while paused)
 * @param failures         failed runs in a row (drives the backoff)
 * @param pause            why the account is paused, until a person re-authorizes it
 * @param waitingForBudget the day's budget is spent; the next run is at the reset
 * @param split            a sync that did not fit the day's budget, until it completes
 */
record Schedule(Instant nextRunAt, int failures, Optional<Pause> pause, boolean waitingForBudget,
                Optional<SplitInfo> split) {

    /** Why an account is paused, and where a person re-authorizes it. */
    record Pause(String reason, Optional<URI> authorizeUrl) {
        Pause {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        }
    }

    Schedule {
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        if (failures < 0) {
            throw new IllegalArgumentException("failures < 0");
        }
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(split, "split");
    }

    /** A new account: first run at {@code firstRun}. */
    static Schedule first(Instant firstRun) {
        return new Schedule(firstRun, 0, Optional.empty(), false, Optional.empty());
    }

    boolean due(Instant now) {
        return pause.isEmpty() && !nextRunAt.isAfter(now);
    }

    Optional<Instant> nextRun() {
        return pause.isPresent() ? Optional.empty() : Optional.of(nextRunAt);
    }

    Schedule withNextRunAt(Instant t) {
        return new Schedule(t, failures, pause, waitingForBudget, split);
    }

    Schedule withPause(Optional<Pause> p) {
        return new Schedule(nextRunAt, failures, p, waitingForBudget, split);
    }
}
