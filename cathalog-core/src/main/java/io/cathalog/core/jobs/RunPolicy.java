package io.cathalog.core.jobs;

import io.cathalog.core.sync.Outcome;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When an account runs next, as a pure function of its {@link Schedule}, what just happened and
 * the time: interval and jitter after a run, exponential backoff after failures (at least the
 * blocked backoff after an IP block), the budget's reset after the day's budget ran out, a pause
 * until a person re-authorizes, sooner when webhooks wait. No clock, no threads, no randomness of
 * its own (the jitter is handed in): tested by plain calls.
 */
final class RunPolicy {
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Duration blockedBackoff;
    private final Duration leaseRetry;

    RunPolicy(Duration backoffBase, Duration backoffCap, Duration blockedBackoff, Duration leaseRetry) {
        this.backoffBase = Objects.requireNonNull(backoffBase, "backoffBase");
        this.backoffCap = Objects.requireNonNull(backoffCap, "backoffCap");
        this.blockedBackoff = Objects.requireNonNull(blockedBackoff, "blockedBackoff");
        this.leaseRetry = Objects.requireNonNull(leaseRetry, "leaseRetry");
    }

    /**
     * The run's interval has passed (plus its jitter), or it is due now when webhooks arrived
     * during the run.
     */
    static Instant afterInterval(Instant now, Duration interval, Duration jitter, boolean webhooksWaiting) {
        return webhooksWaiting ? now : now.plus(interval).plus(jitter);
    }

    /** A run completed (with or without failed items): failures reset, a split ends. */
    Schedule completed(Schedule s, Instant now, Duration interval, Duration jitter, boolean webhooksWaiting) {
        return new Schedule(afterInterval(now, interval, jitter, webhooksWaiting), 0, s.pause(), false, Optional.empty());
    }

    /**
     * A run was asked to stop (shutdown, or its lease was lost): the rest is done by the next run,
     * here right away after a shutdown's restart, or after the interval when another instance
     * took the account over.
     */
    Schedule stopped(Schedule s, Instant now, boolean leaseLost, Duration interval, Duration jitter,
                     boolean webhooksWaiting) {
        return s.withNextRunAt(leaseLost ? afterInterval(now, interval, jitter, webhooksWaiting) : now);
    }

    /**
     * A run past its slice gave its slot to accounts waiting for one: due again now, so it queues
     * behind every account that fell due before it; failures, budget and split are unchanged.
     */
    Schedule yielded(Schedule s, Instant now) {
        return s.withNextRunAt(now);
    }

    /**
     * The day's budget (or the ERP's daily quota) stopped the run: it resumes at the reset. When it
     * had applied part of its plan, the sync is recorded as split (or its split goes on).
     */
    Schedule budgetStopped(Schedule s, Instant runStart, Instant resetAt, boolean applied, Map<Outcome, Long> counts,
                           OptionalLong estimated, OptionalLong remaining) {
        Optional<SplitInfo> split;
        if (applied) {
            long skipped = counts.getOrDefault(Outcome.SKIPPED, 0L);
            long done = counts.values().stream().mapToLong(Long::longValue).sum() - skipped;
            split = Optional.of(s.split()
                    .map(p -> new SplitInfo(p.plannedAt(), p.estimatedRequests(), p.remainingBudget(),
                            p.applied() + done, skipped, resetAt, p.parts() + 1))
                    .orElseGet(() -> new SplitInfo(runStart, estimated.orElse(0), remaining.orElse(0), done, skipped,
                            resetAt, 1)));
        } else {
            split = s.split().map(p -> new SplitInfo(p.plannedAt(), p.estimatedRequests(), p.remainingBudget(),
                    p.applied(), p.left(), resetAt, p.parts()));
        }
        return new Schedule(resetAt, 0, s.pause(), true, split);
    }

    /** The authorization is dead: paused until {@link #resumed}. */
    Schedule paused(Schedule s, String reason, Optional<URI> authorizeUrl) {
        return s.withPause(Optional.of(new Schedule.Pause(reason, authorizeUrl)));
    }

    /** A run failed: retried after the backoff of its failures in a row (an IP block waits longer). */
    Schedule failed(Schedule s, Instant now, boolean blocked) {
        int failures = s.failures() + 1;
        Duration delay = backoff(failures);
        if (blocked && delay.compareTo(blockedBackoff) < 0) {
            delay = blockedBackoff;
        }
        return new Schedule(now.plus(delay), failures, s.pause(), s.waitingForBudget(), s.split());
    }

    /**
     * Another instance holds the account's run lease: look again when that lease lapses unless
     * renewed ({@code heldUntil}; by then the run has ended and marked the account, or its instance
     * died and the account is free), at the latest after the interval, and soon when webhooks wait
     * to be handled. Unknown {@code heldUntil} (released meanwhile): after the lease retry.
     */
    Schedule leaseHeldElsewhere(Schedule s, Instant now, Optional<Instant> heldUntil, Duration interval,
                                Duration jitter, boolean webhooksWaiting) {
        Instant next = heldUntil.orElse(now.plus(leaseRetry));
        Instant latest = webhooksWaiting ? now.plus(leaseRetry) : now.plus(interval).plus(jitter);
        return s.withNextRunAt(next.isBefore(latest) ? next : latest);
    }

    /**
     * How much earlier than the last runner the other instances look again at an account: more
     * than its jitter (and one look of the scheduler), so that an instance that did not run it last
     * comes first and takes the next run, and the runs go round the live instances. At most half
     * the interval.
     */
    static Duration handOff(Duration interval, Duration jitter, Duration look) {
        Duration h = jitter.plus(look);
        Duration half = interval.dividedBy(2);
        return h.compareTo(half) > 0 ? half : h;
    }

    /**
     * How long the mark of a completed run lasts: the interval less the {@link #handOff}. The
     * other instances look again when it lapses plus their jitter, so at most the interval plus
     * the jitter after the run's end (never later than the last runner itself is due).
     */
    static Duration markAfterCompleted(Duration interval, Duration jitter, Duration look) {
        return interval.minus(handOff(interval, jitter, look));
    }

    /**
     * Another instance ran the account and marked it until {@code until}: look again then, plus
     * this instance's jitter, so that the instances do not all come back at once.
     */
    Schedule syncedElsewhere(Schedule s, Instant until, Duration jitter) {
        return s.withNextRunAt(until.plus(jitter));
    }

    /** Nothing can be sent before {@code until} (the budget is spent): wait without spending anything. */
    Schedule budgetSpent(Schedule s, Instant until) {
        return new Schedule(until, s.failures(), s.pause(), true, s.split());
    }

    /** A webhook or a person asked for a run: due now, unless paused or waiting for the budget. */
    Schedule requested(Schedule s, Instant now) {
        return s.nextRunAt().isAfter(now) && s.pause().isEmpty() && !s.waitingForBudget() ? s.withNextRunAt(now) : s;
    }

    /** A person re-authorized the account: unpaused, failures forgotten, due now (or at the budget's reset). */
    Schedule resumed(Schedule s, Instant now) {
        return new Schedule(s.waitingForBudget() ? s.nextRunAt() : now, 0, Optional.empty(), s.waitingForBudget(),
                s.split());
    }

    /** A run starts: it no longer waits for the budget. */
    Schedule started(Schedule s) {
        return new Schedule(s.nextRunAt(), s.failures(), s.pause(), false, s.split());
    }

    Duration backoff(int failures) {
        Duration d = backoffBase;
        for (int i = 1; i < failures && d.compareTo(backoffCap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backoffCap) > 0 ? backoffCap : d;
    }
}
