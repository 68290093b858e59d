package io.cathalog.core;

import java.util.Objects;

/**
 * A lease its holder wanted to renew is no longer held: it lapsed (the holder was paused or cut
 * off longer than its time to live) and may have been taken by another instance. Work done under
 * the lease must stop; its fence is stale.
 */
public class LeaseLostException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The lost lease's name. */
    private final String leaseName;
    /** The owner that lost it. */
    private final String owner;
    /** The fence of the lost lease. */
    private final long fence;

    /**
     * @param leaseName the lease's name, e.g. {@code sync:<account>}
     * @param owner     the owner that lost it
     * @param fence     the fence of the lost lease
     * @param why       what was observed, for the message
     */
    public LeaseLostException(String leaseName, String owner, long fence, String why) {
        super("lease " + Objects.requireNonNull(leaseName, "leaseName") + " (fence " + fence + ") of "
                + Objects.requireNonNull(owner, "owner") + " is lost: " + Objects.requireNonNull(why, "why"));
        this.leaseName = leaseName;
        this.owner = owner;
        this.fence = fence;
    }

    /**
     * The lost lease's name.
     *
     * @return the name, e.g. {@code sync:<account>}
     */
    public String leaseName() {
        return leaseName;
    }

    /**
     * The owner that lost it.
     *
     * @return the owner's id, as it acquired the lease
     */
    public String owner() {
        return owner;
    }

    /**
     * The fence of the lost lease, now stale.
     *
     * @return the fence the lease was granted with
     */
    public long fence() {
        return fence;
    }
}
