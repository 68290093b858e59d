package io.cathalog.bling.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.jobs.AccountStatus;
import io.cathalog.core.jobs.RunOutcome;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.sync.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A first sync larger than the day's budget, against the sandbox, on simulated days. */
class BudgetSplitTest {

    record OneShot(long requests, long items, Map<String, JsonNode> contents, List<RecordedRequest> writes) {
    }

    static OneShot oneShot() {
        try (JobsFixture fx = new JobsFixture()) {
            SyncScheduler s = SyncScheduler.builder().clock(fx.clock).owner("reference").build();
            s.register(fx.job(fx.limiter(120_000)).build());
            RunRecord run = s.runDue().get(0);
            assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(run.counts().get(Outcome.FAILED)).isZero();
            long items = run.counts().values().stream().mapToLong(Long::longValue).sum();
            return new OneShot(run.requestsUsed(), items, JobsFixture.contents(fx.sandbox.account()),
                    fx.sandbox.requestLog().writes());
        }
    }

    @Test
    void aSyncLargerThanTheDaysBudgetStopsAtItAndFinishesTheNextDayWithNothingAppliedTwice() {
        OneShot reference = oneShot();
        assertThat(reference.writes()).hasSizeGreaterThan(100);

        try (JobsFixture fx = new JobsFixture()) {
            long budget = reference.requests() * 6 / 10;
            RequestLimiter limiter = fx.limiter(budget);
            SyncScheduler s = SyncScheduler.builder().clock(fx.clock).owner("host-1").build();
            s.register(fx.job(limiter).build());

            // Day 1: the plan does not fit what is left; it is applied until the limiter stops it.
            RunRecord day1 = s.runDue().get(0);
            assertThat(day1.outcome()).isEqualTo(RunOutcome.BUDGET_STOPPED);
            assertThat(day1.split()).isTrue();
            assertThat(day1.estimatedRequests().getAsLong()).isGreaterThan(day1.remainingBudget().getAsLong());
            assertThat(day1.requestsUsed()).isEqualTo(budget);
            assertThat(limiter.usage().usedToday()).isEqualTo(budget);
            assertThat(day1.counts().get(Outcome.SKIPPED)).isPositive();
            long writesDay1 = fx.sandbox.requestLog().writes().size();
            assertThat(writesDay1).isPositive().isLessThan(reference.writes().size());

            Instant reset = limiter.nextReset();
            AccountStatus waiting = s.status(fx.account);
            assertThat(waiting.state()).isEqualTo(AccountStatus.State.WAITING_FOR_BUDGET);
            assertThat(waiting.nextRunAt()).contains(reset);
            assertThat(waiting.split()).get().satisfies(sp -> {
                assertThat(sp.resumesAt()).isEqualTo(reset);
                assertThat(sp.left()).isEqualTo(day1.counts().get(Outcome.SKIPPED));
            });
            assertThat(waiting.remainingToday()).isZero();

            // Later that day: ticks and a manual request send nothing at all.
            int logged = fx.sandbox.requestLog().size();
            s.syncNow(fx.account);
            for (int i = 0; i < 5; i++) {
                fx.clock.advance(Duration.ofHours(1));
                assertThat(s.runDue()).isEmpty();
            }
            assertThat(fx.sandbox.requestLog().size()).isEqualTo(logged);

            // Day 2: the run replans from what Bling holds and finishes.
            fx.clock.set(reset);
            RunRecord day2 = s.runDue().get(0);
            assertThat(day2.outcome()).as(day2.error().orElse("")).isEqualTo(RunOutcome.COMPLETED);
            assertThat(day2.counts().get(Outcome.FAILED)).isZero();
            assertThat(day2.split()).as("estimated %s, remaining %s", day2.estimatedRequests(), day2.remainingBudget()).isFalse();
            assertThat(s.status(fx.account).split()).isEmpty();
            assertThat(s.status(fx.account).state()).isEqualTo(AccountStatus.State.SCHEDULED);

            // The account ends exactly as after the one-shot sync...
            assertThat(JobsFixture.contents(fx.sandbox.account())).isEqualTo(reference.contents());
            // ...with no write sent twice: the same writes, route by route, as the one-shot sync.
            List<RecordedRequest> writes = fx.sandbox.requestLog().writes();
            assertThat(byRoute(writes)).isEqualTo(byRoute(reference.writes()));
            assertThat(writes.stream().filter(w -> !w.method().equals("POST")).map(w -> w.method() + " " + w.path()))
                    .as("no update of the same resource twice").doesNotHaveDuplicates();
            assertThat(writes).allSatisfy(w -> assertThat(w.status()).isLessThan(300));

            // And the next run has nothing left to do.
            fx.sandbox.resetRequestLog();
            fx.clock.advance(Duration.ofHours(1));
            RunRecord day2later = s.runDue().get(0);
            assertThat(day2later.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(day2later.estimatedRequests()).hasValue(0);
            assertThat(fx.sandbox.requestLog().writes()).isEmpty();
        }
    }

    private static Map<String, Long> byRoute(List<RecordedRequest> writes) {
        return writes.stream().collect(Collectors.groupingBy(w -> w.method() + " " + w.route(), TreeMap::new,
                Collectors.counting()));
    }

}
