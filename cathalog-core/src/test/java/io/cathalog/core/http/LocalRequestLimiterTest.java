package io.cathalog.core.http;

import io.cathalog.core.testing.TestPacing;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRequestLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T12:00:00Z"));
    /** Sleeping moves the fake clock: tests run in no time and see exact instants. */
    private final Sleeper sleeper = d -> clock.advance(d);

    private LocalRequestLimiter.Builder limiter() {
        return LocalRequestLimiter.builder("acme", TestPacing.threePerSecond()).clock(clock).sleeper(sleeper);
    }

    private List<Instant> permits(RequestLimiter limiter, int n) throws InterruptedException {
        List<Instant> at = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            limiter.acquire();
            at.add(clock.instant());
        }
        return at;
    }

    @Test
    void spacesRequestsEvenlyAtTheTargetRate() throws Exception {
        List<Instant> at = permits(limiter().build(), 30);
        for (int i = 1; i < at.size(); i++) {
            Duration gap = Duration.between(at.get(i - 1), at.get(i));
            assertThat(gap.toMillis()).as("gap %d", i).isBetween(350L, 352L);
        }
        Duration total = Duration.between(at.get(0), at.get(29));
        assertThat(29 / (total.toNanos() / 1e9)).isBetween(2.84, 2.86);
    }

    @Test
    void neverLetsMoreThanThreeIntoAnySecondEvenAtAFasterTarget() throws Exception {
        List<Instant> at = permits(limiter().ratePerSecond(10).build(), 40);
        for (int i = 3; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 3), at.get(i))).as("4 permits span")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1050));
        }
    }

    @Test
    void aPauseHoldsEveryCaller() throws Exception {
        LocalRequestLimiter l = limiter().build();
        l.acquire();
        Instant first = clock.instant();
        l.pause(Duration.ofSeconds(2));
        assertThat(l.usage().pausedUntil()).contains(first.plusSeconds(2));
        l.acquire();
        assertThat(clock.instant()).isEqualTo(first.plusSeconds(2));
    }

    @Test
    void theDailyBudgetStopsRequestsUntilTheNextDayInTheErpsZone() throws Exception {
        clock.set(Instant.parse("2026-01-05T23:00:00Z")); // 20:00 in São Paulo
        LocalRequestLimiter l = limiter().dailyBudget(5).zone(ZoneId.of("America/Sao_Paulo")).build();
        permits(l, 5);
        assertThat(l.usage().usedToday()).isEqualTo(5);
        assertThat(l.usage().remainingToday()).isZero();
        assertThatThrownBy(l::acquire).isInstanceOfSatisfying(DailyQuotaExceededException.class, e -> {
            assertThat(e.isRemote()).isFalse();
            assertThat(e.resetAt()).isEqualTo(Instant.parse("2026-01-06T03:00:00Z"));
            assertThat(e.used()).isEqualTo(5);
        });
        clock.set(Instant.parse("2026-01-06T03:00:00Z"));
        l.acquire();
        assertThat(l.usage().usedToday()).isEqualTo(1);
    }

    @Test
    void aSpentRemoteQuotaRefusesUntilItsReset() {
        LocalRequestLimiter l = limiter().build();
        l.quotaExhausted(l.nextReset());
        assertThatThrownBy(l::acquire).isInstanceOfSatisfying(DailyQuotaExceededException.class,
                e -> assertThat(e.isRemote()).isTrue());
        assertThat(l.usage().quotaExhaustedUntil()).isPresent();
    }

    @Test
    void sharedByManyThreadsItKeepsTheSpacingOnTheRealClock() throws Exception {
        LocalRequestLimiter l = LocalRequestLimiter.builder("acme", TestPacing.threePerSecond()).ratePerSecond(20).window(100, Duration.ofSeconds(1),
                Duration.ZERO).build();
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    l.acquire();
                    at.add(System.nanoTime());
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        List<Long> sorted = new ArrayList<>(at);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(40);
        // 40 permits at 20/s take 39 intervals of 50 ms whatever the threads do (unpaced, they would
        // take a few ms). The times are noted by the threads after their permits, and a thread can
        // be descheduled before it notes its time: allow four intervals of that noise.
        assertThat(Duration.ofNanos(sorted.get(39) - sorted.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(35 * 50));
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> LocalRequestLimiter.builder(" ", TestPacing.threePerSecond())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter().ratePerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter().dailyBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
