package io.cathalog.core.http;

import io.cathalog.core.DailyQuotaExceededException;

import java.time.Duration;
import java.time.Instant;

/**
 * Paces one ERP account's requests. There is exactly one per account, shared by every thread and
 * every client object of that account (an ERP limits the account, not the connection);
 * implementations shared across processes (the JPA module's, through the database) implement
 * this same interface. {@link LocalRequestLimiter} is the in-process default.
 */
public interface RequestLimiter {

    /**
     * The account this limiter paces.
     *
     * @return the host's account id
     */
    String accountId();

    /**
     * Waits until one more request may be sent, and counts it.
     *
     * @throws DailyQuotaExceededException when the day's budget is spent, or the ERP said its
     *                                     daily quota is; nothing is sent then
     * @throws InterruptedException        when interrupted while waiting
     */
    void acquire() throws InterruptedException;

    /**
     * Waits until one more request may be sent, and counts it in the ERP's window from now until
     * the permit is closed, then at the time it was closed. The caller closes the permit as soon as
     * the request's answer (or its failure) arrives: the ERP counts a request when it arrives,
     * which is after the permit and before the answer, so counting it until the answer keeps the
     * ERP's window whatever the delay in between. A permit never closed counts as answered at its
     * grant plus {@link Pacing#maxInFlight()}.
     *
     * <p>The default, for limiters that know no answers, is {@link #acquire()}: counted at the
     * permit's time.
     *
     * @return the request's permit, to close when its answer arrives
     * @throws DailyQuotaExceededException when the day's budget is spent, or the ERP said its
     *                                     daily quota is; nothing is sent then
     * @throws InterruptedException        when interrupted while waiting
     */
    default Permit acquirePermit() throws InterruptedException {
        acquire();
        return Permit.COUNTED_AT_GRANT;
    }

    /**
     * One request's place in the ERP's window, from {@link #acquirePermit()}: in flight until
     * closed, then counted at the time it was closed.
     */
    interface Permit extends AutoCloseable {
        /**
         * The request's answer (or its failure) has arrived: from now on it counts at this
         * instant. Idempotent.
         */
        @Override
        void close();

        /** A permit counted at its grant time (what {@link #acquire()} gives); close() does nothing. */
        Permit COUNTED_AT_GRANT = () -> { };
    }

    /**
     * The ERP said the per-second limit was hit: every caller of the account waits {@code pause}.
     *
     * @param pause how long no permit is given, from now
     */
    void pause(Duration pause);

    /**
     * The ERP said its daily quota is spent: refuse every request until {@code resetAt}.
     *
     * @param resetAt when the ERP's quota starts afresh
     */
    void quotaExhausted(Instant resetAt);

    /**
     * When the current day's count starts over.
     *
     * @return the next start of the ERP's day, after now
     */
    Instant nextReset();

    /**
     * The day's count so far, for a host's dashboard.
     *
     * @return the account's usage against its budget
     */
    Usage usage();
}
