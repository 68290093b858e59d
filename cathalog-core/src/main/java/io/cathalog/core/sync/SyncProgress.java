package io.cathalog.core.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a long sync stands: a first sync of 10 000 products takes hours at 3 requests a second.
 *
 * @param phase   what the engine is doing
 * @param done    items finished in this phase (for OBSERVE: products listed, then products read)
 * @param total   items the phase has (for APPLY, the plan's changes; for OBSERVE, the products to
 *                read once the listing is done); 0 while it is not known
 * @param elapsed time spent in this phase
 */
public record SyncProgress(String accountId, String runId, Phase phase, long done, long total, Duration elapsed) {

    /** The phases of a run. */
    public enum Phase {
        OBSERVE,
        PLAN,
        APPLY,
        DONE
    }

    public SyncProgress {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Items per second so far in this phase. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** When the phase should end at the rate so far; empty before there is a rate. */
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
        void onProgress(SyncProgress progress);

        Listener NONE = p -> { };
    }
}
