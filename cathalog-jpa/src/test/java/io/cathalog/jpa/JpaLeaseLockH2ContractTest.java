package io.cathalog.jpa;

import io.cathalog.core.lease.LeaseLock;
import io.cathalog.core.lease.LeaseLockContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The lease contract on H2: two instances (two factories) over one database. */

class JpaLeaseLockH2ContractTest extends LeaseLockContract {
    private static TestDatabase db;
    private static JpaTransactions first;
    private static JpaTransactions second;

    @BeforeAll
    static void open() {
        db = TestDatabase.h2();
        first = JpaTransactions.resourceLocal(db.newFactory());
        second = JpaTransactions.resourceLocal(db.newFactory());
    }

    @Override
    protected LeaseLock newLock(Clock clock) {
        db.clear();
        return new JpaLeaseLock(first, clock);
    }

    @Override
    protected LeaseLock anotherInstance(Clock clock) {
        return new JpaLeaseLock(second, clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }
}
