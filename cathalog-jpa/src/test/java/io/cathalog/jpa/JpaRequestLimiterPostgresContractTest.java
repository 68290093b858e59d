package io.cathalog.jpa;

import io.cathalog.core.http.Pacing;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.RequestLimiterContract;
import io.cathalog.core.http.Sleeper;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.util.Optional;

/** The limiter contract on PostgreSQL, when CATHALOG_PG_URL names one: two instances (two factories) share one account's pace. */
@EnabledIfEnvironmentVariable(named = "CATHALOG_PG_URL", matches = ".+")
class JpaRequestLimiterPostgresContractTest extends RequestLimiterContract {
    private static TestDatabase db;
    private static JpaTransactions first;
    private static JpaTransactions second;

    @BeforeAll
    static void open() {
        db = TestDatabase.postgres();
        first = JpaTransactions.resourceLocal(db.newFactory());
        second = JpaTransactions.resourceLocal(db.newFactory());
    }

    @Override
    protected RequestLimiter newLimiter(String account, Pacing pacing, MutableClock clock, Sleeper sleeper) {
        db.clear();
        return JpaRequestLimiter.builder(first, account, pacing).clock(clock).sleeper(sleeper).build();
    }

    @Override
    protected Optional<RequestLimiter> anotherInstance(String account, Pacing pacing, MutableClock clock,
                                                       Sleeper sleeper) {
        return Optional.of(JpaRequestLimiter.builder(second, account, pacing).clock(clock).sleeper(sleeper)
                .build());
    }

    @AfterAll
    static void close() {
        db.close();
    }
}
