package io.cathalog.jpa;

import io.cathalog.core.lease.Lease;
import io.cathalog.core.lease.LeaseHeartbeat;
import io.cathalog.core.lease.LeaseLock;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work for an account only while holding its lease ({@code sync:<account>}), so that several
 * instances never sync one account at once. When another instance holds it, {@link WhenBusy#SKIP}
 * returns at once and {@link WhenBusy#WAIT} polls (outside any transaction) up to a limit. A dead
 * holder's lease lapses after its time to live. Without a timer, choose it above the longest run;
 * with one ({@link Builder#renewOn}), a {@link LeaseHeartbeat} renews the lease while the work runs,
 * and the work sees it ({@link #runHeld}): its fence for fenced state writes, and whether the lease
 * was lost.
 *
 * <pre>{@code
 * RunLease runs = RunLease.builder(new JpaLeaseLock(tx, Clock.systemUTC())).ttl(Duration.ofMinutes(2))
 *         .renewOn(timer, Clock.systemUTC()).build();
 * Optional<ApplyReport> report = runs.runHeld(account, held -> {   // empty: another instance ran it
 *     SyncStateStore fenced = state.fenced(account, held.lease().fence());
 *     return syncOver(fenced);                                       // the host's engine over the fenced state
 * });
 * }</pre>
 */
public final class RunLease {
    /** What to do when another instance holds the account's lease. */
    public enum WhenBusy {
        /** Give up at once: the run is skipped, as another instance is doing it. */
        SKIP,
        /** Wait for the lease, polling, up to the builder's limit. */
        WAIT
    }

    private final LeaseLock lock;
    private final String owner;
    private final Duration ttl;
    private final WhenBusy whenBusy;
    private final Duration maxWait;
    private final Duration pollEvery;
    private final Optional<ScheduledExecutorService> timer;
    private final Clock clock;

    private RunLease(Builder b) {
        this.lock = b.lock;
        this.owner = b.owner + "/" + UUID.randomUUID();
        this.ttl = b.ttl;
        this.whenBusy = b.whenBusy;
        this.maxWait = b.maxWait;
        this.pollEvery = b.pollEvery;
        this.timer = b.timer;
        this.clock = b.clock;
    }

    /**
     * Settings over {@code lock}, the lock every instance shares.
     *
     * @param lock the shared lease lock, e.g. a {@code JpaLeaseLock}
     * @return a new builder
     */
    public static Builder builder(LeaseLock lock) {
        return new Builder(lock);
    }

    /**
     * The lease name of an account's runs.
     *
     * @param accountId the host's account id
     * @return {@code sync:} and the account id
     */
    public static String leaseName(String accountId) {
        return "sync:" + accountId;
    }

    /**
     * Runs {@code work} holding the account's lease, and releases it after.
     *
     * @param <T>       what the work returns
     * @param accountId the account to run for
     * @param work      the run
     * @return the work's result, or empty when another instance held the lease (skipped, or
     *         waited longer than the limit)
     * @throws InterruptedException if the thread was interrupted while waiting for the lease
     */
    public <T> Optional<T> run(String accountId, Supplier<T> work) throws InterruptedException {
        Objects.requireNonNull(work, "work");
        return runHeld(accountId, held -> work.get());
    }

    /**
     * Runs {@code work} holding the account's lease, renewed all along when a timer was given, and
     * releases it after. The work gets the lease's heartbeat: {@code lease().fence()} for
     * {@code SyncStateStore.fenced}, and {@code check()} or {@code isLost()} between two steps.
     *
     * @param <T>       what the work returns
     * @param accountId the account to run for
     * @param work      the run, given the lease's heartbeat
     * @return the work's result, or empty when another instance held the lease (skipped, or
     *         waited longer than the limit)
     * @throws InterruptedException if the thread was interrupted while waiting for the lease
     */
    public <T> Optional<T> runHeld(String accountId, Function<LeaseHeartbeat, T> work) throws InterruptedException {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(work, "work");
        String name = leaseName(accountId);
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<Lease> lease = lock.tryAcquire(name, owner, ttl);
        while (lease.isEmpty() && whenBusy == WhenBusy.WAIT && System.nanoTime() - deadline < 0) {
            Thread.sleep(pollEvery.toMillis());
            lease = lock.tryAcquire(name, owner, ttl);
        }
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        LeaseHeartbeat.Builder beats = LeaseHeartbeat.builder(lock, lease.get(), ttl).clock(clock);
        LeaseHeartbeat heartbeat = timer.isPresent() ? beats.start(timer.get()) : beats.build();
        try {
            return Optional.of(work.apply(heartbeat));
        } finally {
            heartbeat.close();
            lock.release(heartbeat.lease());
        }
    }

    /** Settings of a {@link RunLease}. */
    public static final class Builder {
        private final LeaseLock lock;
        private String owner = "cathalog";
        private Duration ttl = Duration.ofMinutes(30);
        private WhenBusy whenBusy = WhenBusy.SKIP;
        private Duration maxWait = Duration.ofMinutes(5);
        private Duration pollEvery = Duration.ofSeconds(1);
        private Optional<ScheduledExecutorService> timer = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder(LeaseLock lock) {
            this.lock = Objects.requireNonNull(lock, "lock");
        }

        /**
         * A label for this instance (a random part is added); default "cathalog".
         *
         * @param owner the label, e.g. the host name; 1 to 150 characters
         * @return this builder
         * @throws IllegalArgumentException if the label is blank or longer than 150 characters
         */
        public Builder owner(String owner) {
            Objects.requireNonNull(owner, "owner");
            if (owner.isBlank() || owner.length() > 150) {
                throw new IllegalArgumentException("an owner label is 1 to 150 characters");
            }
            this.owner = owner;
            return this;
        }

        /**
         * How long a lease lasts if its holder dies (between renewals, with {@link #renewOn}); default 30 minutes.
         *
         * @param ttl the lease's time to live; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is not positive
         */
        public Builder ttl(Duration ttl) {
            this.ttl = positive(ttl, "ttl");
            return this;
        }

        /**
         * Skip (default) or wait when the account is busy.
         *
         * @param whenBusy what to do when another instance holds the lease
         * @return this builder
         */
        public Builder whenBusy(WhenBusy whenBusy) {
            this.whenBusy = Objects.requireNonNull(whenBusy, "whenBusy");
            return this;
        }

        /**
         * Wait when the account is busy ({@link WhenBusy#WAIT}): at most {@code maxWait}, trying every
         * {@code pollEvery}.
         *
         * @param maxWait   the longest wait; positive
         * @param pollEvery how often to try the lease again; positive
         * @return this builder
         * @throws IllegalArgumentException if a duration is not positive
         */
        public Builder waiting(Duration maxWait, Duration pollEvery) {
            this.whenBusy = WhenBusy.WAIT;
            this.maxWait = positive(maxWait, "maxWait");
            this.pollEvery = positive(pollEvery, "pollEvery");
            return this;
        }

        /**
         * Renews each run's lease on {@code timer} (shared by all accounts) every third of its time
         * to live, so the time to live need not exceed the longest run; {@code clock} is the lock's.
         *
         * @param timer the executor renewals run on
         * @param clock the lock's clock
         * @return this builder
         */
        public Builder renewOn(ScheduledExecutorService timer, Clock clock) {
            this.timer = Optional.of(Objects.requireNonNull(timer, "timer"));
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The runner.
         *
         * @return a runner over the builder's lock
         */
        public RunLease build() {
            return new RunLease(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
