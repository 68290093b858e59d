package io.cathalog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability suite's crash test (issue 11): the {@code cathalog sync} process, applying a
 * plan of about 500 changes, is killed ({@code SIGKILL}, no shutdown hook runs) at random points
 * twenty times — often with a write applied whose answer it never read — and run again each
 * time. Once a run is let finish, the account must equal the one an uninterrupted run leaves, with
 * no duplicate of anything, and the run after that must plan nothing.
 *
 * <p>The random points come from a seed printed in every assertion message; set
 * {@code -Dcathalog.killSeed=...} to replay one.
 */
class KillAndResumeTest {
    private static final int KILLS = 20;
    /** The demo catalog plus this many new products, each a create and a link to both stores. */
    private static final int EXTRA_PRODUCTS = 150;

    @TempDir
    Path killedDir;
    @TempDir
    Path referenceDir;

    @Test
    void aSyncKilledTwentyTimesAtRandomPointsEndsExactlyAsAnUninterruptedOne() throws Exception {
        long seed = Long.getLong("cathalog.killSeed", System.nanoTime());
        Random random = new Random(seed);
        String context = "kill seed " + seed;
        String catalog = DemoCatalog.json(EXTRA_PRODUCTS);
        Files.writeString(killedDir.resolve("catalog.json"), catalog, StandardCharsets.UTF_8);
        Files.writeString(referenceDir.resolve("catalog.json"), catalog, StandardCharsets.UTF_8);

        try (BlingSandbox reference = sandbox(); BlingSandbox killed = sandbox()) {
            int planned = changesPlanned(killed, killedDir);
            assertThat(planned).as("the plan is the size the suite promises").isBetween(450, 650);

            Process uninterrupted = cathalog(reference, referenceDir, "sync");
            assertThat(uninterrupted.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(uninterrupted.exitValue()).as(output(referenceDir)).isZero();
            List<String> expected = reference.account().contents();

            List<Integer> killedAt = new ArrayList<>();
            for (int k = 0; k < KILLS; k++) {
                int before = killed.requestLog().writes().size();
                // Between 1 and 40 more writes: 20 kills use up most of the plan, not all of it.
                int target = before + 1 + random.nextInt(40);
                Process run = cathalog(killed, killedDir, "sync");
                while (run.isAlive() && killed.requestLog().writes().size() < target) {
                    Thread.onSpinWait();
                }
                if (!run.isAlive()) {
                    assertThat(run.exitValue()).as(context + ": run %d ended before its kill; %s", k, output(killedDir))
                            .isZero();
                    break;
                }
                run.destroyForcibly();
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
                killedAt.add(killed.requestLog().writes().size());
            }
            assertThat(killedAt).as(context + ": every kill landed while writing").hasSize(KILLS);

            Process last = cathalog(killed, killedDir, "sync");
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(context + ": the run after the kills; " + output(killedDir)).isZero();

            List<String> actual = killed.account().contents();
            assertThat(duplicates(actual)).as(context + ": duplicates after kills at writes " + killedAt).isEmpty();
            assertThat(actual).as(context + ": killed at writes " + killedAt).isEqualTo(expected);
            assertThat(changesPlanned(killed, killedDir)).as(context + ": the run after plans nothing").isZero();
        }
    }

    private static BlingSandbox sandbox() {
        return BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start();
    }

    private static Process cathalog(BlingSandbox sandbox, Path dir, String... args) throws Exception {
        return ChildCli.start(dir, sandbox.baseUrl(),
                Map.of("CATHALOG_ACCESS_TOKEN", sandbox.issueTokens().accessToken()), args);
    }

    /** Plans with {@code --json} and counts the changes; a plan writes nothing. */
    private static int changesPlanned(BlingSandbox sandbox, Path dir) throws Exception {
        Process plan = cathalog(sandbox, dir, "plan", "--out", "plan.json");
        assertThat(plan.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(plan.exitValue()).as(output(dir)).isIn(0, 2);
        return new ObjectMapper().readTree(dir.resolve("plan.json").toFile()).path("changes").size();
    }

    private static String output(Path dir) throws Exception {
        return Files.readString(dir.resolve("stdout.txt")) + Files.readString(dir.resolve("stderr.txt"));
    }

    private static List<String> duplicates(List<String> lines) {
        Set<String> seen = new HashSet<>();
        return lines.stream().filter(l -> !seen.add(l)).toList();
    }
}
