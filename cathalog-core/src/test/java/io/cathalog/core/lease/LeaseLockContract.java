package io.cathalog.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.LeaseLostException;
import io.cathalog.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeaseLock} must do. A lock's test extends this and says how to make a lock
 * over empty storage, and (for locks shared between processes) a second instance over the same
 * storage, as another process would have. Time is the test's {@link MutableClock}, at whole
 * seconds (a database keeps microseconds).
 */
public abstract class LeaseLockContract {
    protected static final Duration TTL = Duration.ofMinutes(5);

    protected final MutableClock clock = MutableClock.atDefaultInstant();
    /** The lock of this test; {@link #other} shares its storage. */
    protected LeaseLock lock;
    /** Another instance over the same storage (the same object for a lock within one process). */
    protected LeaseLock other;

    /** A lock over new, empty storage, whose leases lapse by {@code clock}. */
    protected abstract LeaseLock newLock(Clock clock);

    /** Another instance over the storage of the last {@link #newLock}; by default that very lock. */
    protected LeaseLock anotherInstance(Clock clock) {
        return lock;
    }

    @BeforeEach
    void createLocks() {
        lock = newLock(clock);
        other = anotherInstance(clock);
    }

    @Test
    void theFirstComerGetsTheLeaseForItsTimeToLive() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        assertThat(a.name()).isEqualTo("sync:acme");
        assertThat(a.owner()).isEqualTo("a");
        assertThat(a.expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(a.fence()).isPositive();
        assertThat(other.holder("sync:acme")).contains(a);
        assertThat(other.holder("sync:nobody")).isEmpty();
    }

    @Test
    void whileHeldNoOtherOwnerGetsItButOtherNamesAreFree() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        clock.advance(TTL.minusSeconds(1));
        assertThat(other.tryAcquire("sync:acme", "b", TTL)).isEmpty();
        assertThat(lock.tryAcquire("sync:acme", "b", TTL)).isEmpty();
        assertThat(other.tryAcquire("sync:other", "b", TTL)).isPresent();
        assertThat(other.holder("sync:acme")).contains(a);
    }

    @Test
    void aLeaseLapsesAtItsExpiryAndTheNextHolderHasAHigherFence() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        clock.set(a.expiresAt());
        assertThat(other.holder("sync:acme")).as("lapsed at its expiry").isEmpty();
        Lease b = other.tryAcquire("sync:acme", "b", TTL).orElseThrow();
        assertThat(b.fence()).isGreaterThan(a.fence());
        assertThat(lock.holder("sync:acme")).contains(b);
    }

    @Test
    void extendingMovesTheExpiryAndKeepsTheFence() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        clock.advance(Duration.ofMinutes(4));
        Lease renewed = lock.extend(a, Duration.ofMinutes(10));
        assertThat(renewed).isEqualTo(new Lease("sync:acme", "a", clock.instant().plus(Duration.ofMinutes(10)), a.fence()));
        assertThat(other.holder("sync:acme")).contains(renewed);
        clock.advance(Duration.ofMinutes(9));
        assertThat(other.tryAcquire("sync:acme", "b", TTL)).as("past the first expiry, still held").isEmpty();
        assertThat(lock.renew(renewed, TTL)).isTrue();
        assertThat(lock.extend(a, TTL).fence()).as("any copy of the held lease renews it").isEqualTo(a.fence());
    }

    @Test
    void aLostLeaseCannotBeExtendedNorReleased() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        clock.advance(TTL.plusSeconds(1)); // a was paused past its lease
        Lease b = other.tryAcquire("sync:acme", "b", TTL).orElseThrow();
        assertThatThrownBy(() -> lock.extend(a, TTL)).isInstanceOfSatisfying(LeaseLostException.class, e -> {
            assertThat(e.leaseName()).isEqualTo("sync:acme");
            assertThat(e.owner()).isEqualTo("a");
            assertThat(e.fence()).isEqualTo(a.fence());
        });
        assertThat(lock.renew(a, TTL)).isFalse();
        lock.release(a);
        assertThat(other.holder("sync:acme")).as("a's release does not free b's lease").contains(b);
    }

    @Test
    void aLapsedLeaseIsLostEvenWhenNobodyTookIt() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        clock.advance(TTL);
        assertThatThrownBy(() -> lock.extend(a, TTL)).isInstanceOf(LeaseLostException.class);
        assertThat(lock.holder("sync:acme")).isEmpty();
    }

    @Test
    void aReleasedLeaseIsFreeAndCannotBeExtended() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        lock.release(a);
        assertThat(other.holder("sync:acme")).isEmpty();
        assertThatThrownBy(() -> lock.extend(a, TTL)).isInstanceOf(LeaseLostException.class);
        Lease b = other.tryAcquire("sync:acme", "b", TTL).orElseThrow();
        assertThat(b.fence()).isGreaterThan(a.fence());
    }

    @Test
    void theOwnerTakingItAgainRenewsItWithTheSameFence() {
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        clock.advance(Duration.ofMinutes(3));
        Lease again = other.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        assertThat(again.fence()).isEqualTo(a.fence());
        assertThat(again.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    }

    @Test
    void fencesOfANameOnlyGrowWhoeverTakesItAndHowItWasFreed() {
        long last = 0;
        for (int i = 0; i < 12; i++) {
            LeaseLock by = i % 2 == 0 ? lock : other;
            Lease l = by.tryAcquire("sync:acme", "owner-" + (i % 3), TTL).orElseThrow();
            assertThat(l.fence()).as("acquisition %d", i).isGreaterThan(last);
            last = l.fence();
            if (i % 3 == 0) {
                by.release(l);
            } else {
                clock.advance(TTL); // lapses
            }
        }
    }

    @Test
    void ofManyThreadsRacingForOneNameExactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Optional<Lease>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                LeaseLock by = t % 2 == 0 ? lock : other;
                String owner = "owner-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    return by.tryAcquire("sync:acme", owner, TTL);
                }));
            }
            List<Lease> won = new ArrayList<>();
            for (Future<Optional<Lease>> f : results) {
                f.get().ifPresent(won::add);
            }
            assertThat(won).hasSize(1);
            assertThat(lock.holder("sync:acme")).contains(won.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseLastsAPositiveTime() {
        assertThatThrownBy(() -> lock.tryAcquire("sync:acme", "a", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        Lease a = lock.tryAcquire("sync:acme", "a", TTL).orElseThrow();
        assertThatThrownBy(() -> lock.extend(a, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(lock.holder("sync:acme")).contains(a);
    }
}
