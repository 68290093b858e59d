package io.cathalog.core.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a long sync stands: a first sync of 10 000 products takes hours at 3 requests a second.
 *
 * @param accountId the account being synced
 * @param runId     the run, as in its journal lines
 * @param phase   what the engine is doing
 * @param done    items finished in this phase (for OBSERVE: products listed, then products read)
 * @param total   items the phase has (for APPLY, the plan's changes; for OBSERVE, the products to
 *                read once the listing is done); 0 while it is not known
 * @param elapsed time spent in this phase
 */
public record SyncProgress(String accountId, String runId, Phase phase, long done, long total, Duration elapsed) {

    /** The phases of a run. */
    public enum Phase {
        /** Reading the ERP's side: listing products, then reading those that changed. */
        OBSERVE,
        /** Comparing the catalog with what was observed, into a plan of changes. */
        PLAN,
        /** Sending the plan's changes to the ERP. */
        APPLY,
        /** The run is over; nothing more will be reported for it. */
        DONE
    }

    /**
     * Checks the progress.
     *
     * @param accountId the account being synced
     * @param runId     the run
     * @param phase     what the engine is doing
     * @param done      items finished in this phase
     * @param total     items the phase has; 0 while it is not known
     * @param elapsed   time spent in this phase
     * @throws NullPointerException when {@code accountId}, {@code runId}, {@code phase} or
     *                              {@code elapsed} is null
     */
    public SyncProgress {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Items per second so far in this phase.
     *
     * @return {@code done} over the elapsed seconds; 0 before any time has elapsed
     */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    /**
     * How long the phase should still take at the rate so far.
     *
     * @return the time left; zero once {@code done} reaches {@code total}; empty while the total
     *         or the rate is not known
     */
    public Optional<Duration> eta() {
        double rate = rate();
        if (total <= 0) {
            return Optional.empty();
        }
        if (rate <= 0 || done >= total) {
            return done >= total ? Optional.of(Duration.ZERO) : Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round((total - done) / rate * 1000)));
    }

    /** Hears of a run's progress, on the running thread; a listener that throws is ignored. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called at each step of a run; should return quickly, as the run waits for it.
         *
         * @param progress where the run stands now
         */
        void onProgress(SyncProgress progress);

        /** A listener that ignores every report. */
        Listener NONE = p -> { };
    }
}
