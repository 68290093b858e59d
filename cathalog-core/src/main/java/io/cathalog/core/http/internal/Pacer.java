package io.cathalog.core.http.internal;

import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.http.Pacing;
import io.cathalog.core.http.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
     * @param recent              the times of the last permits (at most {@code rule.windowRequests()})
     * @param day                 the ERP day {@code usedToday} counts, e.g. {@code 2026-01-05}
     * @param usedToday           the permits given that day
     * @param pausedUntil         no permit before this (a 429 paused every caller)
     * @param quotaExhaustedUntil the ERP said its daily quota is spent until then
     */
    public record State(Instant nextSlot, List<Instant> recent, String day, long usedToday, Instant pausedUntil,
                        Instant quotaExhaustedUntil) {
        /**
         * Checks the state.
         *
         * @param nextSlot            the schedule's next permit
         * @param recent              the times of the last permits (at most {@code rule.windowRequests()})
         * @param day                 the ERP day {@code usedToday} counts, e.g. {@code 2026-01-05}
         * @param usedToday           the permits given that day
         * @param pausedUntil         no permit before this (a 429 paused every caller)
         * @param quotaExhaustedUntil the ERP said its daily quota is spent until then
         * @throws NullPointerException a missing instant or day
         */
        public State {
            Objects.requireNonNull(nextSlot, "nextSlot");
            recent = List.copyOf(recent);
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(pausedUntil, "pausedUntil");
            Objects.requireNonNull(quotaExhaustedUntil, "quotaExhaustedUntil");
        }

        /**
         * An account that has sent nothing yet.
         *
         * @return the state before the first permit
         */
        public static State initial() {
            return new State(Instant.EPOCH, List.of(), "", 0, Instant.EPOCH, Instant.EPOCH);
        }
    }

    /**
     * What {@link #reserve} decided: a permit, or how long to wait; either way the new state.
     *
     * @param state the state to keep
     * @param delay zero for a permit, else how long to wait before asking again
     */
    public record Decision(State state, Duration delay) {
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
     * Takes a permit at {@code now} if the rule allows one, else says how long to wait.
     *
     * @param accountId the account, for the exception
     * @param s         the state before
     * @param now       the time of asking
     * @return the decision and the state after it
     * @throws DailyQuotaExceededException when the day's budget, or the ERP's quota, is spent
     */
    public Decision reserve(String accountId, State s, Instant now) {
        State state = rolled(s, now);
        if (now.isBefore(state.quotaExhaustedUntil())) {
            throw new DailyQuotaExceededException(accountId, rule.dailyBudget(), state.usedToday(), state.quotaExhaustedUntil(),
                    true);
        }
        if (state.usedToday() >= rule.dailyBudget()) {
            throw new DailyQuotaExceededException(accountId, rule.dailyBudget(), state.usedToday(), nextReset(now), false);
        }
        Instant scheduled = max(state.nextSlot(), state.pausedUntil());
        Instant earliest = scheduled;
        List<Instant> recent = state.recent();
        if (recent.size() >= rule.windowRequests()) {
            earliest = max(earliest, recent.get(recent.size() - rule.windowRequests()).plus(rule.window()));
        }
        if (now.isBefore(earliest)) {
            return new Decision(state, Duration.between(now, earliest));
        }
        // Keep the schedule's cadence when a thread is a little late (so lateness does not slow
        // everyone), start a new one after idle time; the window works on actual times.
        long interval = intervalNanos();
        Instant base = scheduled.isBefore(now.minusNanos(interval)) ? now : scheduled;
        List<Instant> next = new ArrayList<>(recent);
        next.add(now);
        while (next.size() > rule.windowRequests()) {
            next.remove(0);
        }
        return new Decision(new State(base.plusNanos(interval), next, state.day(), state.usedToday() + 1,
                state.pausedUntil(), state.quotaExhaustedUntil()), Duration.ZERO);
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
                s.quotaExhaustedUntil());
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
                max(s.quotaExhaustedUntil(), resetAt));
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
                : new State(s.nextSlot(), s.recent(), today, 0, s.pausedUntil(), s.quotaExhaustedUntil());
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
