package io.cathalog.core.lease;

import io.cathalog.core.LeaseLostException;

import java.time.Duration;
import java.util.Optional;

/**
 * Mutual exclusion with expiry, across threads, processes and machines (as far as the
 * implementation's storage reaches). Implementations are thread-safe and use their own clock for
 * expiry.
 *
 * <p>Every acquisition of a name that was free (never held, released, or lapsed) gets a
 * {@link Lease#fence() fence} greater than any earlier one of that name; renewals and the same
 * owner taking it again keep it. Writes stamped with the fence (see
 * {@code SyncStateStore.fenced}) are refused once a newer holder has claimed the name, so an owner
 * that was paused past its lease cannot write after another took over. Every implementation passes
 * the contract kit {@code LeaseLockContract} of core's test jar.
 */
public interface LeaseLock {

    /**
     * Takes the lease on {@code name} for {@code ttl} if nobody holds it (or the holder's lease has
     * lapsed); the same owner taking it again renews it.
     *
     * @param name  what to lease, e.g. {@code sync:<account>}
     * @param owner who asks (an instance id)
     * @param ttl   how long the lease lasts unless renewed; positive
     * @return the lease, or empty when someone else holds it
     */
    Optional<Lease> tryAcquire(String name, String owner, Duration ttl);

    /**
     * Extends a held lease to {@code ttl} from now, keeping its fence.
     *
     * @param lease the lease as granted or last extended
     * @param ttl   the new time to live, counted from now; positive
     * @return the lease with its new expiry
     * @throws LeaseLostException when it is no longer held: it lapsed (taken by another or not),
     *                            or was released
     */
    Lease extend(Lease lease, Duration ttl);

    /**
     * Extends a held lease; false when it was lost (see {@link #extend}, which says so with a typed exception).
     *
     * @param lease the lease as granted or last extended
     * @param ttl   the new time to live, counted from now; positive
     * @return true when extended, false when the lease was lost
     */
    default boolean renew(Lease lease, Duration ttl) {
        try {
            extend(lease, ttl);
            return true;
        } catch (LeaseLostException lost) {
            return false;
        }
    }

    /**
     * Gives the lease up; nothing happens if it was lost already.
     *
     * @param lease the lease to give up
     */
    void release(Lease lease);

    /**
     * Who holds the lease on {@code name} now, if anyone.
     *
     * @param name what is leased
     * @return the current, unlapsed lease on the name, or empty when it is free
     */
    Optional<Lease> holder(String name);
}
