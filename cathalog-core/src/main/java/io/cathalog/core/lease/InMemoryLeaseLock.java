package io.cathalog.core.lease;

import io.cathalog.core.LeaseLostException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link LeaseLock} within one process: for tests, and hosts that run a single instance. */
public final class InMemoryLeaseLock implements LeaseLock {
    private final Clock clock;
    private final Map<String, Lease> leases = new HashMap<>();
    private final Map<String, Long> fences = new HashMap<>();

    /**
     * A lock whose leases lapse by {@code clock}.
     *
     * @param clock the clock expiries are read against
     */
    public InMemoryLeaseLock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        checkTtl(ttl);
        Instant now = clock.instant();
        Lease current = leases.get(name);
        if (current != null && current.expiresAt().isAfter(now) && !current.owner().equals(owner)) {
            return Optional.empty();
        }
        long fence = current != null && current.owner().equals(owner) && current.expiresAt().isAfter(now)
                ? current.fence() : fences.merge(name, 1L, Long::sum);
        Lease lease = new Lease(name, owner, now.plus(ttl), fence);
        leases.put(name, lease);
        return Optional.of(lease);
    }

    @Override
    public synchronized Lease extend(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        checkTtl(ttl);
        Lease current = leases.get(lease.name());
        Instant now = clock.instant();
        if (current == null || current.fence() != lease.fence() || !current.owner().equals(lease.owner())) {
            throw new LeaseLostException(lease.name(), lease.owner(), lease.fence(), "released, or taken by another");
        }
        if (!current.expiresAt().isAfter(now)) {
            throw new LeaseLostException(lease.name(), lease.owner(), lease.fence(), "lapsed at " + current.expiresAt());
        }
        Lease renewed = new Lease(lease.name(), lease.owner(), now.plus(ttl), lease.fence());
        leases.put(lease.name(), renewed);
        return renewed;
    }

    @Override
    public synchronized void release(Lease lease) {
        Lease current = leases.get(lease.name());
        if (current != null && current.fence() == lease.fence() && current.owner().equals(lease.owner())) {
            leases.remove(lease.name());
        }
    }

    @Override
    public synchronized Optional<Lease> holder(String name) {
        Lease current = leases.get(name);
        return current != null && current.expiresAt().isAfter(clock.instant()) ? Optional.of(current) : Optional.empty();
    }

    private static void checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time, got " + ttl);
        }
    }
}
