package io.cathalog.cli;

import io.cathalog.core.sync.SyncProgress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {

    @Test
    void readingBlingIsShownLikeTheApplyInTenthsInALog() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        printer.onProgress(new SyncProgress("acme", "-", SyncProgress.Phase.OBSERVE, 500, 0, Duration.ofSeconds(5)));
        for (int i = 0; i <= 200; i++) {
            printer.onProgress(new SyncProgress("acme", "-", SyncProgress.Phase.OBSERVE, i, 200,
                    Duration.ofMillis(350L * i)));
        }
        for (int i = 1; i <= 20; i++) {
            printer.onProgress(new SyncProgress("acme", "run", SyncProgress.Phase.APPLY, i, 20, Duration.ofSeconds(i)));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out.lines().filter(l -> l.contains("products read"))).as(out).hasSize(11)
                .first().asString().contains("0/200 products read");
        assertThat(out).contains("200/200 products read").contains("20/20 changes");
        assertThat(out.lines().filter(l -> l.contains("changes"))).hasSize(11);
    }
}
