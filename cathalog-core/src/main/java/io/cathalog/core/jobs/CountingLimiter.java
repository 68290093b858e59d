package io.cathalog.core.jobs;

import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's limiter as the scheduler hands it to the engine's client: it counts the requests
 * of the current run, for the run's record. Stopping a run between changes is the
 * {@link io.cathalog.core.sync.RunControl}'s business; the one thing checked here, right before
 * every request leaves, is the run's lease: a process frozen past its lease (SIGSTOP, a long GC)
 * between the control's check and its request sends nothing once it resumes.
 */
final class CountingLimiter implements RequestLimiter {
    private final RequestLimiter delegate;
    private final AtomicLong sent = new AtomicLong();
    private volatile java.util.function.Supplier<java.util.Optional<String>> guard = java.util.Optional::empty;

    CountingLimiter(RequestLimiter delegate) {
        this.delegate = delegate;
    }

    /** What refuses a request (with its reason) once the permit is given; none by default. */
    void guard(java.util.function.Supplier<java.util.Optional<String>> guard) {
        this.guard = java.util.Objects.requireNonNull(guard, "guard");
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
        admit();
    }

    @Override
    public Permit acquirePermit() throws InterruptedException {
        Permit permit = delegate.acquirePermit();
        try {
            admit();
        } catch (RuntimeException e) {
            permit.close(); // nothing is sent: it counts from now, not in flight
            throw e;
        }
        return permit;
    }

    /** The run's guard lets the request go (counted), or refuses it: nothing is sent then. */
    private void admit() {
        java.util.Optional<String> refused = guard.get();
        if (refused.isPresent()) {
            throw new io.cathalog.core.RunCancelledException("request not sent: " + refused.get());
        }
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
