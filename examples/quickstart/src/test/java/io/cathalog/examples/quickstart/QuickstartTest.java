package io.cathalog.examples.quickstart;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The quickstart as a user runs it: after one apply, a second plan has nothing left to do. */
class QuickstartTest {

    @Test
    void aSecondPlanAfterTheApplyHasNoChanges() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SyncPlan again;
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start();
             PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            again = Quickstart.run(sandbox, out);
        }
        assertThat(again.hasChanges()).as(again.render()).isFalse();
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("Plan:").isNotEqualTo(lines[2]);
        assertThat(lines[1]).as("the report for people, like the plan's summary").matches("Applied \\d+ changes in \\d+ s: \\d+ created, \\d+ updated, 0 deleted, \\d+ unchanged, 0 skipped, 0 failed\\.");
    }

    @Test
    void readmeShowsThisCodeWordForWord() throws IOException {
        // The README's embedding block is the body of run(), de-indented; this keeps them equal.
        String source = Files.readString(Path.of("src/main/java/io/cathalog/examples/quickstart/Quickstart.java"));
        String body = source.substring(source.indexOf('\n', source.indexOf("static SyncPlan run(")) + 1,
                source.indexOf("\n    }\n}"));
        String expected = body.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        String readme = Files.readString(Path.of("../../README.md"));
        String embedding = readme.substring(readme.indexOf("## Embedding"));
        String block = embedding.substring(embedding.indexOf("```java\n") + 8, embedding.indexOf("\n```\n"));
        assertThat(block).isEqualTo(expected);
    }
}
