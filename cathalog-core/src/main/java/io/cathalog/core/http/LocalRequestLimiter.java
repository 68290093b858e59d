package io.cathalog.core.http;

import io.cathalog.core.DailyQuotaExceededException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-process {@link RequestLimiter}: requests spaced evenly at a target rate (default 2.85 a
 * second, 95% of Bling's 3), never a burst; a sliding-window guard on the actual send times so
 * that late threads cannot bunch up past the ERP's per-second window; a per-day budget counted in
 * the ERP's time zone.
 *
 * <pre>{@code
 * RequestLimiter limiter = LocalRequestLimiter.builder("acme").build();   // share it per account
 * }</pre>
 */
public final class LocalRequestLimiter implements RequestLimiter {

    private final String accountId;
    private final long intervalNanos;
    private final int windowRequests;
    private final Duration window;
    private final long dailyBudget;
    private final ZoneId zone;
    private final Clock clock;
    private final Sleeper sleeper;

    // Guarded by this.
    private Instant nextSlot = Instant.MIN;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();
    private LocalDate day;
    private long usedToday;
    private Instant pausedUntil = Instant.MIN;
    private Instant quotaExhaustedUntil = Instant.MIN;

    private LocalRequestLimiter(Builder b) {
        this.accountId = b.accountId;
        this.intervalNanos = Math.round(1_000_000_000d / b.ratePerSecond);
        this.windowRequests = b.windowRequests;
        this.window = b.window.plus(b.windowMargin);
        this.dailyBudget = b.dailyBudget;
        this.zone = b.zone;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    public static Builder builder(String accountId) {
        return new Builder(accountId);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            Duration wait = tryReserve();
            if (wait.isZero()) {
                return;
            }
            sleeper.sleep(wait);
        }
    }

    /** Takes a permit and returns zero, or returns how long to wait before trying again. */
    private synchronized Duration tryReserve() {
        Instant now = clock.instant();
        rollDay(now);
        if (now.isBefore(quotaExhaustedUntil)) {
            throw new DailyQuotaExceededException(accountId, dailyBudget, usedToday, quotaExhaustedUntil, true);
        }
        if (usedToday >= dailyBudget) {
            throw new DailyQuotaExceededException(accountId, dailyBudget, usedToday, nextReset(now), false);
        }
        Instant scheduled = max(nextSlot, pausedUntil);
        Instant earliest = scheduled;
        if (recent.size() >= windowRequests) {
            earliest = max(earliest, recent.peekFirst().plus(window));
        }
        if (now.isBefore(earliest)) {
            return Duration.between(now, earliest);
        }
        // Keep the schedule's cadence when a thread is a little late (so lateness does not slow
        // everyone), start a new one after idle time; the window guard above works on actual times.
        Instant base = scheduled.isBefore(now.minusNanos(intervalNanos)) ? now : scheduled;
        nextSlot = base.plusNanos(intervalNanos);
        recent.addLast(now);
        while (recent.size() > windowRequests) {
            recent.removeFirst();
        }
        usedToday++;
        return Duration.ZERO;
    }

    @Override
    public synchronized void pause(Duration pause) {
        Instant until = clock.instant().plus(pause);
        pausedUntil = max(pausedUntil, until);
    }

    @Override
    public synchronized void quotaExhausted(Instant resetAt) {
        quotaExhaustedUntil = max(quotaExhaustedUntil, resetAt);
    }

    @Override
    public synchronized Instant nextReset() {
        return nextReset(clock.instant());
    }

    private Instant nextReset(Instant now) {
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public synchronized Usage usage() {
        Instant now = clock.instant();
        rollDay(now);
        return new Usage(accountId, usedToday, dailyBudget, nextReset(now),
                now.isBefore(pausedUntil) ? Optional.of(pausedUntil) : Optional.empty(),
                now.isBefore(quotaExhaustedUntil) ? Optional.of(quotaExhaustedUntil) : Optional.empty());
    }

    private void rollDay(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            usedToday = 0;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public String toString() {
        return "LocalRequestLimiter[" + accountId + ", " + (1_000_000_000d / intervalNanos) + "/s, budget "
                + dailyBudget + "/day]";
    }

    /** Settings of a limiter; every one has a default fit for Bling. */
    public static final class Builder {
        private final String accountId;
        private double ratePerSecond = 2.85;
        private int windowRequests = 3;
        private Duration window = Duration.ofSeconds(1);
        private Duration windowMargin = Duration.ofMillis(45);
        private long dailyBudget = 120_000;
        private ZoneId zone = ZoneId.of("America/Sao_Paulo");
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            if (accountId.isBlank()) {
                throw new IllegalArgumentException("accountId must not be blank");
            }
        }

        /** Requests per second to aim for; default 2.85 (95% of Bling's 3). */
        public Builder ratePerSecond(double rate) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate must be positive, got " + rate);
            }
            this.ratePerSecond = rate;
            return this;
        }

        /**
         * The ERP's own window: at most {@code requests} in any {@code window} (Bling: 3 in 1 s),
         * kept with {@code margin} to spare for the time between a permit and the request's arrival.
         */
        public Builder window(int requests, Duration window, Duration margin) {
            if (requests < 1 || window.isNegative() || window.isZero() || margin.isNegative()) {
                throw new IllegalArgumentException("a window needs at least one request and a positive length");
            }
            this.windowRequests = requests;
            this.window = window;
            this.windowMargin = margin;
            return this;
        }

        /** The most requests a day; default 120 000 (Bling's quota). Lower it to leave room for others. */
        public Builder dailyBudget(long budget) {
            if (budget < 1) {
                throw new IllegalArgumentException("a daily budget is at least 1, got " + budget);
            }
            this.dailyBudget = budget;
            return this;
        }

        /** Where the ERP's day begins; default America/Sao_Paulo. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public LocalRequestLimiter build() {
            return new LocalRequestLimiter(this);
        }
    }
}
