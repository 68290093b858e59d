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
 * Issue 19, item 15, as a user meets it: a process per command, its cathalog.properties in the
 * working directory. Errors are one line saying what is wrong and what to do, never a stack trace.
 */
class StrictConfigCliTest {
    /** Nothing listens here: a command that got as far as calling Bling would fail differently. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/Api/v3");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run cathalog(Map<String, String> env, String... args) throws Exception {
        Process p = ChildCli.start(dir, NOWHERE, env, args);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    private static void noStackTrace(Run r) {
        assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMisspeltBaseUrlInTheFileStopsTheCommandNamingTheKeyMeant() throws Exception {
        Files.writeString(dir.resolve("catalog.json"), "{}");
        Files.writeString(dir.resolve("cathalog.properties"), "# the sandbox\nbase_url=" + NOWHERE + "\n");
        Run r = cathalog(Map.of("CATHALOG_ACCESS_TOKEN", "t"), "plan");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unknown key 'base_url' (line 2); did you mean 'base-url'?")
                .contains("cathalog.properties");
        noStackTrace(r);
    }

    @Test
    void aSecretInTheFileIsRefusedWithoutPrintingIt() throws Exception {
        Files.writeString(dir.resolve("cathalog.properties"), "clientSecret=s3cr3t-value-123\n");
        Run r = cathalog(Map.of(), "status");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("'clientSecret' (line 1) looks like a secret")
                .contains("set CATHALOG_CLIENT_SECRET in the environment");
        assertThat(r.out() + r.err()).doesNotContain("s3cr3t-value-123");
        noStackTrace(r);
    }

    @Test
    void applyOfAPlanFileThatDoesNotExistSaysSo() throws Exception {
        Files.writeString(dir.resolve("catalog.json"), "{}");
        Run r = cathalog(Map.of("CATHALOG_ACCESS_TOKEN", "t"), "apply", "missing.json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("plan file missing.json does not exist")
                .contains("cathalog plan --out FILE");
        noStackTrace(r);
    }

    @Test
    void aTokenKeyThatIsNoKeySaysWhatToDoWithoutPrintingIt() throws Exception {
        Files.writeString(dir.resolve("catalog.json"), "{}");
        Map<String, String> env = Map.of("CATHALOG_CLIENT_ID", "id", "CATHALOG_CLIENT_SECRET", "secret",
                "CATHALOG_TOKEN_KEY", "my-password!");
        Run plan = cathalog(env, "plan");
        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.err()).contains("CATHALOG_TOKEN_KEY is not valid base64")
                .contains("Set CATHALOG_TOKEN_KEY to the base64 AES-256 key").contains("openssl rand -base64 32")
                .contains("cathalog auth login");
        assertThat(plan.out() + plan.err()).doesNotContain("my-password!");
        noStackTrace(plan);

        Run status = cathalog(Map.of("CATHALOG_TOKEN_KEY", "c2hvcnQ="), "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Tokens: environment variable CATHALOG_TOKEN_KEY holds 5 bytes")
                .contains("openssl rand -base64 32");
    }
}
