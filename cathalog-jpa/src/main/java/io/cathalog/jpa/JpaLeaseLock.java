package io.cathalog.jpa;

import io.cathalog.core.lease.Lease;
import io.cathalog.core.lease.LeaseLock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LeaseLock} in table {@code cathalog_lease}, shared by every process on the database:
 * one row per name, created on first use and kept after release so that its fence keeps growing.
 * Each operation is one short transaction that locks the row ({@link LockModeType#PESSIMISTIC_WRITE},
 * {@code select ... for update}); no transaction stays open while a lease is held.
 *
 * <p>Expiry is measured with the injected {@link Clock} (not the database's time), the same way
 * in every method; processes sharing the table need clocks in step (NTP) to well within the
 * leases' time to live. Times are kept to the microsecond.
 *
 * <pre>{@code
 * LeaseLock leases = new JpaLeaseLock(JpaTransactions.resourceLocal(emf), Clock.systemUTC());
 * Optional<Lease> lease = leases.tryAcquire("sync:" + account, instanceId, Duration.ofMinutes(10));
 * }</pre>
 */
public final class JpaLeaseLock implements LeaseLock {
    private final Db db;
    private final Clock clock;

    public JpaLeaseLock(JpaTransactions transactions, Clock clock) {
        this.db = new Db(transactions);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        checkTtl(ttl);
        ensureRow(name);
        return db.run("acquiring lease " + name, em -> {
            LeaseRow row = locked(em, name);
            Instant now = clock.instant();
            boolean live = row.owner != null && row.expiresAt.isAfter(now);
            if (live && !row.owner.equals(owner)) {
                return Optional.empty();
            }
            if (!live) {
                row.fence++; // a new acquisition: work stamped with an older fence is stale
                row.owner = owner;
            }
            row.expiresAt = micros(now.plus(ttl));
            return Optional.of(new Lease(name, owner, row.expiresAt, row.fence));
        });
    }

    @Override
    public boolean renew(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        checkTtl(ttl);
        return db.run("renewing lease " + lease.name(), em -> {
            LeaseRow row = em.find(LeaseRow.class, lease.name(), LockModeType.PESSIMISTIC_WRITE);
            Instant now = clock.instant();
            if (row == null || !held(row, lease) || !row.expiresAt.isAfter(now)) {
                return false;
            }
            row.expiresAt = micros(now.plus(ttl));
            return true;
        });
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        db.exec("releasing lease " + lease.name(), em -> {
            LeaseRow row = em.find(LeaseRow.class, lease.name(), LockModeType.PESSIMISTIC_WRITE);
            if (row != null && held(row, lease)) {
                row.owner = null;
                row.expiresAt = null;
            }
        });
    }

    @Override
    public Optional<Lease> holder(String name) {
        Objects.requireNonNull(name, "name");
        return db.run("reading lease " + name, em -> {
            LeaseRow row = em.find(LeaseRow.class, name);
            if (row == null || row.owner == null || !row.expiresAt.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Lease(name, row.owner, row.expiresAt, row.fence));
        });
    }

    private static boolean held(LeaseRow row, Lease lease) {
        return lease.owner().equals(row.owner) && row.fence == lease.fence();
    }

    private static LeaseRow locked(EntityManager em, String name) {
        LeaseRow row = em.find(LeaseRow.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException("lease row " + name + " vanished");
        }
        return row;
    }

    /** The lock row, created on demand; two processes creating it at once: one insert loses, harmlessly. */
    private void ensureRow(String name) {
        try {
            db.transactions().run(em -> {
                if (em.find(LeaseRow.class, name) == null) {
                    LeaseRow row = new LeaseRow();
                    row.name = name;
                    row.fence = 0;
                    em.persist(row);
                }
                return null;
            });
        } catch (PersistenceException raced) {
            db.run("creating lease row " + name, em -> Objects.requireNonNull(em.find(LeaseRow.class, name), "lease row"));
        }
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS); // what the timestamp(6) column keeps
    }

    private static void checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time, got " + ttl);
        }
    }

    @Override
    public String toString() {
        return "JpaLeaseLock[" + db.transactions() + "]";
    }
}
