package io.cathalog.core.lease;

import java.time.Clock;

/** The in-memory lock meets the lease contract. */
class InMemoryLeaseLockContractTest extends LeaseLockContract {
    @Override
    protected LeaseLock newLock(Clock clock) {
        return new InMemoryLeaseLock(clock);
    }
}
