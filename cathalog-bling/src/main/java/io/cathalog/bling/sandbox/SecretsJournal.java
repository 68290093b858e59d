package io.cathalog.bling.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where the sandbox writes down the secrets it hands out, for a leak scan after a test suite. Many
 * sandboxes, in one JVM or several, may share one file: each secret is one line appended in a
 * single write, which the file system keeps whole.
 */
final class SecretsJournal {
    private final Optional<Path> file;

    SecretsJournal(Optional<Path> file) {
        this.file = file;
    }

    void record(String secret) {
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.write(file.get(), (secret + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // A journal that silently misses a secret would make the scan prove nothing.
            throw new UncheckedIOException("cannot append to the secrets journal " + file.get(), e);
        }
    }
}
