package io.cathalog.core.jobs;

import io.cathalog.core.sync.Outcome;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's per-account policy, by plain calls: no clock, no threads. */
class RunPolicyTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Duration JITTER = Duration.ofSeconds(20);
    private final RunPolicy policy = new RunPolicy(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(7),
            Duration.ofSeconds(30));

    @Test
    void aCompletedRunComesBackAfterItsIntervalAndJitterOrAtOnceWhenWebhooksWait() {
        Schedule failing = policy.failed(policy.failed(Schedule.first(T0), T0, false), T0, false);
        Schedule done = policy.completed(failing, T0, INTERVAL, JITTER, false);
        assertThat(done.nextRunAt()).isEqualTo(T0.plus(INTERVAL).plus(JITTER));
        assertThat(done.failures()).as("a completed run resets the backoff").isZero();
        assertThat(policy.completed(failing, T0, INTERVAL, JITTER, true).nextRunAt()).isEqualTo(T0);
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndAnIpBlockWaitsAtLeastTheBlockedBackoff() {
        Schedule s = Schedule.first(T0);
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(10), Duration.ofMinutes(10)};
        for (Duration d : expected) {
            s = policy.failed(s, T0, false);
            assertThat(s.nextRunAt()).as("after %d failures", s.failures()).isEqualTo(T0.plus(d));
        }
        Schedule blocked = policy.failed(Schedule.first(T0), T0, true);
        assertThat(blocked.nextRunAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
    }

    @Test
    void aStoppedRunResumesAtOnceUnlessItsLeaseWentToAnotherInstance() {
        Schedule s = Schedule.first(T0);
        assertThat(policy.stopped(s, T0, false, INTERVAL, JITTER, false).nextRunAt()).isEqualTo(T0);
        assertThat(policy.stopped(s, T0, true, INTERVAL, JITTER, false).nextRunAt()).isEqualTo(T0.plus(INTERVAL).plus(JITTER));
    }

    @Test
    void aBudgetStopWaitsForTheResetAndRecordsTheSplitAcrossParts() {
        Instant reset = T0.plus(Duration.ofHours(12));
        Schedule first = policy.budgetStopped(Schedule.first(T0), T0, reset, true,
                Map.of(Outcome.UPDATED, 30L, Outcome.SKIPPED, 70L), OptionalLong.of(200), OptionalLong.of(60));
        assertThat(first.nextRunAt()).isEqualTo(reset);
        assertThat(first.waitingForBudget()).isTrue();
        assertThat(first.split()).get().satisfies(x -> {
            assertThat(x.applied()).isEqualTo(30);
            assertThat(x.left()).isEqualTo(70);
            assertThat(x.parts()).isEqualTo(1);
            assertThat(x.estimatedRequests()).isEqualTo(200);
        });
        Instant reset2 = reset.plus(Duration.ofDays(1));
        Schedule second = policy.budgetStopped(policy.started(first), reset, reset2, true,
                Map.of(Outcome.UPDATED, 50L, Outcome.SKIPPED, 20L), OptionalLong.of(140), OptionalLong.of(100));
        assertThat(second.split()).get().satisfies(x -> {
            assertThat(x.plannedAt()).as("the split keeps its first plan").isEqualTo(T0);
            assertThat(x.applied()).isEqualTo(80);
            assertThat(x.parts()).isEqualTo(2);
        });
        assertThat(policy.completed(second, reset2, INTERVAL, JITTER, false).split()).as("completion ends it").isEmpty();
    }

    @Test
    void aPausedAccountIsNeverDueAndIgnoresRequestsUntilResumed() {
        URI url = URI.create("https://example.test/authorize");
        Schedule paused = policy.paused(Schedule.first(T0), "revoked", Optional.of(url));
        assertThat(paused.due(T0.plus(Duration.ofDays(3)))).isFalse();
        assertThat(paused.nextRun()).isEmpty();
        assertThat(policy.requested(paused, T0).pause()).isPresent();
        Schedule resumed = policy.resumed(paused, T0.plusSeconds(5));
        assertThat(resumed.due(T0.plusSeconds(5))).isTrue();
        assertThat(resumed.failures()).isZero();
    }

    @Test
    void aRequestMakesTheRunDueNowButNotBeforeTheBudgetResets() {
        Schedule later = Schedule.first(T0.plus(INTERVAL));
        assertThat(policy.requested(later, T0).nextRunAt()).isEqualTo(T0);
        Schedule waiting = policy.budgetSpent(later, T0.plus(Duration.ofHours(5)));
        assertThat(policy.requested(waiting, T0).nextRunAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(policy.resumed(waiting, T0).nextRunAt()).as("resuming does not beat the budget")
                .isEqualTo(T0.plus(Duration.ofHours(5)));
    }

    @Test
    void aLeaseHeldElsewhereIsLookedAtAgainWhenItLapsesAtTheLatestAfterTheIntervalOrSoonWhenWebhooksWait() {
        Schedule s = Schedule.first(T0);
        Optional<Instant> lapses = Optional.of(T0.plus(Duration.ofMinutes(5)));
        assertThat(policy.leaseHeldElsewhere(s, T0, lapses, INTERVAL, JITTER, false).nextRunAt())
                .as("its holder may have died: look again as its lease lapses").isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(policy.leaseHeldElsewhere(s, T0, Optional.of(T0.plus(Duration.ofHours(3))), INTERVAL, JITTER, false)
                .nextRunAt()).as("a long lease: at the latest after the interval").isEqualTo(T0.plus(INTERVAL).plus(JITTER));
        assertThat(policy.leaseHeldElsewhere(s, T0, lapses, INTERVAL, JITTER, true).nextRunAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(policy.leaseHeldElsewhere(s, T0, Optional.empty(), INTERVAL, JITTER, false).nextRunAt())
                .as("released meanwhile").isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void theMarkOfACompletedRunLeavesTheOthersAHandOffBeforeTheLastRunnerIsDue() {
        Duration look = Duration.ofSeconds(1);
        assertThat(RunPolicy.handOff(Duration.ofMinutes(15), Duration.ofMinutes(1), look)).isEqualTo(Duration.ofSeconds(61));
        assertThat(RunPolicy.markAfterCompleted(Duration.ofMinutes(15), Duration.ofMinutes(1), look))
                .as("others look in [end + 13:59, end + 14:59], the last runner in [end + 15:00, end + 16:00]")
                .isEqualTo(Duration.ofSeconds(15 * 60 - 61));
        assertThat(RunPolicy.handOff(Duration.ofMinutes(15), Duration.ZERO, look)).as("no jitter: one look earlier")
                .isEqualTo(look);
        assertThat(RunPolicy.markAfterCompleted(Duration.ofMinutes(10), Duration.ofMinutes(10), look))
                .as("at most half the interval").isEqualTo(Duration.ofMinutes(5));
    }
}
