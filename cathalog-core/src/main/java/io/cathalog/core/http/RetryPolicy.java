package io.cathalog.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to retry what may be retried: exponential back-off with full
 * jitter, bounded in attempts and in delay.
 *
 * @param maxAttempts            attempts in all, the first included (1 = never retry)
 * @param baseDelay              the first back-off's upper bound
 * @param maxDelay               no back-off is longer
 * @param rateLimitPause         how long every caller pauses after a per-second 429 (Bling sends
 *                               no Retry-After)
 * @param retryWritesOnRateLimit retry POST and PATCH after a 429: the ERP did not process a request
 *                               it refused for rate (Bling: "os próximos requests não serão
 *                               processados"), so this cannot duplicate; 5xx and lost responses are
 *                               never retried for them
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration rateLimitPause,
                          boolean retryWritesOnRateLimit) {

    /**
     * @param maxAttempts            attempts in all, the first included (1 = never retry)
     * @param baseDelay              the first back-off's upper bound
     * @param maxDelay               no back-off is longer
     * @param rateLimitPause         how long every caller pauses after a per-second 429 (Bling sends
     *                               no Retry-After)
     * @param retryWritesOnRateLimit retry POST and PATCH after a 429: the ERP did not process a request
     *                               it refused for rate (Bling: "os próximos requests não serão
     *                               processados"), so this cannot duplicate; 5xx and lost responses are
     *                               never retried for them
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1, a delay is negative, or
     *                                  {@code maxDelay} is shorter than {@code baseDelay}
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(rateLimitPause, "rateLimitPause");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || rateLimitPause.isNegative()) {
            throw new IllegalArgumentException("delays must be non-negative and maxDelay >= baseDelay");
        }
    }

    /**
     * 5 attempts, back-off from 0.5 s up to 8 s, a 1.1 s pause after a 429, writes retried after a 429.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMillis(1100), true);
    }

    /**
     * One attempt, no retry (the 1.1 s pause after a 429 still holds for the account's other callers).
     *
     * @return a policy that never retries
     */
    public static RetryPolicy never() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofMillis(1100), false);
    }

    /**
     * A random delay in [0, min(maxDelay, baseDelay * 2^(retry-1))] (full jitter).
     *
     * @param retry 1 for the first retry, 2 for the second, ...
     * @return how long to wait before that retry
     */
    public Duration backoff(int retry) {
        long cap = baseDelay.toMillis() << Math.min(20, Math.max(0, retry - 1));
        long bound = Math.min(maxDelay.toMillis(), cap);
        return Duration.ofMillis(bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
