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
