package io.cathalog.jpa;

import io.cathalog.core.sync.SyncStateStore;
import io.cathalog.core.sync.SyncStateStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The state store contract on PostgreSQL, when CATHALOG_PG_URL names one. */
@EnabledIfEnvironmentVariable(named = "CATHALOG_PG_URL", matches = ".+")
class JpaSyncStateStorePostgresTest extends SyncStateStoreContract {
    private static TestDatabase db;
    private static JpaTransactions tx;

    @BeforeAll
    static void open() {
        db = TestDatabase.postgres();
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
