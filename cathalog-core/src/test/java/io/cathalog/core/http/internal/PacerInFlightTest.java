package io.cathalog.core.http.internal;

import io.cathalog.core.http.Pacing;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Permits counted from their answers (issue 21): in flight until answered, then counted at the
 * answer's time; a permit never answered expires after {@link Pacing#maxInFlight()}.
 */
class PacerInFlightTest {
    private static final Instant T = Instant.parse("2026-01-05T12:00:00Z");
    /** Fast enough that the spacing never decides: only the window does. */
    private final Pacer pacer = new Pacer(new Pacing(100, 3, Duration.ofSeconds(1), 120_000, ZoneId.of("America/Sao_Paulo"))
            .withMaxInFlight(Duration.ofSeconds(10)));

    private Pacer.Decision tracked(Pacer.State s, Instant now) {
        Pacer.Decision d = pacer.reserve("acme", s, now, true);
        assertThat(d.granted()).as("a permit at " + now).isTrue();
        assertThat(d.grantedAt()).isEqualTo(now);
        return d;
    }

    /** The first instant from {@code from} on, in steps of 1 ms, at which a tracked permit is given. */
    private Instant firstPermitFrom(Pacer.State s, Instant from) {
        Instant now = from;
        while (true) {
            Pacer.Decision d = pacer.reserve("acme", s, now, true);
            if (d.granted()) {
                return now;
            }
            assertThat(d.delay()).isPositive();
            now = now.plus(d.delay());
        }
    }

    @Test
    void threePermitsAnswered200msLaterHoldTheFourthUntilTheFirstAnswerPlusTheWindow() {
        Pacer.State s = Pacer.State.initial();
        List<Instant> granted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Pacer.Decision d = tracked(s, T.plusMillis(20L * i));
            granted.add(d.grantedAt());
            s = d.state();
        }
        for (Instant g : granted) {
            s = pacer.answered(s, g, g.plusMillis(200));
        }
        assertThat(s.inFlight()).isEmpty();
        Instant firstAnswer = T.plusMillis(200);

        Instant fourth = firstPermitFrom(s, T.plusMillis(300));

        assertThat(fourth).isEqualTo(firstAnswer.plusSeconds(1));
        assertThat(pacer.reserve("acme", s, firstAnswer.plusSeconds(1).minusNanos(1), true).granted()).isFalse();
    }

    @Test
    void permitsInFlightBlockUntilAnsweredAndAWindowAfter() {
        Pacer.State s = Pacer.State.initial();
        List<Instant> granted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Pacer.Decision d = tracked(s, T.plusMillis(20L * i));
            granted.add(d.grantedAt());
            s = d.state();
        }

        Pacer.Decision blocked = pacer.reserve("acme", s, T.plusSeconds(5), true);

        assertThat(blocked.granted()).as("three in flight for 5 s still fill the window").isFalse();
        assertThat(blocked.delay()).as("none can leave the count before a window from now").isEqualTo(Duration.ofSeconds(1));
        Pacer.State answered = pacer.answered(s, granted.get(0), T.plusSeconds(5));
        assertThat(answered.inFlight()).hasSize(2);
        assertThat(firstPermitFrom(answered, T.plusSeconds(5))).isEqualTo(T.plusSeconds(6));
    }

    @Test
    void aPermitNeverClosedStopsCountingInFlightAtItsGrantPlusMaxInFlight() {
        Pacer.State s = Pacer.State.initial();
        for (int i = 0; i < 3; i++) {
            s = tracked(s, T.plusMillis(20L * i)).state();
        }

        Instant next = firstPermitFrom(s, T.plusMillis(100));

        // The first permit counts as answered at T + 10 s, so it leaves the window at T + 11 s.
        assertThat(next).isEqualTo(T.plusSeconds(11));
        Pacer.State after = pacer.reserve("acme", s, next, true).state();
        assertThat(after.inFlight()).as("the other two expired too, and the new one is in flight")
                .containsExactly(T.plusSeconds(11));
        assertThat(after.recent()).containsExactly(T.plusSeconds(10), T.plusSeconds(10).plusMillis(20),
                T.plusSeconds(10).plusMillis(40));
    }

    @Test
    void permitsOfAcquireStillCountAtTheirGrantTime() {
        Pacer.State s = Pacer.State.initial();
        for (int i = 0; i < 3; i++) {
            Pacer.Decision d = pacer.reserve("acme", s, T.plusMillis(20L * i), false);
            assertThat(d.granted()).isTrue();
            s = d.state();
        }
        assertThat(s.inFlight()).isEmpty();
        assertThat(s.recent()).containsExactly(T, T.plusMillis(20), T.plusMillis(40));

        assertThat(firstPermitFrom(s, T.plusMillis(100))).isEqualTo(T.plusSeconds(1));
    }

    @Test
    void theAnswerOfAnUnknownOrAlreadyAnsweredGrantIsIgnored() {
        Pacer.Decision d = tracked(Pacer.State.initial(), T);
        Pacer.State s = d.state();

        assertThat(pacer.answered(s, T.plusMillis(1), T.plusMillis(300))).isEqualTo(s);
        Pacer.State once = pacer.answered(s, T, T.plusMillis(300));
        assertThat(once.inFlight()).isEmpty();
        assertThat(once.recent()).containsExactly(T.plusMillis(300));
        assertThat(pacer.answered(once, T, T.plusMillis(900))).as("answered twice").isEqualTo(once);
        Pacer.State expired = pacer.answered(s, T, T.plusSeconds(30));
        assertThat(expired.recent()).as("answered after its expiry: it counted at the expiry")
                .containsExactly(T.plusSeconds(10));
    }

    @Test
    void theDailyCountAndTheBudgetAreTheSameForTrackedPermits() {
        Pacer two = new Pacer(pacer.rule().withDailyBudget(2));
        Pacer.State s = Pacer.State.initial();
        for (int i = 0; i < 2; i++) {
            Pacer.Decision d = two.reserve("acme", s, T.plusSeconds(i), true);
            s = two.answered(d.state(), d.grantedAt(), T.plusSeconds(i).plusMillis(100));
        }
        Pacer.State spent = s;

        assertThat(two.usage("acme", spent, T.plusSeconds(5)).usedToday()).isEqualTo(2);
        assertThatThrownBy(() -> two.reserve("acme", spent, T.plusSeconds(5), true))
                .isInstanceOf(io.cathalog.core.DailyQuotaExceededException.class);
    }

    @Test
    void maxInFlightMustBePositive() {
        Pacing p = pacer.rule();
        assertThatThrownBy(() -> p.withMaxInFlight(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withMaxInFlight(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Pacing(1, 1, Duration.ofSeconds(1), 1, ZoneId.of("UTC")).maxInFlight())
                .isEqualTo(Pacing.DEFAULT_MAX_IN_FLIGHT);
    }
}
