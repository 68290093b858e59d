package io.cathalog.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalRetentionTest {

    @Test
    void prunesFinishedRunsOlderThanTheKeptAgeByTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        InMemorySyncStateStore store = new InMemorySyncStateStore();
        for (int day = 0; day < 10; day++) {
            Instant at = clock.instant().plus(Duration.ofDays(day));
            store.journal(new JournalEntry("a", "run-" + day, 1, EntityKind.PRODUCT, "SKU", ChangeAction.UPDATE,
                    Optional.empty(), Optional.empty(), at));
            store.journal(new JournalEntry("a", "run-" + day, 2, EntityKind.PRODUCT, "SKU", ChangeAction.UPDATE,
                    Optional.of(Outcome.UPDATED), Optional.empty(), at));
        }
        clock.advance(Duration.ofDays(10));
        JournalRetention retention = JournalRetention.of(Duration.ofDays(3));
        assertThat(retention.cutoff(clock)).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
        assertThat(retention.prune(store, clock)).isEqualTo(14); // days 0 to 6
        assertThat(store.journalOf("a")).extracting(JournalEntry::runId).containsOnly("run-7", "run-8", "run-9");
    }

    @Test
    void keepsAPositiveAge() {
        assertThatThrownBy(() -> JournalRetention.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
