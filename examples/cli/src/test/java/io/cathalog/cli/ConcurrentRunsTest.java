package io.cathalog.cli;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 1: two {@code cathalog} processes on one account. The one that comes second fails
 * at once, naming the account and the holder's pid, and writes nothing; Bling ends with no duplicate.
 */
class ConcurrentRunsTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void aSyncWhileAWatchHoldsTheAccountFailsFastNamingTheHolderAndWritesNothing() throws Exception {
        Files.writeString(first.resolve("catalog.json"), DemoCatalog.json(), StandardCharsets.UTF_8);
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start()) {
            Map<String, String> token = Map.of("CATHALOG_ACCESS_TOKEN", sandbox.issueTokens().accessToken());
            Process watch = ChildCli.start(first, sandbox.baseUrl(), token, "watch", "--interval", "PT1H");
            try {
                String out = "";
                for (int i = 0; i < 1200 && !out.contains("run COMPLETED"); i++) {
                    Thread.sleep(100);
                    out = Files.readString(first.resolve("stdout.txt"));
                }
                assertThat(out).as(out + Files.readString(first.resolve("stderr.txt"))).contains("run COMPLETED");
                int writes = sandbox.requestLog().writes().size();
                List<String> contents = sandbox.account().contents();

                // Same state directory and catalog as the watch: the same account on this machine.
                Map<String, String> env = new java.util.HashMap<>(token);
                env.put("CATHALOG_STATE_DIR", first.resolve("state").toString());
                env.put("CATHALOG_CATALOG", first.resolve("catalog.json").toString());
                for (String command : List.of("sync", "plan", "audit")) {
                    long started = System.nanoTime();
                    Process sync = ChildCli.start(second, sandbox.baseUrl(), env, command);
                    assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    String err = Files.readString(second.resolve("stderr.txt"));
                    assertThat(sync.exitValue()).as(command + ": " + err).isEqualTo(1);
                    assertThat(err).as(command).contains("account 'demo' is in use by another cathalog process")
                            .contains("pid " + watch.pid()).contains("`watch`");
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).as(command + " fails fast")
                            .isLessThan(Duration.ofSeconds(30));
                }
                assertThat(sandbox.requestLog().writes()).as("the refused commands wrote nothing").hasSize(writes);
                assertThat(sandbox.account().contents()).isEqualTo(contents);
                assertThat(duplicates(contents)).isEmpty();
            } finally {
                watch.destroy();
                assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }

            // The holder is gone: the lock went with it, and the next sync finds nothing to do.
            Map<String, String> env = new java.util.HashMap<>(token);
            env.put("CATHALOG_STATE_DIR", first.resolve("state").toString());
            env.put("CATHALOG_CATALOG", first.resolve("catalog.json").toString());
            Process after = ChildCli.start(second, sandbox.baseUrl(), env, "sync");
            assertThat(after.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(after.exitValue()).as(Files.readString(second.resolve("stderr.txt"))).isZero();
            assertThat(Files.readString(second.resolve("stdout.txt"))).contains("Nothing to apply.");
        }
    }

    @Test
    void twoSyncsStartedTogetherLeaveNoDuplicate() throws Exception {
        Files.writeString(first.resolve("catalog.json"), DemoCatalog.json(), StandardCharsets.UTF_8);
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start()) {
            Map<String, String> env = new java.util.HashMap<>(
                    Map.of("CATHALOG_ACCESS_TOKEN", sandbox.issueTokens().accessToken()));
            env.put("CATHALOG_STATE_DIR", first.resolve("state").toString());
            env.put("CATHALOG_CATALOG", first.resolve("catalog.json").toString());
            Process a = ChildCli.start(first, sandbox.baseUrl(), env, "sync");
            Process b = ChildCli.start(second, sandbox.baseUrl(), env, "sync");
            assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String errA = Files.readString(first.resolve("stderr.txt"));
            String errB = Files.readString(second.resolve("stderr.txt"));
            // Either one was refused (it ran while the other held the lock), or they ran one after the other.
            for (String err : List.of(errA, errB)) {
                if (!err.isBlank()) {
                    assertThat(err).contains("is in use by another cathalog process (pid ");
                }
            }
            assertThat(a.exitValue() == 0 || b.exitValue() == 0).as(errA + errB).isTrue();
            assertThat(duplicates(sandbox.account().contents())).isEmpty();
            assertThat(sandbox.account().categories().stream().filter(c -> c.path("descricao").asText().equals("Calçados")).count())
                    .isEqualTo(1);
        }
    }

    private static List<String> duplicates(List<String> lines) {
        Set<String> seen = new HashSet<>();
        return lines.stream().filter(l -> !seen.add(l)).toList();
    }
}
