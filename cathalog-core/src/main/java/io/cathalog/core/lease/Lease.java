package io.cathalog.core.lease;

import java.time.Instant;
import java.util.Objects;

/**
 * A held lease on a name (an account's run, usually).
 *
 * @param name      what is leased, e.g. {@code sync:<account>}
 * @param owner     who holds it (an instance id); only the owner renews or releases
 * @param expiresAt when it lapses unless renewed
 * @param fence     grows with every acquisition of the name: work stamped with an older fence
 *                  comes from an owner that lost the lease
 */
public record Lease(String name, String owner, Instant expiresAt, long fence) {
    /**
     * Checks the components.
     *
     * @param name      what is leased
     * @param owner     who holds it
     * @param expiresAt when it lapses unless renewed
     * @param fence     the fence of the acquisition
     * @throws NullPointerException when {@code name}, {@code owner} or {@code expiresAt} is null
     */
    public Lease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
