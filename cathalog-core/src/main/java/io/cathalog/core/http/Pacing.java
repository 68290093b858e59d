package io.cathalog.core.http;

import io.cathalog.core.DailyQuotaExceededException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pacing rule of an account's requests, as a pure function of a {@link State}: requests spaced
 * evenly at a target rate, never more than {@code windowRequests} in any window (checked on the
 * actual permit times, so a late thread cannot bunch requests up), a daily budget counted in the
 * ERP's time zone, pauses after a 429 and a spent remote quota. Limiters keep the state where they
 * need it — in memory ({@link LocalRequestLimiter}), in a database row (the JPA module's) — and all
 * pace alike. Immutable and thread-safe.
 *
 * <p>Core knows no ERP's numbers: each ERP module ships its preset (Bling's is
 * {@code io.cathalog.bling.BlingPacing.standard()}), and a host may tune it with the {@code with}
 * methods.
 *
 * @param ratePerSecond  the target rate
 * @param windowRequests at most this many permits in any {@code window}
 * @param window         the ERP's window plus a margin for the time between a permit and the
 *                       request's arrival
 * @param dailyBudget    the most permits in a day
 * @param zone           where the ERP's day begins
 */
public record Pacing(double ratePerSecond, int windowRequests, Duration window, long dailyBudget, ZoneId zone) {

    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException a non-positive rate, window or budget
     */
    public Pacing {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        if (windowRequests < 1) {
            throw new IllegalArgumentException("a window holds at least one request");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window lasts a positive time");
        }
        if (dailyBudget < 1) {
            throw new IllegalArgumentException("a daily budget is at least 1, got " + dailyBudget);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * This rule at another target rate.
     *
     * @param rate requests a second, positive
     * @return the new rule
     */
    public Pacing withRate(double rate) {
        return new Pacing(rate, windowRequests, window, dailyBudget, zone);
    }

    /**
     * This rule with another window: at most {@code requests} in any {@code length}, kept with
     * {@code margin} to spare.
     *
     * @param requests at least one
     * @param length   the ERP's window
     * @param margin   added to the window, not negative
     * @return the new rule
     */
    public Pacing withWindow(int requests, Duration length, Duration margin) {
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("a margin is not negative");
        }
        return new Pacing(ratePerSecond, requests, length.plus(margin), dailyBudget, zone);
    }

    /**
     * This rule with another daily budget.
     *
     * @param budget the most permits in a day, at least 1
     * @return the new rule
     */
    public Pacing withDailyBudget(long budget) {
        return new Pacing(ratePerSecond, windowRequests, window, budget, zone);
    }

    /**
     * This rule with the ERP's day beginning in another zone.
     *
     * @param z the zone
     * @return the new rule
     */
    public Pacing withZone(ZoneId z) {
        return new Pacing(ratePerSecond, windowRequests, window, dailyBudget, z);
    }

    long intervalNanos() {
        return Math.round(1_000_000_000d / ratePerSecond);
    }

    /**
     * Where an account's pacing stands.
     *
     * @param nextSlot            the schedule's next permit
     * @param recent              the times of the last permits (at most {@code windowRequests})
     * @param day                 the ERP day {@code usedToday} counts, e.g. {@code 2026-01-05}
     * @param pausedUntil         no permit before this (a 429 paused every caller)
     * @param quotaExhaustedUntil the ERP said its daily quota is spent until then
     */
    public record State(Instant nextSlot, List<Instant> recent, String day, long usedToday, Instant pausedUntil,
                        Instant quotaExhaustedUntil) {
        public State {
            Objects.requireNonNull(nextSlot, "nextSlot");
            recent = List.copyOf(recent);
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(pausedUntil, "pausedUntil");
            Objects.requireNonNull(quotaExhaustedUntil, "quotaExhaustedUntil");
        }

        /** An account that has sent nothing yet. */
        public static State initial() {
            return new State(Instant.EPOCH, List.of(), "", 0, Instant.EPOCH, Instant.EPOCH);
        }
    }

    /** What {@link #reserve} decided: a permit, or how long to wait; either way the new state. */
    public record Decision(State state, Duration delay) {
        public boolean granted() {
            return delay.isZero();
        }
    }

    /**
     * Takes a permit at {@code now} if the rule allows one, else says how long to wait.
     *
     * @throws DailyQuotaExceededException when the day's budget, or the ERP's quota, is spent
     */
    public Decision reserve(String accountId, State s, Instant now) {
        State state = rolled(s, now);
        if (now.isBefore(state.quotaExhaustedUntil())) {
            throw new DailyQuotaExceededException(accountId, dailyBudget, state.usedToday(), state.quotaExhaustedUntil(),
                    true);
        }
        if (state.usedToday() >= dailyBudget) {
            throw new DailyQuotaExceededException(accountId, dailyBudget, state.usedToday(), nextReset(now), false);
        }
        Instant scheduled = max(state.nextSlot(), state.pausedUntil());
        Instant earliest = scheduled;
        List<Instant> recent = state.recent();
        if (recent.size() >= windowRequests) {
            earliest = max(earliest, recent.get(recent.size() - windowRequests).plus(window));
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
        while (next.size() > windowRequests) {
            next.remove(0);
        }
        return new Decision(new State(base.plusNanos(interval), next, state.day(), state.usedToday() + 1,
                state.pausedUntil(), state.quotaExhaustedUntil()), Duration.ZERO);
    }

    /** The state with every caller paused until {@code until} (or later, if already). */
    public State paused(State s, Instant until) {
        return new State(s.nextSlot(), s.recent(), s.day(), s.usedToday(), max(s.pausedUntil(), until),
                s.quotaExhaustedUntil());
    }

    /** The state with the ERP's quota spent until {@code resetAt}. */
    public State quotaExhausted(State s, Instant resetAt) {
        return new State(s.nextSlot(), s.recent(), s.day(), s.usedToday(), s.pausedUntil(),
                max(s.quotaExhaustedUntil(), resetAt));
    }

    /** The state counted for the ERP day of {@code now}: a new day starts the count over. */
    public State rolled(State s, Instant now) {
        String today = now.atZone(zone).toLocalDate().toString();
        return today.equals(s.day()) ? s
                : new State(s.nextSlot(), s.recent(), today, 0, s.pausedUntil(), s.quotaExhaustedUntil());
    }

    /** When the ERP day after {@code now} begins. */
    public Instant nextReset(Instant now) {
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The usage the state shows at {@code now}. */
    public Usage usage(String accountId, State s, Instant now) {
        State state = rolled(s, now);
        return new Usage(accountId, state.usedToday(), dailyBudget, nextReset(now),
                now.isBefore(state.pausedUntil()) ? java.util.Optional.of(state.pausedUntil()) : java.util.Optional.empty(),
                now.isBefore(state.quotaExhaustedUntil()) ? java.util.Optional.of(state.quotaExhaustedUntil())
                        : java.util.Optional.empty());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
