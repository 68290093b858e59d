package io.cathalog.core.jobs;

import io.cathalog.core.sync.SyncStateStore;

import java.util.OptionalLong;
import java.util.function.Supplier;

import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.sync.SyncProgress;

import java.time.Clock;
import java.util.Objects;

/**
 * What the scheduler hands an account's engine factory ({@link AccountJob.Builder#engine(java.util.function.Function)}).
 * Build the account's client with {@link #limiter()}, the engine with {@link #progress()}, and give
 * the engine its state store through {@link #fenced(SyncStateStore)}: the limiter is the account's
 * own (the scheduler counts a run's requests through it); the listener feeds the account's status
 * (and the host's listener, if any); the fenced store refuses a write of a run whose lease another
 * instance has taken over. Stopping a run is the scheduler's business: it hands each run a
 * {@link io.cathalog.core.sync.RunControl}.
 *
 * @param accountId the account
 * @param limiter   the account's limiter: give it to the account's client
 * @param progress  the scheduler's progress listener: give it to the engine builder
 * @param clock     the scheduler's clock
 * @param fence     the fencing token of the lease the account's current run holds here, if any
 */
public record JobContext(String accountId, RequestLimiter limiter, SyncProgress.Listener progress, Clock clock,
                         Supplier<OptionalLong> fence) {
    /**
     * Validates that no component is null.
     *
     * @param accountId the account
     * @param limiter   the account's limiter
     * @param progress  the scheduler's progress listener
     * @param clock     the scheduler's clock
     * @param fence     the fencing token of the current run's lease, if any
     * @throws NullPointerException when a component is null
     */
    public JobContext {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fence, "fence");
    }

    /**
     * The state store as this account's engine should write it: every write of a run carries the
     * run's fencing token ({@link SyncStateStore#fenced}), so an instance paused past its lease
     * writes nothing after another took the account over. The store must support fencing (the
     * JPA module's does) when instances share it.
     *
     * @param store the store the instances share
     * @return a store whose writes during a run are fenced by the run's lease
     */
    public SyncStateStore fenced(SyncStateStore store) {
        return new RunFencedState(store, accountId, fence);
    }
}
