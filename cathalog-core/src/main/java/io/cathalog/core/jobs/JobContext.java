package io.cathalog.core.jobs;

import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.sync.SyncProgress;

import java.time.Clock;
import java.util.Objects;

/**
 * What the scheduler hands an account's engine factory ({@link AccountJob.Builder#engine(java.util.function.Function)}).
 * Build the account's client with {@link #limiter()} and the engine with {@link #progress()}: the
 * limiter is the account's own, through a gate the scheduler closes between two changes when it
 * shuts down; the listener feeds the account's status (and the host's listener, if any).
 *
 * @param accountId the account
 * @param limiter   the account's limiter, gated by the scheduler: give it to the account's client
 * @param progress  the scheduler's progress listener: give it to the engine builder
 * @param clock     the scheduler's clock
 */
public record JobContext(String accountId, RequestLimiter limiter, SyncProgress.Listener progress, Clock clock) {
    public JobContext {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(clock, "clock");
    }
}
