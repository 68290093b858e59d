package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.lease.Lease;
import io.cathalog.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two instances (two EntityManagerFactory objects) contend for one account's lease. */
class JpaLeaseLockTest {

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDeadOwnersLeaseLapsesAndTheNextFenceIsHigher(TestDatabase.Kind kind) {
        MutableClock clock = MutableClock.atDefaultInstant();
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaLeaseLock a = new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), clock);
            JpaLeaseLock b = new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), clock);
            Lease held = a.tryAcquire("sync:acme", "a", Duration.ofMinutes(10)).orElseThrow();
            assertThat(b.tryAcquire("sync:acme", "b", Duration.ofMinutes(10))).isEmpty();
            assertThat(b.holder("sync:acme")).contains(held);
            assertThat(a.tryAcquire("sync:acme", "a", Duration.ofMinutes(20))).as("the owner renews")
                    .map(Lease::fence).contains(held.fence());

            clock.advance(Duration.ofMinutes(21)); // a died without releasing
            assertThat(b.holder("sync:acme")).isEmpty();
            Lease taken = b.tryAcquire("sync:acme", "b", Duration.ofMinutes(10)).orElseThrow();
            assertThat(taken.fence()).isGreaterThan(held.fence());
            assertThat(a.renew(held, Duration.ofMinutes(10))).as("a's lease is lost").isFalse();
            a.release(held); // does nothing: not a's any more
            assertThat(a.holder("sync:acme")).contains(taken);
            b.release(taken);
            assertThat(a.holder("sync:acme")).isEmpty();
            assertThat(a.tryAcquire("sync:acme", "a", Duration.ofMinutes(1))).map(Lease::fence).contains(taken.fence() + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void ofManyThreadsOfTwoInstancesRacingExactlyOneGetsTheLease(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            List<JpaLeaseLock> instances = List.of(new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), Clock.systemUTC()),
                    new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), Clock.systemUTC()));
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Optional<Lease>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    JpaLeaseLock lock = instances.get(t % 2);
                    String owner = "owner-" + t;
                    results.add(pool.submit(() -> {
                        start.await();
                        return lock.tryAcquire("sync:acme", owner, Duration.ofMinutes(5));
                    }));
                }
                List<Lease> won = new ArrayList<>();
                for (Future<Optional<Lease>> f : results) {
                    f.get().ifPresent(won::add);
                }
                assertThat(won).hasSize(1);
                assertThat(won.get(0).fence()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void oneInstanceRunsTheOtherSkipsOrWaitsAsConfigured(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaLeaseLock lockA = new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), Clock.systemUTC());
            JpaLeaseLock lockB = new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), Clock.systemUTC());
            RunLease a = RunLease.builder(lockA).owner("a").ttl(Duration.ofMinutes(1)).build();
            RunLease skipping = RunLease.builder(lockB).owner("b").build();
            RunLease waiting = RunLease.builder(lockB).owner("b").waiting(Duration.ofSeconds(20), Duration.ofMillis(20)).build();

            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Optional<String>> first = pool.submit(() -> a.run("acme", () -> {
                    running.countDown();
                    await(finish);
                    return "a ran";
                }));
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(skipping.run("acme", () -> "b ran")).as("b skips while a runs").isEmpty();
                assertThat(skipping.run("other-account", () -> "b ran")).as("other accounts are free").contains("b ran");

                Future<Optional<String>> second = pool.submit(() -> waiting.run("acme", () -> "b ran after a"));
                Thread.sleep(200);
                assertThat(second.isDone()).as("b waits while a runs").isFalse();
                finish.countDown();
                assertThat(first.get(10, TimeUnit.SECONDS)).contains("a ran");
                assertThat(second.get(10, TimeUnit.SECONDS)).contains("b ran after a");
                assertThat(lockA.holder(RunLease.leaseName("acme"))).as("released").isEmpty();
            } finally {
                finish.countDown();
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withATimerARunOutlivesItsLeasesTimeToLiveAndSeesItsFence(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaLeaseLock lockA = new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), Clock.systemUTC());
            JpaLeaseLock lockB = new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), Clock.systemUTC());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            try {
                Duration ttl = Duration.ofSeconds(3);
                RunLease a = RunLease.builder(lockA).owner("a").ttl(ttl).renewOn(timer, Clock.systemUTC()).build();
                Optional<Long> fence = a.runHeld("acme", held -> {
                    long end = System.nanoTime() + ttl.multipliedBy(2).toNanos();
                    while (System.nanoTime() < end) {
                        assertThat(lockB.tryAcquire(RunLease.leaseName("acme"), "b", ttl)).as("renewed: still a's").isEmpty();
                        held.check();
                        sleep(200);
                    }
                    return held.lease().fence();
                });
                assertThat(fence).contains(1L);
                assertThat(lockB.holder(RunLease.leaseName("acme"))).as("released at the end").isEmpty();
            } finally {
                timer.shutdownNow();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
