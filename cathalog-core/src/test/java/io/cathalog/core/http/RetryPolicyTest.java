package io.cathalog.core.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Back-off bounds and the policy's own checks. */
class RetryPolicyTest {

    @Test
    void theBackOffIsBoundedByTheDoublingBaseAndTheMaximum() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(1), true);
        long[] bounds = {100, 200, 400, 800, 1000, 1000};
        for (int retry = 1; retry <= bounds.length; retry++) {
            long max = 0;
            for (int i = 0; i < 2000; i++) {
                Duration d = p.backoff(retry);
                assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(bounds[retry - 1]));
                max = Math.max(max, d.toMillis());
            }
            // Full jitter spreads over the whole range: 2 000 draws reach its upper half.
            assertThat(max).as("retry " + retry).isGreaterThan(bounds[retry - 1] / 2);
        }
        assertThat(p.backoff(1000)).isLessThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void neverRetriesAndAZeroBaseWaitsNothing() {
        assertThat(RetryPolicy.never().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.never().retryWritesOnRateLimit()).isFalse();
        assertThat(RetryPolicy.never().backoff(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ofSeconds(1), Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
