package io.cathalog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 4, on the command line: a CATHALOG_ACCESS_TOKEN with the {@code \r} of a Windows
 * file is refused with a message that says so, and the token is printed nowhere.
 */
class TokenInputCliTest {
    @TempDir
    Path dir;

    @Test
    void anAccessTokenWithALineEndIsRefusedWithoutBeingPrinted() throws Exception {
        Files.writeString(dir.resolve("catalog.json"), "{}");
        Process p = ChildCli.start(dir, URI.create("http://127.0.0.1:9/Api/v3"),
                Map.of("CATHALOG_ACCESS_TOKEN", "secret-token-value\r"), "-v", "plan");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("stdout.txt")) + Files.readString(dir.resolve("stderr.txt"));
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("CATHALOG_ACCESS_TOKEN contains a character a token cannot hold (U+000D at position 19)")
                .contains("Windows").doesNotContain("secret-token-value").doesNotContain("invalid header value");
    }
}
