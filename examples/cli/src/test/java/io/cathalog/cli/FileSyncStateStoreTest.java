package io.cathalog.cli;

import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI's sync state survives a restart, and a crash in the middle of a write. */
class FileSyncStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void whatOneProcessWroteTheNextReads() {
        Path file = dir.resolve("s/state.jsonl");
        FileSyncStateStore a = FileSyncStateStore.open(file);
        a.putRemoteId("acme", EntityKind.CATEGORY, "shoes", 42);
        a.putRemoteId("acme", EntityKind.PRODUCT, "SKU-1", 7);
        a.removeRemoteId("acme", EntityKind.PRODUCT, "SKU-1");
        a.putSnapshot("acme", EntityKind.CATEGORY, "shoes", "{\"name\":\"Calçados \\\"novos\\\"\"}\n");
        a.putCursor("acme", "products-changed-since", "2026-01-01T00:00:00Z");
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        a.journal(new JournalEntry("acme", "run-1", 1, EntityKind.CATEGORY, "shoes", ChangeAction.CREATE,
                Optional.empty(), Optional.empty(), at));
        a.journal(new JournalEntry("acme", "run-1", 2, EntityKind.CATEGORY, "shoes", ChangeAction.CREATE,
                Optional.of(Outcome.CREATED), Optional.of(42L), at));
        a.journal(new JournalEntry("acme", "run-1", 3, EntityKind.PRODUCT, "SKU-2", ChangeAction.UPDATE,
                Optional.empty(), Optional.empty(), at));

        FileSyncStateStore b = FileSyncStateStore.open(file);
        assertThat(b.remoteIds("acme", EntityKind.CATEGORY)).isEqualTo(Map.of("shoes", 42L));
        assertThat(b.remoteId("acme", EntityKind.PRODUCT, "SKU-1")).isEmpty();
        assertThat(b.snapshot("acme", EntityKind.CATEGORY, "shoes")).contains("{\"name\":\"Calçados \\\"novos\\\"\"}\n");
        assertThat(b.cursor("acme", "products-changed-since")).contains("2026-01-01T00:00:00Z");
        assertThat(b.unfinished("acme")).singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("SKU-2"));
        assertThat(b.remoteIds("other", EntityKind.CATEGORY)).isEmpty();
    }

    @Test
    void aLineCutShortByACrashIsSkippedButDamageElsewhereIsReported() throws Exception {
        Path file = dir.resolve("state.jsonl");
        FileSyncStateStore.open(file).putRemoteId("acme", EntityKind.CATEGORY, "shoes", 42);
        Files.writeString(file, "{\"op\":\"id\",\"a\":\"acme\",\"e\":\"CATEG", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        FileSyncStateStore after = FileSyncStateStore.open(file);
        assertThat(after.remoteId("acme", EntityKind.CATEGORY, "shoes")).contains(42L);
        after.putRemoteId("acme", EntityKind.CATEGORY, "boots", 43);
        assertThat(FileSyncStateStore.open(file).remoteIds("acme", EntityKind.CATEGORY))
                .as("a write after the crash is read back").isEqualTo(Map.of("shoes", 42L, "boots", 43L));

        Path damaged = dir.resolve("damaged.jsonl");
        Files.writeString(damaged, "not json\n{\"op\":\"cur\",\"a\":\"acme\",\"k\":\"c\",\"v\":\"1\"}\n");
        assertThatThrownBy(() -> FileSyncStateStore.open(damaged)).hasMessageContaining("line 1");
    }

    @Test
    void theConfigurationFileMayNotHoldSecretsAndEnvironmentWins() throws Exception {
        Path props = dir.resolve("cathalog.properties");
        Files.writeString(props, "base-url=http://127.0.0.1:1/Api/v3\naccount=acme\nclient-secret=oops\n");
        assertThatThrownBy(() -> CliConfig.load(Optional.of(props), Map.of()))
                .hasMessageContaining("secrets go in environment variables only").hasMessageNotContaining("oops");

        Files.writeString(props, "base-url=http://127.0.0.1:1/Api/v3\naccount=acme\n");
        CliConfig config = CliConfig.load(Optional.of(props), Map.of("CATHALOG_ACCOUNT", "beta",
                "CATHALOG_ACCESS_TOKEN", "tok-secret-123", "CATHALOG_CLIENT_SECRET", "sec-456"));
        assertThat(config.account()).isEqualTo("beta");
        assertThat(config.baseUrl().toString()).isEqualTo("http://127.0.0.1:1/Api/v3");
        assertThat(config.toString()).doesNotContain("tok-secret-123").doesNotContain("sec-456");
        assertThatThrownBy(() -> CliConfig.load(Optional.empty(), Map.of("CATHALOG_ACCOUNT", "../etc")))
                .hasMessageContaining("account must be");
    }
}
