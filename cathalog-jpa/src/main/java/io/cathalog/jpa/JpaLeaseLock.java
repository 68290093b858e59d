package io.cathalog.jpa;

import io.cathalog.core.lease.Lease;
import io.cathalog.core.lease.LeaseLock;
import io.cathalog.core.LeaseLostException;
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
 * Taking, renewing and releasing are each a single conditional {@code update} of that row (the
 * holder, fence and expiry in its {@code where}), safe under PostgreSQL's read-committed
 * isolation: concurrent updates of the row are ordered by its row lock and each re-checks the
 * condition on the version before it. No transaction stays open while a lease is held.
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

    /**
     * A lock in the {@code cathalog_lease} table of {@code transactions}' database, lapsing by {@code clock}.
     *
     * @param transactions the database holding the {@code cathalog_lease} table
     * @param clock        the clock expiries are read against; every process sharing the table keeps it in step
     */
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
            Instant now = micros(clock.instant());
            Instant expiresAt = micros(now.plus(ttl));
            // A free name (released or lapsed): take it with the next fence. Under concurrent
            // updates of the row the database re-checks the condition on the winner's version, so
            // exactly one caller matches.
            int taken = em.createQuery("""
                            update CathalogLeaseRow l set l.owner = :o, l.expiresAt = :x, l.fence = l.fence + 1
                            where l.name = :n and (l.owner is null or l.expiresAt <= :now)""")
                    .setParameter("o", owner).setParameter("x", expiresAt).setParameter("n", name).setParameter("now", now)
                    .executeUpdate();
            if (taken == 0) {
                // Held: renewed if held by this owner, else not ours.
                int renewed = em.createQuery("""
                                update CathalogLeaseRow l set l.expiresAt = :x
                                where l.name = :n and l.owner = :o and l.expiresAt > :now""")
                        .setParameter("o", owner).setParameter("x", expiresAt).setParameter("n", name).setParameter("now", now)
                        .executeUpdate();
                if (renewed == 0) {
                    return Optional.empty();
                }
            }
            long fence = em.createQuery("select l.fence from CathalogLeaseRow l where l.name = :n", Long.class)
                    .setParameter("n", name).getSingleResult();
            return Optional.of(new Lease(name, owner, expiresAt, fence));
        });
    }

    /** One update that matches only while the lease is held by its owner, with its fence, unexpired. */
    @Override
    public Lease extend(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        checkTtl(ttl);
        Instant now = micros(clock.instant());
        Instant expiresAt = micros(now.plus(ttl));
        int renewed = db.run("renewing lease " + lease.name(), em -> em.createQuery("""
                        update CathalogLeaseRow l set l.expiresAt = :x
                        where l.name = :n and l.owner = :o and l.fence = :f and l.expiresAt > :now""")
                .setParameter("x", expiresAt).setParameter("n", lease.name()).setParameter("o", lease.owner())
                .setParameter("f", lease.fence()).setParameter("now", now).executeUpdate());
        if (renewed == 0) {
            throw new LeaseLostException(lease.name(), lease.owner(), lease.fence(), "lapsed, released, or taken by another");
        }
        return new Lease(lease.name(), lease.owner(), expiresAt, lease.fence());
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        db.exec("releasing lease " + lease.name(), em -> em.createQuery("""
                        update CathalogLeaseRow l set l.owner = null, l.expiresAt = null
                        where l.name = :n and l.owner = :o and l.fence = :f""")
                .setParameter("n", lease.name()).setParameter("o", lease.owner()).setParameter("f", lease.fence())
                .executeUpdate());
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
