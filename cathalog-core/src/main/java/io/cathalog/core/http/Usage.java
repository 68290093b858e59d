package io.cathalog.core.http;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's request count for the current day, against its budget.
 *
 * @param accountId   the account counted
 * @param usedToday   requests sent (or reserved) since the day began
 * @param dailyBudget the most this library may send in a day for the account
 * @param resetAt     when the count starts over
 * @param pausedUntil when a per-second rate limit pause ends, if one is in force
 * @param quotaExhaustedUntil when the ERP's own daily quota was reported spent, until its reset
 */
public record Usage(String accountId, long usedToday, long dailyBudget, Instant resetAt,
                    Optional<Instant> pausedUntil, Optional<Instant> quotaExhaustedUntil) {
    /**
     * @param accountId           the account counted
     * @param usedToday           requests sent (or reserved) since the day began
     * @param dailyBudget         the most this library may send in a day for the account
     * @param resetAt             when the count starts over
     * @param pausedUntil         when a per-second rate limit pause ends, if one is in force
     * @param quotaExhaustedUntil when the ERP's own daily quota was reported spent, until its reset
     * @throws NullPointerException if a component is null
     */
    public Usage {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        Objects.requireNonNull(quotaExhaustedUntil, "quotaExhaustedUntil");
    }

    /**
     * What is left of today's budget.
     *
     * @return the requests still allowed today; never negative
     */
    public long remainingToday() {
        return Math.max(0, dailyBudget - usedToday);
    }
}
