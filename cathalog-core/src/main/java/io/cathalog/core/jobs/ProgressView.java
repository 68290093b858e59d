package io.cathalog.core.jobs;

import io.cathalog.core.sync.SyncProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest progress of an account's run, as the status shows it.
 *
 * @param phase     what the engine is doing
 * @param done      items finished in the phase
 * @param total     items the phase has
 * @param rate      items per second so far in the phase
 * @param eta       how long the phase should still take at that rate; empty before there is a rate
 * @param updatedAt when the engine last reported
 */
public record ProgressView(SyncProgress.Phase phase, long done, long total, double rate, Optional<Duration> eta,
                           Instant updatedAt) {
    /**
     * Checks the components.
     *
     * @param phase     what the engine is doing
     * @param done      items finished in the phase
     * @param total     items the phase has
     * @param rate      items per second so far in the phase
     * @param eta       how long the phase should still take at that rate; empty before there is a rate
     * @param updatedAt when the engine last reported
     * @throws NullPointerException when {@code phase}, {@code eta} or {@code updatedAt} is null
     */
    public ProgressView {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    static ProgressView of(SyncProgress p, Instant at) {
        return new ProgressView(p.phase(), p.done(), p.total(), p.rate(), p.eta(), at);
    }
}
