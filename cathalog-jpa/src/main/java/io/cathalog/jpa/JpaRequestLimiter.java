package io.cathalog.jpa;

import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Sleeper;
import io.cathalog.core.http.Usage;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's {@link RequestLimiter} shared by every process that uses the database: each
 * permit is a short transaction that locks the account's row in {@code cathalog_rate_limit},
 * takes the next slot of the shared schedule (spacing at the target rate, at most
 * {@code windowRequests} in any window, the day's budget) and commits; the wait until the slot
 * happens outside any transaction. A pause after a 429 and a spent daily quota are seen by all.
 * Behaves like {@link io.cathalog.core.http.LocalRequestLimiter}, across processes.
 *
 * <p>Times come from the injected {@link Clock}: processes sharing an account need clocks in step
 * (NTP) to well within the spacing.
 */
public final class JpaRequestLimiter implements RequestLimiter {
    private final Db db;
    private final String accountId;
    private final long intervalNanos;
    private final int windowRequests;
    private final Duration window;
    private final long dailyBudget;
    private final ZoneId zone;
    private final Clock clock;
    private final Sleeper sleeper;

    private JpaRequestLimiter(Builder b) {
        this.db = new Db(b.transactions);
        this.accountId = b.accountId;
        this.intervalNanos = Math.round(1_000_000_000d / b.ratePerSecond);
        this.windowRequests = b.windowRequests;
        this.window = b.window.plus(b.windowMargin);
        this.dailyBudget = b.dailyBudget;
        this.zone = b.zone;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    public static Builder builder(JpaTransactions transactions, String accountId) {
        return new Builder(transactions, accountId);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public void acquire() throws InterruptedException {
        ensureRow();
        while (true) {
            Duration wait = db.run("pacing account " + accountId, em -> {
                RateLimitRow row = em.find(RateLimitRow.class, accountId, LockModeType.PESSIMISTIC_WRITE);
                return reserve(row, clock.instant());
            });
            if (wait.isZero()) {
                return;
            }
            sleeper.sleep(wait);
        }
    }

    /** Takes a permit (zero) or says how long to wait; throws when the day's budget is spent. */
    private Duration reserve(RateLimitRow row, Instant now) {
        roll(row, now);
        if (now.isBefore(row.quotaExhaustedUntil)) {
            throw new DailyQuotaExceededException(accountId, dailyBudget, row.usedToday, row.quotaExhaustedUntil, true);
        }
        if (row.usedToday >= dailyBudget) {
            throw new DailyQuotaExceededException(accountId, dailyBudget, row.usedToday, nextReset(now), false);
        }
        ArrayDeque<Instant> recent = recent(row.recent);
        Instant scheduled = max(row.nextSlot, row.pausedUntil);
        Instant earliest = scheduled;
        if (recent.size() >= windowRequests) {
            earliest = max(earliest, recent.peekFirst().plus(window));
        }
        if (now.isBefore(earliest)) {
            return Duration.between(now, earliest);
        }
        Instant base = scheduled.isBefore(now.minusNanos(intervalNanos)) ? now : scheduled;
        row.nextSlot = micros(base.plusNanos(intervalNanos));
        recent.addLast(micros(now));
        while (recent.size() > windowRequests) {
            recent.removeFirst();
        }
        row.recent = String.join(",", recent.stream().map(Instant::toString).toList());
        row.usedToday++;
        return Duration.ZERO;
    }

    @Override
    public void pause(Duration pause) {
        ensureRow();
        db.exec("pausing account " + accountId, em -> {
            RateLimitRow row = em.find(RateLimitRow.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            row.pausedUntil = max(row.pausedUntil, micros(clock.instant().plus(pause)));
        });
    }

    @Override
    public void quotaExhausted(Instant resetAt) {
        ensureRow();
        db.exec("recording the spent quota of account " + accountId, em -> {
            RateLimitRow row = em.find(RateLimitRow.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            row.quotaExhaustedUntil = max(row.quotaExhaustedUntil, micros(resetAt));
        });
    }

    @Override
    public Instant nextReset() {
        return nextReset(clock.instant());
    }

    private Instant nextReset(Instant now) {
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public Usage usage() {
        ensureRow();
        return db.run("reading the usage of account " + accountId, em -> {
            RateLimitRow row = em.find(RateLimitRow.class, accountId);
            Instant now = clock.instant();
            long used = day(now).equals(row.day) ? row.usedToday : 0;
            return new Usage(accountId, used, dailyBudget, nextReset(now),
                    now.isBefore(row.pausedUntil) ? Optional.of(row.pausedUntil) : Optional.empty(),
                    now.isBefore(row.quotaExhaustedUntil) ? Optional.of(row.quotaExhaustedUntil) : Optional.empty());
        });
    }

    private void roll(RateLimitRow row, Instant now) {
        String today = day(now);
        if (!today.equals(row.day)) {
            row.day = today;
            row.usedToday = 0;
        }
    }

    private String day(Instant now) {
        LocalDate d = now.atZone(zone).toLocalDate();
        return d.toString();
    }

    private static ArrayDeque<Instant> recent(String text) {
        ArrayDeque<Instant> out = new ArrayDeque<>();
        if (text != null && !text.isEmpty()) {
            for (String t : text.split(",")) {
                out.addLast(Instant.parse(t));
            }
        }
        return out;
    }

    /** The account's row, created on first use; two processes creating it at once: one insert loses, harmlessly. */
    private void ensureRow() {
        try {
            db.transactions().run(em -> {
                if (em.find(RateLimitRow.class, accountId) == null) {
                    RateLimitRow row = new RateLimitRow();
                    row.accountId = accountId;
                    row.nextSlot = Instant.EPOCH;
                    row.day = "";
                    row.usedToday = 0;
                    row.pausedUntil = Instant.EPOCH;
                    row.quotaExhaustedUntil = Instant.EPOCH;
                    row.recent = "";
                    em.persist(row);
                }
                return null;
            });
        } catch (PersistenceException raced) {
            db.run("creating the rate-limit row of " + accountId,
                    em -> Objects.requireNonNull(em.find(RateLimitRow.class, accountId), "rate-limit row"));
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "JpaRequestLimiter[" + accountId + ", " + (1_000_000_000d / intervalNanos) + "/s, budget " + dailyBudget
                + "/day]";
    }

    /** Settings, with the same defaults as the in-process limiter (Bling's). */
    public static final class Builder {
        private final JpaTransactions transactions;
        private final String accountId;
        private double ratePerSecond = 2.85;
        private int windowRequests = 3;
        private Duration window = Duration.ofSeconds(1);
        private Duration windowMargin = Duration.ofMillis(45);
        private long dailyBudget = 120_000;
        private ZoneId zone = ZoneId.of("America/Sao_Paulo");
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(JpaTransactions transactions, String accountId) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            if (accountId.isBlank() || accountId.length() > 200) {
                throw new IllegalArgumentException("an account id is 1 to 200 characters");
            }
        }

        public Builder ratePerSecond(double rate) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate must be positive, got " + rate);
            }
            this.ratePerSecond = rate;
            return this;
        }

        public Builder window(int requests, Duration length, Duration margin) {
            if (requests < 1 || requests > 50 || length.isNegative() || length.isZero() || margin.isNegative()) {
                throw new IllegalArgumentException("a window holds 1 to 50 requests over a positive time");
            }
            this.windowRequests = requests;
            this.window = length;
            this.windowMargin = margin;
            return this;
        }

        public Builder dailyBudget(long budget) {
            if (budget < 1) {
                throw new IllegalArgumentException("a daily budget is at least 1, got " + budget);
            }
            this.dailyBudget = budget;
            return this;
        }

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

        public JpaRequestLimiter build() {
            return new JpaRequestLimiter(this);
        }
    }
}
