package io.cathalog.core.http;

import io.cathalog.core.http.internal.Pacer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The in-process {@link RequestLimiter}: the {@link Pacing} rule (requests spaced evenly at a
 * target rate, never a burst; a window on the actual permit times, or on the answer times of
 * permits from {@link #acquirePermit()}; a daily budget in the ERP's time zone) with its state in
 * this object's memory.
 *
 * <pre>{@code
 * RequestLimiter limiter = LocalRequestLimiter.builder("acme", BlingPacing.standard()).build(); // one per account
 * }</pre>
 */
public final class LocalRequestLimiter implements RequestLimiter {

    private final String accountId;
    private final Pacing pacing;
    private final Pacer pacer;
    private final Clock clock;
    private final Sleeper sleeper;

    // Guarded by this.
    private Pacer.State state = Pacer.State.initial();

    private LocalRequestLimiter(Builder b) {
        this.accountId = b.accountId;
        this.pacing = b.pacing;
        this.pacer = new Pacer(b.pacing);
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    /**
     * Settings of a limiter for one account.
     *
     * @param accountId the account whose requests it paces, not blank
     * @param rule      the ERP's pacing rule (for Bling: {@code BlingPacing.standard()}), which the
     *                  builder's methods may tune
     * @return a builder
     */
    public static Builder builder(String accountId, Pacing rule) {
        return new Builder(accountId, rule);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    /**
     * The rule this limiter paces by.
     *
     * @return the rule it was built with
     */
    public Pacing pacing() {
        return pacing;
    }

    @Override
    public void acquire() throws InterruptedException {
        take(false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the permit is in flight, in this object's memory, until closed.
     */
    @Override
    public Permit acquirePermit() throws InterruptedException {
        return Pacer.permit(take(true), this::answered);
    }

    private Instant take(boolean tracked) throws InterruptedException {
        while (true) {
            Pacer.Decision d = tryReserve(tracked);
            if (d.granted()) {
                return d.grantedAt();
            }
            sleeper.sleep(d.delay());
        }
    }

    /** Takes a permit, or says how long to wait before trying again. */
    private synchronized Pacer.Decision tryReserve(boolean tracked) {
        Pacer.Decision d = pacer.reserve(accountId, state, clock.instant(), tracked);
        state = d.state();
        return d;
    }

    private synchronized void answered(Instant granted) {
        state = pacer.answered(state, granted, clock.instant());
    }

    @Override
    public synchronized void pause(Duration pause) {
        state = pacer.paused(state, clock.instant().plus(pause));
    }

    @Override
    public synchronized void quotaExhausted(Instant resetAt) {
        state = pacer.quotaExhausted(state, resetAt);
    }

    @Override
    public Instant nextReset() {
        return pacer.nextReset(clock.instant());
    }

    @Override
    public synchronized Usage usage() {
        return pacer.usage(accountId, state, clock.instant());
    }

    @Override
    public String toString() {
        return "LocalRequestLimiter[" + accountId + ", " + pacing.ratePerSecond() + "/s, budget "
                + pacing.dailyBudget() + "/day]";
    }

    /** Settings of a limiter: the rule it was given, tuned by these methods; the system clock. */
    public static final class Builder {
        private final String accountId;
        private Pacing pacing;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(String accountId, Pacing rule) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            if (accountId.isBlank()) {
                throw new IllegalArgumentException("accountId must not be blank");
            }
            this.pacing = Objects.requireNonNull(rule, "rule");
        }

        /**
         * Replaces the whole pacing rule.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder pacing(Pacing rule) {
            this.pacing = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Requests per second to aim for.
         *
         * @param rate positive
         * @return this builder
         */
        public Builder ratePerSecond(double rate) {
            this.pacing = pacing.withRate(rate);
            return this;
        }

        /**
         * The ERP's own window: at most {@code requests} in any {@code window} (Bling: 3 in 1 s),
         * kept with {@code margin} to spare for the time between a permit and the request's arrival.
         * The limiter keeps the last {@code requests} permit times and copies them on every permit,
         * so a window of thousands of requests costs that much per request.
         *
         * @param requests at least one
         * @param window   the ERP's window
         * @param margin   added to the window
         * @return this builder
         */
        public Builder window(int requests, Duration window, Duration margin) {
            this.pacing = pacing.withWindow(requests, window, margin);
            return this;
        }

        /**
         * The most requests a day. Lower the ERP's quota to leave room for other programs.
         *
         * @param budget at least 1
         * @return this builder
         */
        public Builder dailyBudget(long budget) {
            this.pacing = pacing.withDailyBudget(budget);
            return this;
        }

        /**
         * Where the ERP's day begins.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.pacing = pacing.withZone(zone);
            return this;
        }

        /**
         * The clock permits are timed by.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How a thread waits for its permit (a test advances a fake clock instead).
         *
         * @param sleeper the waiting
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The limiter.
         *
         * @return a new limiter with fresh state
         */
        public LocalRequestLimiter build() {
            return new LocalRequestLimiter(this);
        }
    }
}
