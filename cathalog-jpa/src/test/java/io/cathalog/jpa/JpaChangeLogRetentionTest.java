package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The change log keeps its own retention, apart from the journal's. */
class JpaChangeLogRetentionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pruneBeforeDeletesOnlyOlderRows(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaTransactions tx = JpaTransactions.resourceLocal(db.newFactory());
            for (int day = 0; day < 5; day++) {
                Instant at = T0.plusSeconds(86_400L * day);
                tx.run(em -> {
                    em.persist(row("acme", at));
                    em.persist(row("other", at));
                    return null;
                });
            }
            JpaChangeLog log = new JpaChangeLog(tx);
            assertThat(log.pruneBefore(T0.plusSeconds(86_400L * 3))).isEqualTo(6);
            assertThat(log.query(ChangeQuery.of("acme"))).extracting(ChangeRecord::at)
                    .containsExactlyInAnyOrder(T0.plusSeconds(86_400L * 3), T0.plusSeconds(86_400L * 4));
            assertThat(log.pruneBefore(T0.plusSeconds(86_400L * 3))).isZero();
        }
    }

    private static ChangeRow row(String account, Instant at) {
        ChangeRow r = new ChangeRow();
        r.accountId = account;
        r.runId = "run";
        r.at = at;
        r.entity = "PRODUCT";
        r.key = "SKU-1";
        r.action = "UPDATE";
        r.outcome = "UPDATED";
        r.before = "{}";
        r.after = "{}";
        r.decidedBy = "{}";
        return r;
    }
}
