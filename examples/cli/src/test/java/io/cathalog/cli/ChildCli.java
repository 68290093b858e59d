package io.cathalog.cli;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the {@code cathalog} command in a JVM of its own, as a user runs it: configured through
 * environment variables only, against a sandbox, with its output in {@code stdout.txt} and
 * {@code stderr.txt} of the working directory.
 */
final class ChildCli {
    private ChildCli() {
    }

    static Process start(Path dir, URI baseUrl, Map<String, String> extraEnv, String... args) throws Exception {
        // Surefire runs tests from a manifest-only jar; the real class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                // Each command is a short run: the C1 compiler alone starts it sooner.
                "-XX:TieredStopAtLevel=1", "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        File out = dir.resolve("stdout.txt").toFile();
        File err = dir.resolve("stderr.txt").toFile();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out).redirectError(err);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("CATHALOG_"));
        env.put("CATHALOG_BASE_URL", baseUrl.toString());
        env.put("CATHALOG_ACCOUNT", "demo");
        env.put("CATHALOG_CATALOG", dir.resolve("catalog.json").toString());
        env.put("CATHALOG_STATE_DIR", dir.resolve("state").toString());
        env.put("CATHALOG_RATE", "1000");
        env.putAll(extraEnv);
        return pb.start();
    }
}
