package io.cathalog.core.http;

import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link RequestLimiter} keeps, whatever holds its state (memory, a database):
 * requests spaced at the target rate, never more than the window allows, a pause holding every
 * caller, a daily budget counted in the ERP's zone, a spent remote quota refusing until its reset.
 * An implementation's test extends this class and says how to build one; one whose state is
 * shared across processes also says how to build a second instance over the same state, and the
 * contract checks that the two pace as one.
 *
 * <p>Time is a {@link MutableClock}; waiting moves it, so the cases run in no time and see exact
 * instants.
 */
public abstract class RequestLimiterContract {
    /** A Monday afternoon in São Paulo (15:00 UTC). */
    protected static final Instant START = Instant.parse("2026-01-05T15:00:00Z");
    /** The ERP's day begins here. */
    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** The clock every limiter of a case reads; its sleeper moves it. */
    protected final MutableClock clock = new MutableClock(START);

    /**
     * A new limiter for the account, over fresh state.
     *
     * @param account the account
     * @param pacing  its pacing rule
     * @param clock   the clock to read
     * @param sleeper how to wait (moves the clock)
     * @return the limiter
     */
    protected abstract RequestLimiter newLimiter(String account, Pacing pacing, MutableClock clock, Sleeper sleeper);

    /**
     * A second instance over the same state as the last {@link #newLimiter}, as another process
     * would build it; empty for a limiter whose state is its own (the default).
     *
     * @param account the account
     * @param pacing  its pacing rule
     * @param clock   the clock to read
     * @param sleeper how to wait
     * @return the second instance, if the state can be shared
     */
    protected Optional<RequestLimiter> anotherInstance(String account, Pacing pacing, MutableClock clock,
                                                       Sleeper sleeper) {
        return Optional.empty();
    }

    /** Three a second at most, a target of 2.5 (400 ms apart), a budget of 20 a day. */
    protected static Pacing pacing() {
        return new Pacing(2.5, 3, Duration.ofSeconds(1), 20, ZONE);
    }

    private RequestLimiter limiter(Pacing p) {
        return newLimiter("acme", p, clock, clock::advance);
    }

    private List<Instant> permits(List<RequestLimiter> limiters, int n) throws InterruptedException {
        List<Instant> at = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            limiters.get(i % limiters.size()).acquire();
            at.add(clock.instant());
        }
        return at;
    }

    @Test
    void itPacesTheAccountItWasBuiltFor() {
        assertThat(limiter(pacing()).accountId()).isEqualTo("acme");
    }

    @Test
    void requestsAreSpacedEvenlyAtTheTargetRate() throws Exception {
        List<Instant> at = permits(List.of(limiter(pacing())), 12);
        for (int i = 1; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i)).toMillis()).as("gap %d", i).isBetween(399L, 401L);
        }
    }

    @Test
    void theWindowHoldsEvenAtAFasterTarget() throws Exception {
        List<Instant> at = permits(List.of(limiter(pacing().withRate(50).withDailyBudget(100))), 30);
        for (int i = 3; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 3), at.get(i))).as("four permits span at least the window")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aPauseHoldsTheNextCaller() throws Exception {
        RequestLimiter l = limiter(pacing());
        l.acquire();
        Instant first = clock.instant();
        l.pause(Duration.ofSeconds(3));
        assertThat(l.usage().pausedUntil()).contains(first.plusSeconds(3));
        l.acquire();
        assertThat(clock.instant()).isAfterOrEqualTo(first.plusSeconds(3));
    }

    @Test
    void theDailyBudgetRefusesUntilTheErpsNextDayThenCountsAgain() throws Exception {
        RequestLimiter l = limiter(pacing().withDailyBudget(5));
        permits(List.of(l), 5);
        assertThat(l.usage().usedToday()).isEqualTo(5);
        assertThat(l.usage().remainingToday()).isZero();
        Instant midnightInSaoPaulo = Instant.parse("2026-01-06T03:00:00Z");
        assertThat(l.nextReset()).isEqualTo(midnightInSaoPaulo);
        assertThatThrownBy(l::acquire).isInstanceOfSatisfying(DailyQuotaExceededException.class, e -> {
            assertThat(e.isRemote()).isFalse();
            assertThat(e.resetAt()).isEqualTo(midnightInSaoPaulo);
        });
        clock.set(midnightInSaoPaulo);
        l.acquire();
        assertThat(l.usage().usedToday()).isEqualTo(1);
    }

    @Test
    void aSpentRemoteQuotaRefusesUntilItsReset() throws Exception {
        RequestLimiter l = limiter(pacing());
        Instant reset = l.nextReset();
        l.quotaExhausted(reset);
        assertThatThrownBy(l::acquire).isInstanceOfSatisfying(DailyQuotaExceededException.class,
                e -> assertThat(e.isRemote()).isTrue());
        assertThat(l.usage().quotaExhaustedUntil()).contains(reset);
        clock.set(reset);
        l.acquire();
    }

    @Test
    void twoInstancesOverOneStatePaceAndCountAsOne() throws Exception {
        RequestLimiter a = limiter(pacing().withDailyBudget(8));
        Optional<RequestLimiter> other = anotherInstance("acme", pacing().withDailyBudget(8), clock, clock::advance);
        if (other.isEmpty()) {
            return; // state of its own: nothing shared to check
        }
        RequestLimiter b = other.get();
        List<Instant> at = permits(List.of(a, b), 8);
        for (int i = 1; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i)).toMillis()).as("gap %d across instances", i)
                    .isGreaterThanOrEqualTo(399L);
        }
        assertThat(b.usage().usedToday()).isEqualTo(8);
        assertThatThrownBy(a::acquire).isInstanceOf(DailyQuotaExceededException.class);
        clock.set(a.nextReset());
        a.pause(Duration.ofSeconds(5));
        Instant paused = clock.instant();
        b.acquire();
        assertThat(clock.instant()).as("a pause recorded by one holds the other").isAfterOrEqualTo(paused.plusSeconds(5));
    }

    /** Fast enough that only the window decides: 50 a second, 3 in any second, permits in flight at most 5 s. */
    private static Pacing windowOnly() {
        return pacing().withRate(50).withDailyBudget(100).withMaxInFlight(Duration.ofSeconds(5));
    }

    @Test
    void permitsCountFromTheirAnswersNotTheirGrants() throws Exception {
        RequestLimiter l = limiter(windowOnly());
        List<RequestLimiter.Permit> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(l.acquirePermit());
        }
        clock.advance(Duration.ofMillis(300)); // the answers take 300 ms
        Instant firstAnswer = clock.instant();
        for (RequestLimiter.Permit p : open) {
            p.close();
            p.close(); // closing twice changes nothing
            clock.advance(Duration.ofMillis(10));
        }

        l.acquirePermit().close();

        assertThat(clock.instant()).as("the 4th permit waits a window after the first answer, not the first grant")
                .isEqualTo(firstAnswer.plusSeconds(1));
    }

    @Test
    void aPermitNeverClosedCountsAsAnsweredAfterMaxInFlight() throws Exception {
        RequestLimiter l = limiter(windowOnly());
        Instant first = clock.instant();
        for (int i = 0; i < 3; i++) {
            l.acquirePermit(); // never closed: a caller that forgot
        }

        l.acquirePermit().close();

        assertThat(clock.instant()).as("in flight 5 s, then counted a window").isEqualTo(first.plusSeconds(6));
    }

    @Test
    void permitsOfAcquireStillCountAtTheirGrant() throws Exception {
        RequestLimiter l = limiter(windowOnly());
        Instant first = clock.instant();
        for (int i = 0; i < 3; i++) {
            l.acquire();
        }
        clock.advance(Duration.ofMillis(300));

        l.acquirePermit().close();

        assertThat(clock.instant()).isEqualTo(first.plusSeconds(1));
    }

    @Test
    void aPermitTakenOnOneInstanceIsClosedOverTheOthersState() throws Exception {
        RequestLimiter a = limiter(windowOnly());
        Optional<RequestLimiter> other = anotherInstance("acme", windowOnly(), clock, clock::advance);
        if (other.isEmpty()) {
            return; // state of its own: nothing shared to check
        }
        RequestLimiter b = other.get();
        RequestLimiter.Permit p1 = a.acquirePermit();
        RequestLimiter.Permit p2 = b.acquirePermit();
        RequestLimiter.Permit p3 = b.acquirePermit();
        clock.advance(Duration.ofMillis(400));
        Instant firstAnswer = clock.instant();
        p1.close(); // over the state b wrote since
        p2.close();
        p3.close();

        a.acquirePermit().close();
        assertThat(clock.instant()).as("b's permits were in flight for a too").isEqualTo(firstAnswer.plusSeconds(1));
        assertThat(b.usage().usedToday()).isEqualTo(4);
    }
}
