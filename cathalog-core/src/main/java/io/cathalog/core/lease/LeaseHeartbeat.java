package io.cathalog.core.lease;

import io.cathalog.core.LeaseLostException;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps a held lease alive while a run goes on: renews it every fraction of its time to live on a
 * shared timer (one {@link ScheduledExecutorService} serves every account of an instance), and
 * reports its loss once, through a callback and a flag the run polls between two changes.
 *
 * <p>The lease counts as lost when a renewal finds it lost ({@link LeaseLock#extend}), and also as
 * soon as the {@link Clock} passes its expiry without a renewal: a process paused (or cut off from
 * the database) past its lease learns it on its first look at the clock, before any renewal runs.
 * A renewal that fails for another reason (the database briefly unreachable) is retried on the next
 * beat. Closing the heartbeat stops the renewals; it does not release the lease.
 *
 * <pre>{@code
 * LeaseHeartbeat heartbeat = LeaseHeartbeat.builder(leases, lease, ttl).clock(clock)
 *         .onLost(lost -> control.leaseLost(lost)).start(timer);
 * try (heartbeat) {
 *     for (Change c : plan) { heartbeat.check(); apply(c); }
 * } finally {
 *     leases.release(heartbeat.lease());
 * }
 * }</pre>
 */
public final class LeaseHeartbeat implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LeaseHeartbeat.class.getName());

    private final LeaseLock lock;
    private final Duration ttl;
    private final Duration every;
    private final Clock clock;
    private final Consumer<LeaseLostException> onLost;
    private final AtomicReference<Lease> lease;
    private final AtomicReference<LeaseLostException> lost = new AtomicReference<>();
    private volatile ScheduledFuture<?> schedule;

    private LeaseHeartbeat(Builder b) {
        this.lock = b.lock;
        this.ttl = b.ttl;
        this.every = b.every != null ? b.every : b.ttl.dividedBy(3);
        this.clock = b.clock;
        this.onLost = b.onLost;
        this.lease = new AtomicReference<>(b.lease);
    }

    /**
     * A heartbeat for {@code lease}, renewed to {@code ttl} from the time of each renewal.
     *
     * @param lock  the lock that granted the lease
     * @param lease the held lease
     * @param ttl   the time to live each renewal gives; positive
     * @return a builder to set the cadence, clock and loss callback
     * @throws IllegalArgumentException when {@code ttl} is not positive
     */
    public static Builder builder(LeaseLock lock, Lease lease, Duration ttl) {
        return new Builder(lock, lease, ttl);
    }

    /**
     * The lease as last renewed (its expiry moves with each renewal; name, owner and fence do not).
     *
     * @return the lease with its latest expiry
     */
    public Lease lease() {
        return lease.get();
    }

    /**
     * How often the schedule renews.
     *
     * @return the period between renewals, below the time to live
     */
    public Duration every() {
        return every;
    }

    /**
     * Renews the lease now (what the schedule calls; a run may also call it before a long step).
     *
     * @return true when renewed; false when it was lost (now or before) or the renewal failed and
     *         will be tried again
     */
    public boolean beat() {
        if (isLost()) {
            return false;
        }
        Lease held = lease.get();
        try {
            lease.set(lock.extend(held, ttl));
            return true;
        } catch (LeaseLostException e) {
            markLost(e);
            return false;
        } catch (RuntimeException e) {
            // The lease may still be ours: try again on the next beat; the clock says when it is too late.
            LOG.log(Level.WARNING, "renewing lease " + held.name() + " failed; trying again in " + every, e);
            return false;
        }
    }

    /**
     * Whether the lease is lost: a renewal found it lost, or the clock passed its expiry unrenewed.
     *
     * @return true once lost; it stays lost
     */
    public boolean isLost() {
        if (lost.get() != null) {
            return true;
        }
        Lease held = lease.get();
        Instant now = clock.instant();
        if (!now.isBefore(held.expiresAt())) {
            markLost(new LeaseLostException(held.name(), held.owner(), held.fence(),
                    "not renewed before it lapsed at " + held.expiresAt()));
            return true;
        }
        return false;
    }

    /**
     * Why the lease was lost, if it was.
     *
     * @return the loss, or empty while the lease is held
     */
    public Optional<LeaseLostException> loss() {
        isLost();
        return Optional.ofNullable(lost.get());
    }

    /**
     * For a run's change boundary: returns when the lease is held.
     *
     * @throws LeaseLostException when it is lost
     */
    public void check() {
        if (isLost()) {
            throw lost.get();
        }
    }

    /** Stops the renewals (the lease is not released: the run does that). */
    @Override
    public void close() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }

    private void markLost(LeaseLostException e) {
        if (lost.compareAndSet(null, e)) {
            close();
            LOG.log(Level.WARNING, e.getMessage());
            try {
                onLost.accept(e);
            } catch (RuntimeException listenerFailed) {
                LOG.log(Level.WARNING, "the lease-lost callback failed; ignored", listenerFailed);
            }
        }
    }

    private void scheduledBeat() {
        try {
            beat();
        } catch (RuntimeException | Error e) {
            // beat() handles the lock's failures; this keeps the timer's other tasks alive whatever happens.
            LOG.log(Level.ERROR, "lease heartbeat failed", e);
        }
    }

    @Override
    public String toString() {
        Lease held = lease.get();
        return "LeaseHeartbeat[" + held.name() + ", fence " + held.fence() + ", every " + every
                + (lost.get() != null ? ", lost" : "") + "]";
    }

    /** Settings of a {@link LeaseHeartbeat}. */
    public static final class Builder {
        private final LeaseLock lock;
        private final Lease lease;
        private final Duration ttl;
        private Duration every;
        private Clock clock = Clock.systemUTC();
        private Consumer<LeaseLostException> onLost = e -> { };

        private Builder(LeaseLock lock, Lease lease, Duration ttl) {
            this.lock = Objects.requireNonNull(lock, "lock");
            this.lease = Objects.requireNonNull(lease, "lease");
            this.ttl = positive(ttl, "ttl");
        }

        /**
         * How often to renew; below the time to live. Default: a third of it, so two beats may fail before it lapses.
         *
         * @param every the period between renewals; positive and below the time to live
         * @return this builder
         * @throws IllegalArgumentException when {@code every} is not positive or not below the time to live
         */
        public Builder every(Duration every) {
            positive(every, "every");
            if (every.compareTo(ttl) >= 0) {
                throw new IllegalArgumentException("a heartbeat renews more often than its time to live (" + ttl
                        + "), got every " + every);
            }
            this.every = every;
            return this;
        }

        /**
         * The clock the lease's expiry is read against; the lock's own clock. Default: system UTC.
         *
         * @param clock the lock's clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Called once, on whichever thread finds the lease lost (the timer's, or a run's polling it).
         *
         * @param onLost receives why the lease was lost; it should not block
         * @return this builder
         */
        public Builder onLost(Consumer<LeaseLostException> onLost) {
            this.onLost = Objects.requireNonNull(onLost, "onLost");
            return this;
        }

        /**
         * A heartbeat that renews only when {@link LeaseHeartbeat#beat()} is called.
         *
         * @return the heartbeat, not scheduled
         */
        public LeaseHeartbeat build() {
            return new LeaseHeartbeat(this);
        }

        /**
         * A heartbeat renewing on {@code timer} every {@link LeaseHeartbeat#every()}, from now.
         *
         * @param timer the executor the renewals run on; the caller owns and shuts it down
         * @return the heartbeat, scheduled
         */
        public LeaseHeartbeat start(ScheduledExecutorService timer) {
            Objects.requireNonNull(timer, "timer");
            LeaseHeartbeat h = new LeaseHeartbeat(this);
            long period = Math.max(1, h.every.toMillis());
            h.schedule = timer.scheduleWithFixedDelay(h::scheduledBeat, period, period, TimeUnit.MILLISECONDS);
            return h;
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
