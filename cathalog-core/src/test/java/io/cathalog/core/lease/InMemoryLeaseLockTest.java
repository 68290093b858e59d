package io.cathalog.core.lease;

import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryLeaseLockTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final LeaseLock lock = new InMemoryLeaseLock(clock);

    @Test
    void oneOwnerAtATimeUntilTheLeaseLapses() {
        Lease a = lock.tryAcquire("sync:acme", "a", Duration.ofMinutes(5)).orElseThrow();
        assertThat(lock.tryAcquire("sync:acme", "b", Duration.ofMinutes(5))).isEmpty();
        assertThat(lock.tryAcquire("sync:other", "b", Duration.ofMinutes(5))).isPresent();
        assertThat(lock.holder("sync:acme")).contains(a);
        clock.advance(Duration.ofMinutes(5));
        Lease b = lock.tryAcquire("sync:acme", "b", Duration.ofMinutes(5)).orElseThrow();
        assertThat(b.fence()).isGreaterThan(a.fence());
        assertThat(lock.renew(a, Duration.ofMinutes(5))).as("a dead owner cannot renew").isFalse();
        lock.release(a);
        assertThat(lock.holder("sync:acme")).contains(b);
    }

    @Test
    void theOwnerRenewsAndReleases() {
        Lease a = lock.tryAcquire("sync:acme", "a", Duration.ofMinutes(1)).orElseThrow();
        clock.advance(Duration.ofSeconds(50));
        assertThat(lock.renew(a, Duration.ofMinutes(1))).isTrue();
        clock.advance(Duration.ofSeconds(50));
        assertThat(lock.tryAcquire("sync:acme", "b", Duration.ofMinutes(1))).isEmpty();
        assertThat(lock.tryAcquire("sync:acme", "a", Duration.ofMinutes(1))).map(Lease::fence).contains(a.fence());
        lock.release(a);
        assertThat(lock.holder("sync:acme")).isEmpty();
        assertThat(lock.tryAcquire("sync:acme", "b", Duration.ofMinutes(1))).isPresent();
    }
}
