package io.cathalog.jpa;

import io.cathalog.core.http.Pacing;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Permits in flight in the account's row (issue 21): the row's format, old rows, and the column's room. */
class JpaRequestLimiterInFlightTest {
    private static final Instant START = Instant.parse("2026-01-05T15:00:00Z");

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theRowHoldsAFullWindowOfCountedTimesAndAsManyInFlight(TestDatabase.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(START);
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaTransactions tx = JpaTransactions.resourceLocal(db.newFactory());
            Pacing fifty = new Pacing(1000, 50, Duration.ofSeconds(1), 10_000, ZoneId.of("America/Sao_Paulo"));
            JpaRequestLimiter l = JpaRequestLimiter.builder(tx, "acme", fifty).clock(clock)
                    .sleeper(clock::advance).build();
            for (int i = 0; i < 50; i++) {
                l.acquire();
            }
            clock.advance(Duration.ofSeconds(2));
            List<RequestLimiter.Permit> open = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                open.add(l.acquirePermit());
            }

            String recent = tx.run(em -> em.find(RateLimitRow.class, "acme").recent);
            assertThat(recent.split(",")).hasSize(100);
            assertThat(recent.split(",")).filteredOn(t -> t.startsWith("~")).hasSize(50);
            Instant closedAt = clock.instant();
            open.forEach(RequestLimiter.Permit::close);
            String answered = tx.run(em -> em.find(RateLimitRow.class, "acme").recent);
            assertThat(answered).doesNotContain("~");
            l.acquirePermit().close();
            assertThat(clock.instant()).isEqualTo(closedAt.plusSeconds(1));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRowWrittenBeforeInFlightPermitsIsReadAsCountedTimes(TestDatabase.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(START);
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaTransactions tx = JpaTransactions.resourceLocal(db.newFactory());
            Pacing three = new Pacing(100, 3, Duration.ofSeconds(1), 10_000, ZoneId.of("America/Sao_Paulo"));
            JpaRequestLimiter l = JpaRequestLimiter.builder(tx, "acme", three).clock(clock)
                    .sleeper(clock::advance).build();
            l.pause(Duration.ZERO); // creates the row (usage() only reads it)
            tx.run(em -> {
                RateLimitRow row = em.find(RateLimitRow.class, "acme");
                row.recent = START + "," + START.plusMillis(100) + "," + START.plusMillis(200);
                return null;
            });
            clock.set(START.plusMillis(300));

            l.acquirePermit().close();

            assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
        }
    }
}
