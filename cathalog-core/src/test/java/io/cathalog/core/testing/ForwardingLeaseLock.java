package io.cathalog.core.testing;

import io.cathalog.core.lease.Lease;
import io.cathalog.core.lease.LeaseLock;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LeaseLock} that passes every call to another: a test overrides the calls it watches,
 * delays or answers differently. Shared with the other modules' tests through the test jar.
 */
public class ForwardingLeaseLock implements LeaseLock {
    private final LeaseLock delegate;

    public ForwardingLeaseLock(LeaseLock delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
        return delegate.tryAcquire(name, owner, ttl);
    }

    @Override
    public Lease extend(Lease lease, Duration ttl) {
        return delegate.extend(lease, ttl);
    }

    @Override
    public void release(Lease lease) {
        delegate.release(lease);
    }

    @Override
    public Optional<Lease> holder(String name) {
        return delegate.holder(name);
    }
}
