package io.cathalog.jpa;

import io.cathalog.core.http.Pacing;
import io.cathalog.core.http.internal.Pacer;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Sleeper;
import io.cathalog.core.http.Usage;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The account's {@link RequestLimiter} shared by every process that uses the database: the same
 * {@link Pacing} rule as {@link io.cathalog.core.http.LocalRequestLimiter}, with its state in the
 * account's row of {@code cathalog_rate_limit}. Each permit is a short transaction that locks the
 * row, applies the rule and commits (closing a permit from {@link #acquirePermit()} is another); the wait until the slot happens outside any transaction. A
 * pause after a 429 and a spent daily quota are seen by all.
 *
 * <p>Times come from the injected {@link Clock}: processes sharing an account need clocks in step
 * (NTP) to well within the spacing.
 */
public final class JpaRequestLimiter implements RequestLimiter {
    private static final System.Logger LOG = System.getLogger(JpaRequestLimiter.class.getName());
    private final Db db;
    private final String accountId;
    private final Pacing pacing;
    private final Pacer pacer;
    private final Clock clock;
    private final Sleeper sleeper;

    private JpaRequestLimiter(Builder b) {
        this.db = new Db(b.transactions);
        this.accountId = b.accountId;
        this.pacing = b.pacing;
        this.pacer = new Pacer(b.pacing);
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    /**
     * Settings of the limiter of one account.
     *
     * @param transactions where the account's pacing row lives
     * @param accountId    the account, 1 to 200 characters
     * @param rule         the ERP's pacing rule (for Bling: {@code BlingPacing.standard()}); at most
     *                     50 requests in its window
     * @return a builder
     */
    public static Builder builder(JpaTransactions transactions, String accountId, Pacing rule) {
        return new Builder(transactions, accountId).pacing(rule);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public void acquire() throws InterruptedException {
        take(false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the permit is in flight in the account's row, seen by every process, until closed;
     * closing it is one short transaction on the row.
     */
    @Override
    public Permit acquirePermit() throws InterruptedException {
        return Pacer.permit(micros(take(true)), this::answered);
    }

    private void answered(Instant granted) {
        try {
            db.exec("recording the answer of a request of account " + accountId, em -> {
                RateLimitRow row = em.find(RateLimitRow.class, accountId, LockModeType.PESSIMISTIC_WRITE);
                store(row, pacer.answered(state(row), granted, clock.instant()));
            });
        } catch (RuntimeException e) {
            // The request's answer is here and must reach its caller (a write may have been
            // applied); the permit then counts as in flight until its maxInFlight, which is safe.
            LOG.log(System.Logger.Level.WARNING, "could not record the answer of a request of account "
                    + accountId + "; its permit expires after " + pacing.maxInFlight(), e);
        }
    }

    private Instant take(boolean tracked) throws InterruptedException {
        ensureRow();
        while (true) {
            Pacer.Decision d = db.run("pacing account " + accountId, em -> {
                RateLimitRow row = em.find(RateLimitRow.class, accountId, LockModeType.PESSIMISTIC_WRITE);
                Pacer.Decision decision = pacer.reserve(accountId, state(row), clock.instant(), tracked);
                store(row, decision.state());
                return decision;
            });
            if (d.granted()) {
                return d.grantedAt();
            }
            sleeper.sleep(d.delay());
        }
    }

    @Override
    public void pause(Duration pause) {
        ensureRow();
        db.exec("pausing account " + accountId, em -> {
            RateLimitRow row = em.find(RateLimitRow.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            store(row, pacer.paused(state(row), clock.instant().plus(pause)));
        });
    }

    @Override
    public void quotaExhausted(Instant resetAt) {
        ensureRow();
        db.exec("recording the spent quota of account " + accountId, em -> {
            RateLimitRow row = em.find(RateLimitRow.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            store(row, pacer.quotaExhausted(state(row), resetAt));
        });
    }

    @Override
    public Instant nextReset() {
        return pacer.nextReset(clock.instant());
    }

    @Override
    public Usage usage() {
        // One read, no row created: a dashboard over hundreds of accounts calls this for each.
        return db.run("reading the usage of account " + accountId, em -> {
            RateLimitRow row = em.find(RateLimitRow.class, accountId);
            return pacer.usage(accountId, row == null ? Pacer.State.initial() : state(row), clock.instant());
        });
    }

    /** In the row's list of times, a request in flight is its grant time after this mark; rows written before it had none. */
    private static final String IN_FLIGHT = "~";

    private static Pacer.State state(RateLimitRow row) {
        List<Instant> recent = new ArrayList<>();
        List<Instant> inFlight = new ArrayList<>();
        if (!row.recent.isEmpty()) {
            for (String t : row.recent.split(",")) {
                if (t.startsWith(IN_FLIGHT)) {
                    inFlight.add(Instant.parse(t.substring(IN_FLIGHT.length())));
                } else {
                    recent.add(Instant.parse(t));
                }
            }
        }
        return new Pacer.State(row.nextSlot, recent, row.day, row.usedToday, row.pausedUntil, row.quotaExhaustedUntil,
                inFlight);
    }

    /**
     * Times to the microsecond: what the timestamp(6) columns keep, so what is read is what was
     * written. The list of times holds at most {@code windowRequests} counted and as many in flight
     * (a permit needs fewer than that in both): 100 times of 28 characters fit the column's 4000.
     */
    private static void store(RateLimitRow row, Pacer.State s) {
        row.nextSlot = micros(s.nextSlot());
        List<String> times = new ArrayList<>();
        s.recent().forEach(t -> times.add(micros(t).toString()));
        s.inFlight().forEach(t -> times.add(IN_FLIGHT + micros(t)));
        row.recent = String.join(",", times);
        row.day = s.day();
        row.usedToday = s.usedToday();
        row.pausedUntil = micros(s.pausedUntil());
        row.quotaExhaustedUntil = micros(s.quotaExhaustedUntil());
    }

    /** The account's row, created on first use; two processes creating it at once: one insert loses, harmlessly. */
    private void ensureRow() {
        try {
            db.transactions().run(em -> {
                if (em.find(RateLimitRow.class, accountId) == null) {
                    RateLimitRow row = new RateLimitRow();
                    row.accountId = accountId;
                    store(row, Pacer.State.initial());
                    em.persist(row);
                }
                return null;
            });
        } catch (PersistenceException raced) {
            db.run("creating the rate-limit row of " + accountId,
                    em -> Objects.requireNonNull(em.find(RateLimitRow.class, accountId), "rate-limit row"));
        }
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "JpaRequestLimiter[" + accountId + ", " + pacing.ratePerSecond() + "/s, budget " + pacing.dailyBudget()
                + "/day]";
    }

    /** Settings: the pacing rule, the clock (default the system's) and how to wait. */
    public static final class Builder {
        private final JpaTransactions transactions;
        private final String accountId;
        private Pacing pacing;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(JpaTransactions transactions, String accountId) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            if (accountId.isBlank() || accountId.length() > 200) {
                throw new IllegalArgumentException("an account id is 1 to 200 characters");
            }
        }

        /**
         * Replaces the pacing rule.
         *
         * @param rule at most 50 requests in its window (the row keeps that many permit times)
         * @return this builder
         */
        public Builder pacing(Pacing rule) {
            Objects.requireNonNull(rule, "rule");
            if (rule.windowRequests() > 50) {
                throw new IllegalArgumentException("the row keeps at most 50 recent permits");
            }
            this.pacing = rule;
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
         * How a thread waits for its permit.
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
         * @return a limiter over the account's row
         */
        public JpaRequestLimiter build() {
            return new JpaRequestLimiter(this);
        }
    }
}
