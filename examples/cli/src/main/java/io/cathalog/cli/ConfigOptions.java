package io.cathalog.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The options every command against a Bling account shares. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "A cathalog.properties file (base-url, account, catalog, state-dir,"
                    + " requests-per-second); environment variables CATHALOG_* win over it."
                    + " Default: ./cathalog.properties when it exists.")
    Path config;

    @Option(names = "--prune", description = "Plan deleting categories that are not in the catalog.")
    boolean prune;

    @Option(names = "--moves", description = "Plan moving categories to another parent.")
    boolean moves;

    CliConfig load() {
        Optional<Path> file = Optional.ofNullable(config);
        if (file.isEmpty() && java.nio.file.Files.isRegularFile(Path.of("cathalog.properties"))) {
            file = Optional.of(Path.of("cathalog.properties"));
        }
        return CliConfig.load(file, System.getenv());
    }

    io.cathalog.core.sync.PlanOptions planOptions() {
        return io.cathalog.core.sync.PlanOptions.defaults().withPrune(prune).withMoves(moves);
    }
}
