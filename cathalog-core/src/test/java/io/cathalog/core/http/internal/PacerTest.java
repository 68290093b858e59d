package io.cathalog.core.http.internal;

import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.http.Pacing;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The pacing rule as the pure function it is: spacing, window, budget, pauses, the ERP's day. */
class PacerTest {
    private static final Instant T = Instant.parse("2026-01-05T12:00:00Z");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private final Pacer pacing = new Pacer(new Pacing(2, 3, Duration.ofSeconds(1), 120_000, SAO_PAULO));

    private Pacer.State granted(Pacer p, Pacer.State s, Instant now) {
        Pacer.Decision d = p.reserve("acme", s, now);
        assertThat(d.granted()).as("a permit at " + now).isTrue();
        return d.state();
    }

    @Test
    void permitsAreSpacedAtTheRate() {
        Pacer.State s = granted(pacing, Pacer.State.initial(), T);

        Pacer.Decision tooSoon = pacing.reserve("acme", s, T.plusMillis(100));

        assertThat(tooSoon.granted()).isFalse();
        assertThat(tooSoon.delay()).isEqualTo(Duration.ofMillis(400));
        assertThat(tooSoon.state()).isEqualTo(s);
        granted(pacing, s, T.plusMillis(500));
    }

    @Test
    void noMoreThanTheWindowAllowsEvenAtAHighRate() {
        Pacer fast = new Pacer(new Pacing(100, 3, Duration.ofSeconds(1), 120_000, SAO_PAULO));
        Pacer.State s = Pacer.State.initial();
        s = granted(fast, s, T);
        s = granted(fast, s, T.plusMillis(10));
        s = granted(fast, s, T.plusMillis(20));

        Pacer.Decision fourth = fast.reserve("acme", s, T.plusMillis(30));

        assertThat(fourth.delay()).isEqualTo(Duration.ofMillis(970));
        granted(fast, s, T.plusSeconds(1));
    }

    @Test
    void aLateThreadKeepsTheCadenceAndIdleTimeStartsANewOne() {
        Pacer.State s = granted(pacing, Pacer.State.initial(), T);
        // 200 ms late for the slot at T + 500 ms: the next slot stays on the schedule.
        Pacer.State late = granted(pacing, s, T.plusMillis(700));
        assertThat(late.nextSlot()).isEqualTo(T.plusMillis(1000));
        // After idle time the schedule starts again from now.
        Pacer.State idle = granted(pacing, late, T.plusSeconds(60));
        assertThat(idle.nextSlot()).isEqualTo(T.plusSeconds(60).plusMillis(500));
    }

    @Test
    void theDailyBudgetStopsAndANewErpDayStartsOver() {
        Pacer two = new Pacer(pacing.rule().withDailyBudget(2));
        Pacer.State s = granted(two, Pacer.State.initial(), T);
        s = granted(two, s, T.plusSeconds(1));
        Pacer.State spent = s;

        DailyQuotaExceededException e = catchThrowableOfType(DailyQuotaExceededException.class,
                () -> two.reserve("acme", spent, T.plusSeconds(2)));

        assertThat(e.isRemote()).isFalse();
        assertThat(e.used()).isEqualTo(2);
        // Midnight in São Paulo is 03:00 UTC.
        assertThat(e.resetAt()).isEqualTo(Instant.parse("2026-01-06T03:00:00Z"));
        assertThatThrownBy(() -> two.reserve("acme", spent, Instant.parse("2026-01-06T02:59:59Z")))
                .isInstanceOf(DailyQuotaExceededException.class);
        Pacer.State tomorrow = granted(two, spent, Instant.parse("2026-01-06T03:00:00Z"));
        assertThat(tomorrow.usedToday()).isEqualTo(1);
        assertThat(tomorrow.day()).isEqualTo("2026-01-06");
    }

    @Test
    void aPauseDelaysEveryPermitUntilItEnds() {
        Pacer.State s = pacing.paused(Pacer.State.initial(), T.plusSeconds(5));

        assertThat(pacing.reserve("acme", s, T.plusSeconds(1)).delay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(pacing.paused(s, T.plusSeconds(2)).pausedUntil()).as("never shortened").isEqualTo(T.plusSeconds(5));
        granted(pacing, s, T.plusSeconds(5));
    }

    @Test
    void theErpsSpentQuotaRefusesUntilItsReset() {
        Pacer.State s = pacing.quotaExhausted(Pacer.State.initial(), T.plusSeconds(3600));

        DailyQuotaExceededException e = catchThrowableOfType(DailyQuotaExceededException.class,
                () -> pacing.reserve("acme", s, T));

        assertThat(e.isRemote()).isTrue();
        assertThat(e.resetAt()).isEqualTo(T.plusSeconds(3600));
        assertThat(pacing.usage("acme", s, T).quotaExhaustedUntil()).contains(T.plusSeconds(3600));
        granted(pacing, s, T.plusSeconds(3600));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new Pacing(0, 3, Duration.ofSeconds(1), 1, SAO_PAULO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacing(1, 0, Duration.ofSeconds(1), 1, SAO_PAULO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacing(1, 1, Duration.ZERO, 1, SAO_PAULO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacing(1, 1, Duration.ofSeconds(1), 0, SAO_PAULO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
