package io.cathalog.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML audit as a person opens it: written by {@code cathalog audit} in its own process, then
 * loaded by a real headless Chromium (Debian's {@code chromium}) as XHTML, the strict parse that
 * stops at the first character XML forbids. It saves a screenshot under {@code target/}. Skipped
 * only where there is no Chromium and this is not CI ({@code .ci/run} installs it; with
 * {@code CI=true} a missing browser fails the test).
 */
class AuditInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** A Bling name with characters XML forbids (U+0001, U+000B, U+FFFF) and markup. */
    private static final String HOSTILE = "Promo\u0001ção\u000B <i>relâmpago</i> & \uFFFF\"fim\"";

    @TempDir
    Path dir;

    @Test
    void theAuditLoadsInChromiumWithoutErrorsAndNamesStoresAndTimeAsPeopleReadThem() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("CI")),
                "no /usr/bin/chromium outside CI (apt-get install -y chromium)");
        Path page;
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false)
                .start()) {
            Files.writeString(dir.resolve("catalog.json"), DemoCatalog.json(), StandardCharsets.UTF_8);
            long category = sandbox.account().addCategory(HOSTILE, 0);
            ObjectNode product = JsonNodeFactory.instance.objectNode().put("nome", HOSTILE).put("codigo", "EVIL-0002")
                    .put("tipo", "P").put("situacao", "A").put("formato", "S");
            product.putObject("categoria").put("id", category);
            sandbox.account().putProduct(product);

            Process cli = ChildCli.start(dir, sandbox.baseUrl(),
                    Map.of("CATHALOG_ACCESS_TOKEN", sandbox.issueTokens().accessToken()),
                    "audit", "--format", "html", "--out", "audit.xhtml");
            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("cathalog audit ends").isTrue();
            assertThat(cli.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
            page = dir.resolve("audit.xhtml");
        }

        // The .xhtml name makes Chromium parse it as XML: a bad character shows a parser error, not a page.
        Run dom = chromium("--dump-dom", page.toUri().toString());
        assertThat(dom.exit()).as(dom.err()).isZero();
        assertThat(dom.out()).doesNotContain("parsererror").doesNotContain("This page contains the following errors")
                .contains("Needs attention, per store")
                .contains("Mercado Livre - Loja Oficial (mercadolivre)")
                .containsPattern("At 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d -03:00 \\(America/Sao_Paulo\\)")
                .contains("Promoção &lt;i&gt;relâmpago&lt;/i&gt; &amp; \"fim\"")
                .doesNotContain("<i>relâmpago</i>");

        Path shot = Path.of("target", "audit-chromium.png").toAbsolutePath();
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        Run screenshot = chromium("--screenshot=" + shot, "--window-size=1280,1600", page.toUri().toString());
        assertThat(screenshot.exit()).as(screenshot.err()).isZero();
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    record Run(int exit, String out, String err) {
    }

    private Run chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        File out = dir.resolve("chromium-out.txt").toFile();
        File err = dir.resolve("chromium-err.txt").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not end in 120 s: " + Files.readString(err.toPath()));
        }
        return new Run(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }
}
