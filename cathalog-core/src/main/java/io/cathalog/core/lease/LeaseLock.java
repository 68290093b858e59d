package io.cathalog.core.lease;

import java.time.Duration;
import java.util.Optional;

/**
 * Mutual exclusion with expiry, across threads, processes and machines (as far as the
 * implementation's storage reaches). Implementations are thread-safe and use their own clock for
 * expiry.
 */
public interface LeaseLock {

    /**
     * Takes the lease on {@code name} for {@code ttl} if nobody holds it (or the holder's lease has
     * lapsed); the same owner taking it again renews it.
     *
     * @return the lease, or empty when someone else holds it
     */
    Optional<Lease> tryAcquire(String name, String owner, Duration ttl);

    /** Extends a held lease; false when it was lost (lapsed and taken by another). */
    boolean renew(Lease lease, Duration ttl);

    /** Gives the lease up; nothing happens if it was lost already. */
    void release(Lease lease);

    /** Who holds the lease on {@code name} now, if anyone. */
    Optional<Lease> holder(String name);
}
