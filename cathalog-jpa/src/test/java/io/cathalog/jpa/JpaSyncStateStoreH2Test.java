package io.cathalog.jpa;

import io.cathalog.core.sync.SyncStateStore;
import io.cathalog.core.sync.SyncStateStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The state store contract on H2. */
class JpaSyncStateStoreH2Test extends SyncStateStoreContract {
    private static TestDatabase db;
    private static JpaTransactions tx;

    @BeforeAll
    static void open() {
        db = TestDatabase.h2();
        tx = JpaTransactions.resourceLocal(db.newFactory());
    }

    @Override
    protected SyncStateStore newStore() {
        db.clear();
        return new JpaSyncStateStore(tx);
    }

    @AfterAll
    static void close() {
        db.close();
    }
}
