package io.cathalog.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.LeaseLostException;
import io.cathalog.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseHeartbeatTest {
    private static final Duration TTL = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final LeaseLock lock = new InMemoryLeaseLock(clock);
    private final List<LeaseLostException> losses = new CopyOnWriteArrayList<>();

    private LeaseHeartbeat heartbeat(Lease lease) {
        return LeaseHeartbeat.builder(lock, lease, TTL).clock(clock).onLost(losses::add).build();
    }

    @Test
    void eachBeatExtendsTheLeaseSoARunOutlivesItsTimeToLive() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        LeaseHeartbeat h = heartbeat(a);
        assertThat(h.every()).isEqualTo(Duration.ofSeconds(20));
        for (int i = 0; i < 10; i++) { // ten minutes of run on a one-minute lease
            clock.advance(Duration.ofSeconds(50));
            assertThat(h.beat()).isTrue();
            h.check();
        }
        assertThat(h.lease().expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(h.lease().fence()).isEqualTo(a.fence());
        assertThat(lock.tryAcquire("sync:acme", "b", TTL)).isEmpty();
        assertThat(h.isLost()).isFalse();
        assertThat(losses).isEmpty();
    }

    @Test
    void aLeaseTakenOverIsReportedLostOnceByTheNextBeat() {
        // The lock's clock runs ahead of the heartbeat's: only the lock can tell the lease was taken.
        MutableClock lockClock = MutableClock.atDefaultInstant();
        LeaseLock shared = new InMemoryLeaseLock(lockClock);
        Lease a = shared.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        LeaseHeartbeat h = LeaseHeartbeat.builder(shared, a, TTL).clock(clock).onLost(losses::add).build();
        lockClock.advance(Duration.ofMinutes(2));
        shared.tryAcquire("sync:acme", "b", TTL).orElseThrow();
        assertThat(h.isLost()).as("its own clock sees nothing wrong").isFalse();
        assertThat(h.beat()).isFalse();
        assertThat(h.beat()).isFalse();
        assertThat(h.isLost()).isTrue();
        assertThat(losses).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("taken by another"));
        assertThat(h.loss()).containsSame(losses.get(0));
        assertThatThrownBy(h::check).isSameAs(losses.get(0));
    }

    @Test
    void aPausedHolderLearnsOfTheLossFromTheClockBeforeAnyBeat() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        LeaseHeartbeat h = heartbeat(a);
        clock.advance(Duration.ofSeconds(30));
        assertThat(h.beat()).isTrue();
        assertThat(h.isLost()).isFalse();
        clock.advance(TTL); // frozen for the whole lease: no beat ran
        assertThat(h.isLost()).isTrue();
        assertThat(losses).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("lapsed"));
        assertThat(h.beat()).as("a lost lease is not taken again by a late beat").isFalse();
        assertThat(lock.holder("sync:acme")).isEmpty();
    }

    @Test
    void aFailedRenewalIsRetriedAndIsNotALoss() {
        AtomicInteger failures = new AtomicInteger(1);
        LeaseLock flaky = new Delegating(lock) {
            @Override
            public Lease extend(Lease lease, Duration ttl) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("database unreachable");
                }
                return super.extend(lease, ttl);
            }
        };
        Lease a = flaky.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        LeaseHeartbeat h = LeaseHeartbeat.builder(flaky, a, TTL).clock(clock).onLost(losses::add).build();
        clock.advance(Duration.ofSeconds(20));
        assertThat(h.beat()).isFalse();
        assertThat(h.isLost()).isFalse();
        clock.advance(Duration.ofSeconds(20));
        assertThat(h.beat()).isTrue();
        assertThat(h.lease().expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(losses).isEmpty();
    }

    @Test
    void onATimerItRenewsUntilClosed() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        LeaseLock real = new InMemoryLeaseLock(Clock.systemUTC());
        LeaseLock counting = new Delegating(real) {
            @Override
            public Lease extend(Lease lease, Duration ttl) {
                renewals.incrementAndGet();
                return super.extend(lease, ttl);
            }
        };
        Duration ttl = Duration.ofSeconds(30);
        Lease a = counting.tryAcquire("sync:acme", "a", ttl).orElseThrow();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            LeaseHeartbeat h = LeaseHeartbeat.builder(counting, a, ttl).every(Duration.ofMillis(20)).start(timer);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (renewals.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(renewals.get()).isGreaterThanOrEqualTo(3);
            assertThat(h.lease().expiresAt()).isAfter(a.expiresAt());
            h.close();
            Thread.sleep(50); // a beat already running may finish
            int afterClose = renewals.get();
            Thread.sleep(200);
            assertThat(renewals.get()).isEqualTo(afterClose);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void itRenewsMoreOftenThanTheLeaseLasts() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        assertThatThrownBy(() -> LeaseHeartbeat.builder(lock, a, TTL).every(TTL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more often");
    }

    /** A lock that forwards to another, for tests that count or break calls. */
    private static class Delegating implements LeaseLock {
        private final LeaseLock to;

        Delegating(LeaseLock to) {
            this.to = to;
        }

        @Override
        public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
            return to.tryAcquire(name, owner, ttl);
        }

        @Override
        public Lease extend(Lease lease, Duration ttl) {
            return to.extend(lease, ttl);
        }

        @Override
        public void release(Lease lease) {
            to.release(lease);
        }

        @Override
        public Optional<Lease> holder(String name) {
            return to.holder(name);
        }
    }
}
