package io.cathalog.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The options every command against a Bling account shares. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "A cathalog.properties file (base-url, account, catalog, state-dir,"
                    + " requests-per-second, authorize-url, callback-port, token-dir, client-id; any other key"
                    + " is an error, and so is a secret);"
                    + " environment variables CATHALOG_* win over it, and secrets (CATHALOG_CLIENT_SECRET,"
                    + " CATHALOG_TOKEN_KEY, CATHALOG_ACCESS_TOKEN) come only from them."
                    + " Default: ./cathalog.properties when it exists.")
    Path config;

    CliConfig load() {
        Optional<Path> file = Optional.ofNullable(config);
        if (file.isEmpty() && java.nio.file.Files.isRegularFile(Path.of("cathalog.properties"))) {
            file = Optional.of(Path.of("cathalog.properties"));
        }
        return CliConfig.load(file, System.getenv());
    }
}
