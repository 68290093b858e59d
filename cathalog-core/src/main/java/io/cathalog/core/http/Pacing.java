package io.cathalog.core.http;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The pacing rule of an account's requests: requests spaced evenly at a target rate, never more
 * than {@code windowRequests} in any window (checked on the actual permit times, so a late thread
 * cannot bunch requests up; a permit from {@link RequestLimiter#acquirePermit()} counts from its
 * grant until its answer and then at its answer, so that no delay between permit and arrival can
 * bunch them at the ERP either), a daily budget counted in the ERP's time zone; every limiter also
 * pauses after a 429 and a spent remote quota. Limiters keep their state where they need it — in
 * memory ({@link LocalRequestLimiter}), in a database row (the JPA module's) — and all pace alike.
 * Immutable.
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
 * @param maxInFlight    how long a permit taken with {@link RequestLimiter#acquirePermit()} and never
 *                       closed (a crashed process, a caller that forgot) counts as in flight; it then
 *                       counts as answered at its grant plus this. Keep it longer than the transport's
 *                       request time-out (30 s by default), so that a slow answer is never dropped
 *                       from the window before it arrives
 */
public record Pacing(double ratePerSecond, int windowRequests, Duration window, long dailyBudget, ZoneId zone,
                     Duration maxInFlight) {

    /** The default of {@link #maxInFlight()}: twice the transport's default request time-out of 30 s. */
    public static final Duration DEFAULT_MAX_IN_FLIGHT = Duration.ofSeconds(60);

    /**
     * A rule whose never-closed permits expire after {@link #DEFAULT_MAX_IN_FLIGHT}.
     *
     * @param ratePerSecond  the target rate
     * @param windowRequests at most this many permits in any {@code window}
     * @param window         the ERP's window plus a margin for the time between a permit and the
     *                       request's arrival
     * @param dailyBudget    the most permits in a day
     * @param zone           where the ERP's day begins
     * @throws IllegalArgumentException a non-positive rate, window or budget
     */
    public Pacing(double ratePerSecond, int windowRequests, Duration window, long dailyBudget, ZoneId zone) {
        this(ratePerSecond, windowRequests, window, dailyBudget, zone, DEFAULT_MAX_IN_FLIGHT);
    }

    /**
     * Checks the rule.
     *
     * @param ratePerSecond  the target rate
     * @param windowRequests at most this many permits in any {@code window}
     * @param window         the ERP's window plus a margin for the time between a permit and the
     *                       request's arrival
     * @param dailyBudget    the most permits in a day
     * @param zone           where the ERP's day begins
     * @param maxInFlight    how long a never-closed permit counts as in flight, positive
     * @throws IllegalArgumentException a non-positive rate, window, budget or in-flight time
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
        Objects.requireNonNull(maxInFlight, "maxInFlight");
        if (maxInFlight.isNegative() || maxInFlight.isZero()) {
            throw new IllegalArgumentException("a permit's time in flight is positive, got " + maxInFlight);
        }
    }

    /**
     * This rule at another target rate.
     *
     * @param rate requests a second, positive
     * @return the new rule
     */
    public Pacing withRate(double rate) {
        return new Pacing(rate, windowRequests, window, dailyBudget, zone, maxInFlight);
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
        return new Pacing(ratePerSecond, requests, length.plus(margin), dailyBudget, zone, maxInFlight);
    }

    /**
     * This rule with another daily budget.
     *
     * @param budget the most permits in a day, at least 1
     * @return the new rule
     */
    public Pacing withDailyBudget(long budget) {
        return new Pacing(ratePerSecond, windowRequests, window, budget, zone, maxInFlight);
    }

    /**
     * This rule with the ERP's day beginning in another zone.
     *
     * @param z the zone
     * @return the new rule
     */
    public Pacing withZone(ZoneId z) {
        return new Pacing(ratePerSecond, windowRequests, window, dailyBudget, z, maxInFlight);
    }

    /**
     * This rule with another limit on a permit's time in flight.
     *
     * @param max how long a permit never closed counts as in flight, positive; longer than the
     *            transport's request time-out
     * @return the new rule
     */
    public Pacing withMaxInFlight(Duration max) {
        return new Pacing(ratePerSecond, windowRequests, window, dailyBudget, zone, max);
    }
}
