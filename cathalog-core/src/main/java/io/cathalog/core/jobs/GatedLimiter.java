package io.cathalog.core.jobs;

import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Usage;
import io.cathalog.core.sync.SyncProgress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's limiter as the scheduler hands it to the engine's client: it counts the run's
 * requests, and when the run is asked to stop it refuses the next request after the current change
 * has finished (the engine reports each finished change to the progress listener, which is where
 * the gate learns that a change boundary was passed). While planning, it refuses at once: planning
 * writes nothing.
 */
final class GatedLimiter implements RequestLimiter {
    private final RequestLimiter delegate;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean applying;
    private volatile String stopReason;
    private volatile boolean refusing;

    GatedLimiter(RequestLimiter delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    RequestLimiter delegate() {
        return delegate;
    }

    /** A new run starts: open, count from zero (unless a stop is pending for the whole scheduler). */
    void beginRun() {
        sent.set(0);
        applying = false;
        if (stopReason == null) {
            refusing = false;
        }
    }

    void applying() {
        applying = true;
    }

    void endRun() {
        applying = false;
    }

    /** Refuse the next request once the current change is done (at once while not applying). */
    void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        if (!applying) {
            refusing = true;
        }
    }

    /** Forgets a stop request (after a lost lease, the account may run again later). */
    void clearStop() {
        stopReason = null;
        refusing = false;
    }

    boolean stopRequested() {
        return stopReason != null;
    }

    /** From the engine's progress: an APPLY (or DONE) report means a change has just finished. */
    void onProgress(SyncProgress p) {
        if (stopReason != null && (p.phase() == SyncProgress.Phase.APPLY || p.phase() == SyncProgress.Phase.DONE)) {
            refusing = true;
        }
    }

    long sent() {
        return sent.get();
    }

    @Override
    public String accountId() {
        return delegate.accountId();
    }

    @Override
    public void acquire() throws InterruptedException {
        if (refusing) {
            throw new StopRefusal(delegate.accountId(), stopReason == null ? "stop" : stopReason);
        }
        delegate.acquire();
        sent.incrementAndGet();
    }

    @Override
    public void pause(Duration pause) {
        delegate.pause(pause);
    }

    @Override
    public void quotaExhausted(Instant resetAt) {
        delegate.quotaExhausted(resetAt);
    }

    @Override
    public Instant nextReset() {
        return delegate.nextReset();
    }

    @Override
    public Usage usage() {
        return delegate.usage();
    }

    @Override
    public String toString() {
        return "GatedLimiter[" + delegate + "]";
    }
}
