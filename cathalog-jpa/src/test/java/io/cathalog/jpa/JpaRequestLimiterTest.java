package io.cathalog.jpa;

import io.cathalog.bling.BlingPacing;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.http.Pacing;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two instances (two factories) share one account's pace and daily budget through the database. */
class JpaRequestLimiterTest {

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoInstancesShareTheScheduleAndTheBudget(TestDatabase.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T15:00:00Z"));
        try (TestDatabase db = TestDatabase.of(kind)) {
            List<Instant> permits = Collections.synchronizedList(new ArrayList<>());
            // Waiting moves the shared fake clock: no real sleeping, exact instants.
            JpaRequestLimiter.Builder settings = JpaRequestLimiter.builder(JpaTransactions.resourceLocal(db.newFactory()), "acme", BlingPacing.standard())
                    .clock(clock).sleeper(d -> clock.advance(d)).pacing(BlingPacing.standard().withDailyBudget(30));
            JpaRequestLimiter a = settings.build();
            JpaRequestLimiter b = JpaRequestLimiter.builder(JpaTransactions.resourceLocal(db.newFactory()), "acme", BlingPacing.standard())
                    .clock(clock).sleeper(d -> clock.advance(d)).pacing(BlingPacing.standard().withDailyBudget(30)).build();
            for (int i = 0; i < 30; i++) {
                (i % 2 == 0 ? a : b).acquire();
                permits.add(clock.instant());
            }
            for (int i = 1; i < permits.size(); i++) {
                assertThat(Duration.between(permits.get(i - 1), permits.get(i)).toMillis()).as("gap %d", i)
                        .isGreaterThanOrEqualTo(350);
            }
            for (int i = 3; i < permits.size(); i++) {
                assertThat(Duration.between(permits.get(i - 3), permits.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(1050));
            }
            assertThat(a.usage().usedToday()).isEqualTo(30);
            assertThatThrownBy(b::acquire).isInstanceOfSatisfying(DailyQuotaExceededException.class,
                    e -> assertThat(e.isRemote()).isFalse());

            // A pause or a spent quota recorded by one instance holds the other.
            clock.set(Instant.parse("2026-01-06T15:00:00Z"));
            a.pause(Duration.ofSeconds(5));
            Instant before = clock.instant();
            b.acquire();
            assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
            b.quotaExhausted(b.nextReset());
            assertThatThrownBy(a::acquire).isInstanceOfSatisfying(DailyQuotaExceededException.class,
                    e -> assertThat(e.isRemote()).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void manyThreadsOnTwoInstancesNeverBreakTheWindow(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            List<JpaRequestLimiter> instances = List.of(
                    JpaRequestLimiter.builder(JpaTransactions.resourceLocal(db.newFactory()), "acme", BlingPacing.standard())
                            .pacing(BlingPacing.standard().withRate(20).withWindow(5, Duration.ofMillis(250), Duration.ZERO)).build(),
                    JpaRequestLimiter.builder(JpaTransactions.resourceLocal(db.newFactory()), "acme", BlingPacing.standard())
                            .pacing(BlingPacing.standard().withRate(20).withWindow(5, Duration.ofMillis(250), Duration.ZERO)).build());
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                JpaRequestLimiter limiter = instances.get(t % 2);
                pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        limiter.acquire();
                        times.add(System.nanoTime());
                    }
                    return null;
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            assertThat(sorted).hasSize(30);
            // 30 permits at 20/s: 29 intervals of 50 ms; allow four for threads that noted their time late.
            assertThat(Duration.ofNanos(sorted.get(29) - sorted.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(25 * 50));
            assertThat(instances.get(0).usage().usedToday()).isEqualTo(30);
        }
    }
}
