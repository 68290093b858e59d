package io.cathalog.jpa;

import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.TokenStoreContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * {@link JpaTokenStore} against the token store contract, on H2: an unreadable entry is a row whose
 * access-token column no longer decrypts (an altered row, or a key that changed), a failing write
 * a check constraint that no row meets.
 */
class JpaTokenStoreContractTest extends TokenStoreContract {
    private TestDatabase db;

    @Override
    protected TokenStore newStore() {
        db = TestDatabase.of(TestDatabase.Kind.H2);
        return JpaTokenStoreTest.store(db);
    }

    @Override
    protected void closeStore() {
        db.close();
    }

    @Override
    protected boolean makeUnreadable(TokenStore store, String accountId) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("update cathalog_token set access_token = ? where account_id = ?")) {
            s.setString(1, "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            s.setString(2, accountId);
            return s.executeUpdate() == 1;
        }
    }

    /** A check no row meets, not applied to the rows already there: every later insert or update fails. */
    @Override
    protected boolean breakWrites(TokenStore store) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("alter table cathalog_token add constraint cathalog_no_writes check (account_id is null) nocheck");
        }
        return true;
    }

    @Override
    protected void restoreWrites(TokenStore store) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("alter table cathalog_token drop constraint cathalog_no_writes");
        }
    }
}
