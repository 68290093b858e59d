package io.cathalog.core.http.internal;

import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.http.Pacing;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link Pacing} rule as a pure function of a {@link State}: what every limiter (in memory, in a
 * database row) runs, so that all pace alike. Immutable and thread-safe; shared with the sibling
 * modules only.
 */
public final class Pacer {
    private final Pacing rule;

    /**
     * A pacer of one rule.
     *
     * @param rule the rule it paces by
     */
    public Pacer(Pacing rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * The rule.
     *
     * @return the rule it paces by
     */
    public Pacing rule() {
        return rule;
    }

    private long intervalNanos() {
        return Math.round(1_000_000_000d / rule.ratePerSecond());
    }

    /**
     * Where an account's pacing stands.
     *
     * @param nextSlot            the schedule's next permit
     * @param recent              the times the last requests count at in the window, oldest first: a
     *                            permit's grant time, or an answered permit's answer time (at most
     *                            {@code rule.windowRequests()})
     * @param day                 the ERP day {@code usedToday} counts, e.g. {@code 2026-01-05}
     * @param usedToday           the permits given that day
     * @param pausedUntil         no permit before this (a 429 paused every caller)
     * @param quotaExhaustedUntil the ERP said its daily quota is spent until then
     * @param inFlight            the grant times of the permits whose answer has not arrived yet
     */
    public record State(Instant nextSlot, List<Instant> recent, String day, long usedToday, Instant pausedUntil,
                        Instant quotaExhaustedUntil, List<Instant> inFlight) {
        /**
         * Checks the state.
         *
         * @param nextSlot            the schedule's next permit
         * @param recent              the times the last requests count at in the window
         * @param day                 the ERP day {@code usedToday} counts, e.g. {@code 2026-01-05}
         * @param usedToday           the permits given that day
         * @param pausedUntil         no permit before this (a 429 paused every caller)
         * @param quotaExhaustedUntil the ERP said its daily quota is spent until then
         * @param inFlight            the grant times of the permits whose answer has not arrived yet
         * @throws NullPointerException a missing instant or day
         */
        public State {
            Objects.requireNonNull(nextSlot, "nextSlot");
            recent = List.copyOf(recent);
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(pausedUntil, "pausedUntil");
            Objects.requireNonNull(quotaExhaustedUntil, "quotaExhaustedUntil");
            inFlight = List.copyOf(inFlight);
        }

        /**
         * An account that has sent nothing yet.
         *
         * @return the state before the first permit
         */
        public static State initial() {
            return new State(Instant.EPOCH, List.of(), "", 0, Instant.EPOCH, Instant.EPOCH, List.of());
        }

        private State with(List<Instant> newRecent, List<Instant> newInFlight) {
            return new State(nextSlot, newRecent, day, usedToday, pausedUntil, quotaExhaustedUntil, newInFlight);
        }
    }

    /**
     * What {@link #reserve} decided: a permit, or how long to wait; either way the new state.
     *
     * @param state     the state to keep
     * @param delay     zero for a permit, else how long to wait before asking again
     * @param grantedAt the permit's time, what {@link #answered} is given for it (the time of
     *                  asking when no permit was given)
     */
    public record Decision(State state, Duration delay, Instant grantedAt) {
        /**
         * Whether a permit was taken.
         *
         * @return the delay is zero
         */
        public boolean granted() {
            return delay.isZero();
        }
    }

    /**
     * Takes a permit at {@code now}, counted at that time, if the rule allows one; else says how
     * long to wait.
     *
     * @param accountId the account, for the exception
     * @param s         the state before
     * @param now       the time of asking
     * @return the decision and the state after it
     * @throws DailyQuotaExceededException when the day's budget, or the ERP's quota, is spent
     */
    public Decision reserve(String accountId, State s, Instant now) {
        return reserve(accountId, s, now, false);
    }

    /**
     * Takes a permit at {@code now} if the rule allows one, else says how long to wait. A permit is
     * given only when fewer than {@code windowRequests} requests are in flight or count within the
     * last {@code window}, and not before the schedule's slot.
     *
     * @param accountId the account, for the exception
     * @param s         the state before
     * @param now       the time of asking
     * @param tracked   the permit stays in flight until {@link #answered} (or its
     *                  {@link Pacing#maxInFlight()} passes), then counts at its answer; else it
     *                  counts at {@code now}
     * @return the decision and the state after it
     * @throws DailyQuotaExceededException when the day's budget, or the ERP's quota, is spent
     */
    public Decision reserve(String accountId, State s, Instant now, boolean tracked) {
        State state = settled(rolled(s, now), now);
        if (now.isBefore(state.quotaExhaustedUntil())) {
            throw new DailyQuotaExceededException(accountId, rule.dailyBudget(), state.usedToday(), state.quotaExhaustedUntil(),
                    true);
        }
        if (state.usedToday() >= rule.dailyBudget()) {
            throw new DailyQuotaExceededException(accountId, rule.dailyBudget(), state.usedToday(), nextReset(now), false);
        }
        Instant scheduled = max(state.nextSlot(), state.pausedUntil());
        Instant earliest = max(scheduled, windowOpens(state, now));
        if (now.isBefore(earliest)) {
            return new Decision(state, Duration.between(now, earliest), now);
        }
        // Keep the schedule's cadence when a thread is a little late (so lateness does not slow
        // everyone), start a new one after idle time; the window works on actual times.
        long interval = intervalNanos();
        Instant base = scheduled.isBefore(now.minusNanos(interval)) ? now : scheduled;
        List<Instant> recent = state.recent();
        List<Instant> inFlight = state.inFlight();
        if (tracked) {
            inFlight = new ArrayList<>(inFlight);
            inFlight.add(now);
        } else {
            recent = counted(recent, now);
        }
        return new Decision(new State(base.plusNanos(interval), recent, state.day(), state.usedToday() + 1,
                state.pausedUntil(), state.quotaExhaustedUntil(), inFlight), Duration.ZERO, now);
    }

    /**
     * When the window lets one more request in: requests in flight count until their answer and
     * then for a window, so they only ever leave the count as answered ones do. With the window
     * full of requests in flight, none can leave before {@code now + window}: waiting that long
     * never waits past the opening.
     */
    private Instant windowOpens(State state, Instant now) {
        int inFlight = state.inFlight().size();
        if (inFlight >= rule.windowRequests()) {
            return now.plus(rule.window());
        }
        List<Instant> recent = state.recent();
        int leaving = inFlight + recent.size() - (rule.windowRequests() - 1);
        return leaving <= 0 ? Instant.MIN : recent.get(leaving - 1).plus(rule.window());
    }

    /**
     * The answer of the permit granted at {@code grantedAt} arrived at {@code now}: it no longer
     * counts as in flight but at {@code now}. A grant not in flight (answered already, expired, or
     * unknown) changes nothing.
     *
     * @param s         the state before
     * @param grantedAt the permit's {@link Decision#grantedAt()}
     * @param now       when its answer (or failure) arrived
     * @return the state after
     */
    public State answered(State s, Instant grantedAt, Instant now) {
        State state = settled(s, now);
        List<Instant> inFlight = new ArrayList<>(state.inFlight());
        if (!inFlight.remove(grantedAt)) {
            return state;
        }
        return state.with(counted(state.recent(), max(grantedAt, now)), inFlight);
    }

    /**
     * A limiter's permit for a request granted at {@code grantedAt}: its first close reports the
     * answer to {@code answered}, later closes do nothing (every limiter's permits behave alike).
     *
     * @param grantedAt the permit's {@link Decision#grantedAt()}
     * @param answered  records the answer of the permit granted then (into the limiter's state)
     * @return the permit to hand to the caller
     */
    public static RequestLimiter.Permit permit(Instant grantedAt, Consumer<Instant> answered) {
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(answered, "answered");
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                answered.accept(grantedAt);
            }
        };
    }

    /** Permits in flight past {@link Pacing#maxInFlight()} count as answered then. */
    private State settled(State s, Instant now) {
        if (s.inFlight().isEmpty()) {
            return s;
        }
        List<Instant> inFlight = new ArrayList<>();
        List<Instant> recent = s.recent();
        for (Instant granted : s.inFlight()) {
            Instant expiry = granted.plus(rule.maxInFlight());
            if (now.isBefore(expiry)) {
                inFlight.add(granted);
            } else {
                recent = counted(recent, expiry);
            }
        }
        return inFlight.size() == s.inFlight().size() ? s : s.with(recent, inFlight);
    }

    /** The times with {@code t} added in order, keeping the latest {@code windowRequests}. */
    private List<Instant> counted(List<Instant> recent, Instant t) {
        List<Instant> next = new ArrayList<>(recent);
        int at = next.size();
        while (at > 0 && next.get(at - 1).isAfter(t)) {
            at--;
        }
        next.add(at, t);
        while (next.size() > rule.windowRequests()) {
            next.remove(0);
        }
        return next;
    }

    /**
     * The state with every caller paused until {@code until} (or later, if already).
     *
     * @param s     the state before
     * @param until no permit before then
     * @return the state after
     */
    public State paused(State s, Instant until) {
        return new State(s.nextSlot(), s.recent(), s.day(), s.usedToday(), max(s.pausedUntil(), until),
                s.quotaExhaustedUntil(), s.inFlight());
    }

    /**
     * The state with the ERP's quota spent until {@code resetAt}.
     *
     * @param s       the state before
     * @param resetAt when the ERP's quota comes back
     * @return the state after
     */
    public State quotaExhausted(State s, Instant resetAt) {
        return new State(s.nextSlot(), s.recent(), s.day(), s.usedToday(), s.pausedUntil(),
                max(s.quotaExhaustedUntil(), resetAt), s.inFlight());
    }

    /**
     * The state counted for the ERP day of {@code now}: a new day starts the count over.
     *
     * @param s   the state before
     * @param now the time
     * @return the state of {@code now}'s day
     */
    public State rolled(State s, Instant now) {
        String today = now.atZone(rule.zone()).toLocalDate().toString();
        return today.equals(s.day()) ? s
                : new State(s.nextSlot(), s.recent(), today, 0, s.pausedUntil(), s.quotaExhaustedUntil(), s.inFlight());
    }

    /**
     * When the ERP day after {@code now} begins.
     *
     * @param now the time
     * @return the next midnight in the rule's zone
     */
    public Instant nextReset(Instant now) {
        return now.atZone(rule.zone()).toLocalDate().plusDays(1).atStartOfDay(rule.zone()).toInstant();
    }

    /**
     * The usage the state shows at {@code now}.
     *
     * @param accountId the account
     * @param s         the state
     * @param now       the time
     * @return requests used today, the budget, the reset and any pause
     */
    public Usage usage(String accountId, State s, Instant now) {
        State state = rolled(s, now);
        return new Usage(accountId, state.usedToday(), rule.dailyBudget(), nextReset(now),
                now.isBefore(state.pausedUntil()) ? Optional.of(state.pausedUntil()) : Optional.empty(),
                now.isBefore(state.quotaExhaustedUntil()) ? Optional.of(state.quotaExhaustedUntil())
                        : Optional.empty());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
