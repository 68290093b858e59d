package io.cathalog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.SyncStateStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sync state in one append-only file of JSON lines, so that `plan` in one process and `apply`
 * in the next agree on ids and snapshots. Every write appends a line (flushed before the method
 * returns); opening replays the lines into memory. A line cut short by a crash is the last one,
 * without its newline, and is dropped. For one process at a time: the CLI, not a fleet (that is what cathalog-jpa is for).
 */
final class FileSyncStateStore implements SyncStateStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final InMemorySyncStateStore memory = new InMemorySyncStateStore();
    private final BufferedWriter out;

    private FileSyncStateStore(Path file) throws IOException {
        this.file = file;
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (Files.exists(file)) {
            dropCutShortLine(file);
            replay(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** A write cut short by a crash left a last line without its newline: it never happened. */
    private static void dropCutShortLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
    }

    static FileSyncStateStore open(Path file) {
        try {
            return new FileSyncStateStore(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the sync state " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    private void replay(List<String> lines) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException("line " + (i + 1) + " is not JSON", e);
            }
            String a = n.path("a").asText();
            switch (n.path("op").asText()) {
                case "id" -> memory.putRemoteId(a, kind(n), n.path("k").asText(), n.path("v").asLong());
                case "-id" -> memory.removeRemoteId(a, kind(n), n.path("k").asText());
                case "snap" -> memory.putSnapshot(a, kind(n), n.path("k").asText(), n.path("v").asText());
                case "-snap" -> memory.removeSnapshot(a, kind(n), n.path("k").asText());
                case "cur" -> memory.putCursor(a, n.path("k").asText(), n.path("v").asText());
                case "j" -> memory.journal(new JournalEntry(a, n.path("run").asText(), n.path("seq").asLong(),
                        kind(n), n.path("k").asText(), ChangeAction.valueOf(n.path("act").asText()),
                        n.hasNonNull("out") ? Optional.of(Outcome.valueOf(n.path("out").asText())) : Optional.empty(),
                        n.hasNonNull("rid") ? Optional.of(n.path("rid").asLong()) : Optional.empty(),
                        Instant.parse(n.path("at").asText())));
                default -> throw new IOException("line " + (i + 1) + ": unknown op");
            }
        }
    }

    private static EntityKind kind(JsonNode n) {
        return EntityKind.valueOf(n.path("e").asText());
    }

    private ObjectNode line(String op, String accountId, EntityKind entity, String key) {
        ObjectNode n = JSON.createObjectNode().put("op", op).put("a", accountId);
        if (entity != null) {
            n.put("e", entity.name());
        }
        return n.put("k", key);
    }

    private void append(ObjectNode n) {
        try {
            out.write(JSON.writeValueAsString(n));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sync state " + file, e);
        }
    }

    @Override
    public Optional<Long> remoteId(String accountId, EntityKind entity, String key) {
        return memory.remoteId(accountId, entity, key);
    }

    @Override
    public Map<String, Long> remoteIds(String accountId, EntityKind entity) {
        return memory.remoteIds(accountId, entity);
    }

    @Override
    public synchronized void putRemoteId(String accountId, EntityKind entity, String key, long remoteId) {
        append(line("id", accountId, entity, key).put("v", remoteId));
        memory.putRemoteId(accountId, entity, key, remoteId);
    }

    @Override
    public synchronized void removeRemoteId(String accountId, EntityKind entity, String key) {
        append(line("-id", accountId, entity, key));
        memory.removeRemoteId(accountId, entity, key);
    }

    @Override
    public Optional<String> snapshot(String accountId, EntityKind entity, String key) {
        return memory.snapshot(accountId, entity, key);
    }

    @Override
    public Map<String, String> snapshots(String accountId, EntityKind entity) {
        return memory.snapshots(accountId, entity);
    }

    @Override
    public synchronized void putSnapshot(String accountId, EntityKind entity, String key, String snapshot) {
        append(line("snap", accountId, entity, key).put("v", snapshot));
        memory.putSnapshot(accountId, entity, key, snapshot);
    }

    @Override
    public synchronized void removeSnapshot(String accountId, EntityKind entity, String key) {
        append(line("-snap", accountId, entity, key));
        memory.removeSnapshot(accountId, entity, key);
    }

    @Override
    public Optional<String> cursor(String accountId, String name) {
        return memory.cursor(accountId, name);
    }

    @Override
    public synchronized void putCursor(String accountId, String name, String value) {
        append(line("cur", accountId, null, name).put("v", value));
        memory.putCursor(accountId, name, value);
    }

    @Override
    public synchronized void journal(JournalEntry e) {
        ObjectNode n = line("j", e.accountId(), e.entity(), e.key()).put("run", e.runId()).put("seq", e.sequence())
                .put("act", e.action().name()).put("at", e.at().toString());
        e.outcome().ifPresent(o -> n.put("out", o.name()));
        e.remoteId().ifPresent(r -> n.put("rid", r));
        append(n);
        memory.journal(e);
    }

    @Override
    public List<JournalEntry> unfinished(String accountId) {
        return memory.unfinished(accountId);
    }
}
