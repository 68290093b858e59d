package io.cathalog.core.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemorySyncStateStoreTest {
    private static final Instant T = Instant.parse("2026-01-05T12:00:00Z");

    private static JournalEntry entry(String run, long seq, String key, Optional<Outcome> outcome) {
        return new JournalEntry("acme", run, seq, EntityKind.PRODUCT, key, ChangeAction.CREATE, outcome,
                Optional.empty(), T);
    }

    @Test
    void mapsKeysToIdsPerAccountAndKind() {
        InMemorySyncStateStore store = new InMemorySyncStateStore();
        store.putRemoteId("acme", EntityKind.PRODUCT, "SKU-1", 16_000_000_001L);
        store.putRemoteId("acme", EntityKind.CATEGORY, "SKU-1", 7);
        store.putRemoteId("other", EntityKind.PRODUCT, "SKU-1", 9);
        assertThat(store.remoteId("acme", EntityKind.PRODUCT, "SKU-1")).contains(16_000_000_001L);
        assertThat(store.remoteIds("acme", EntityKind.PRODUCT)).containsExactly(java.util.Map.entry("SKU-1", 16_000_000_001L));
        store.removeRemoteId("acme", EntityKind.PRODUCT, "SKU-1");
        assertThat(store.remoteId("acme", EntityKind.PRODUCT, "SKU-1")).isEmpty();
        assertThat(store.remoteId("other", EntityKind.PRODUCT, "SKU-1")).contains(9L);
        store.putSnapshot("acme", EntityKind.CATEGORY, "k", "{\"name\":\"A\"}");
        assertThat(store.snapshot("acme", EntityKind.CATEGORY, "k")).contains("{\"name\":\"A\"}");
        assertThat(store.snapshots("acme", EntityKind.CATEGORY)).containsOnlyKeys("k");
        store.removeSnapshot("acme", EntityKind.CATEGORY, "k");
        assertThat(store.snapshots("acme", EntityKind.CATEGORY)).isEmpty();
        store.putCursor("acme", "products.changedSince", "2026-01-05 12:00:00");
        assertThat(store.cursor("acme", "products.changedSince")).contains("2026-01-05 12:00:00");
        assertThat(store.cursor("other", "products.changedSince")).isEmpty();
    }

    @Test
    void anIntentWithoutOutcomeIsUnfinished() {
        InMemorySyncStateStore store = new InMemorySyncStateStore();
        store.journal(entry("r1", 1, "A", Optional.empty()));
        store.journal(entry("r1", 2, "A", Optional.of(Outcome.CREATED)));
        store.journal(entry("r1", 3, "B", Optional.empty()));
        store.journal(entry("r1", 4, "C", Optional.empty()));
        store.journal(entry("r1", 5, "C", Optional.of(Outcome.FAILED)));
        assertThat(store.unfinished("acme")).extracting(JournalEntry::key).containsExactly("B");
        assertThat(store.unfinished("other")).isEmpty();
        assertThat(store.journalOf("acme")).hasSize(5);
    }

    @Test
    void reportsCountEveryOutcome() {
        Change c = new Change.CreateCategory("k", "K", Optional.empty());
        ApplyReport report = new ApplyReport("run", List.of(
                new ItemOutcome(c, Outcome.CREATED, Optional.empty()),
                new ItemOutcome(c, Outcome.FAILED, Optional.of("400 VALIDATION_ERROR"))), Duration.ofSeconds(1));
        assertThat(report.counts()).containsEntry(Outcome.CREATED, 1L).containsEntry(Outcome.FAILED, 1L)
                .containsEntry(Outcome.SKIPPED, 0L).hasSize(Outcome.values().length);
        assertThat(report.hasFailures()).isTrue();
        assertThatThrownBy(() -> new ItemOutcome(c, Outcome.FAILED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
