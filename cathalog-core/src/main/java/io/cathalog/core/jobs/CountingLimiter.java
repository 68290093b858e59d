package io.cathalog.core.jobs;

import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's limiter as the scheduler hands it to the engine's client: it counts the requests
 * of the current run, for the run's record. Stopping a run is not its business: the scheduler
 * hands the engine a {@link io.cathalog.core.sync.RunControl}.
 */
final class CountingLimiter implements RequestLimiter {
    private final RequestLimiter delegate;
    private final AtomicLong sent = new AtomicLong();

    CountingLimiter(RequestLimiter delegate) {
        this.delegate = delegate;
    }

    /** A new run starts: count from zero. */
    void beginRun() {
        sent.set(0);
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
        return "CountingLimiter[" + delegate + "]";
    }
}
