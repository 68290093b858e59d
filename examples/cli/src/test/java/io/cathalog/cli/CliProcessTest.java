package io.cathalog.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.bling.sandbox.OAuthApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command as a user runs it: a separate JVM per command (so the sync state must survive
 * between them), against a sandbox in this JVM, configured through environment variables only.
 */
class CliProcessTest {
    private static final String EVIL = "<script>alert(1)</script> & \"x\"";

    @TempDir
    Path dir;

    private BlingSandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start();
        Files.writeString(dir.resolve("catalog.json"), DemoCatalog.json(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    record Run(int exit, String out, String err) {
        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private Run cathalog(String... args) throws Exception {
        Process p = start(Map.of("CATHALOG_ACCESS_TOKEN", sandbox.issueTokens().accessToken()), args);
        return finish(p, args);
    }

    private Run finish(Process p, String... args) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cathalog " + String.join(" ", args) + " ends").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    private Process start(Map<String, String> extraEnv, String... args) throws Exception {
        return ChildCli.start(dir, sandbox.baseUrl(), extraEnv, args);
    }

    @Test
    void planSavesAPlanThatApplyAppliesInAnotherProcessThenNothingIsLeft() throws Exception {
        Run plan = cathalog("plan", "--out", "plan.json");
        assertThat(plan.exit()).as(plan.err()).isEqualTo(2);
        assertThat(plan.out()).contains("+ category shoes").contains("Plan: ");
        assertThat(dir.resolve("plan.json")).exists();

        Run apply = cathalog("apply", "plan.json");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("Applied ").doesNotContain("failed:");
        assertThat(sandbox.account().productByCode("MOD-CAL-NEW-001")).isPresent();

        Run status = cathalog("status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("product +\\d+ known").contains("No unfinished changes.")
                .contains("access-token=(set)");

        Run again = cathalog("plan");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.lastLine()).startsWith("No changes.");
        // Nothing secret in what the command prints.
        assertThat(plan.out() + apply.out() + again.out() + status.out() + plan.err())
                .doesNotContain(sandbox.issueTokens().accessToken().substring(0, 12));
    }

    @Test
    void aStalePlanIsRefused() throws Exception {
        assertThat(cathalog("plan", "--out", "plan.json").exit()).isEqualTo(2);
        // Someone edits Bling between the plan and its apply.
        ObjectNode phone = sandbox.account().productByCode("ELE-CEL-0001").orElseThrow();
        phone.put("nome", phone.path("nome").asText() + " (editado)");
        sandbox.account().putProduct(phone);

        Run apply = cathalog("apply", "plan.json");
        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.err()).contains("stale");
        assertThat(sandbox.account().productByCode("MOD-CAL-NEW-001")).as("nothing applied").isEmpty();
    }

    @Test
    void theHtmlAuditIsWellFormedAndShowsBlingNamesAsText() throws Exception {
        long category = sandbox.account().addCategory(EVIL, 0);
        ObjectNode evil = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("nome", EVIL).put("codigo", "EVIL-0001").put("tipo", "P").put("situacao", "A").put("formato", "S");
        evil.putObject("categoria").put("id", category);
        sandbox.account().putProduct(evil);

        Run audit = cathalog("audit", "--format", "html", "--out", "audit.html");
        assertThat(audit.exit()).as(audit.out() + audit.err()).isZero();
        String html = Files.readString(dir.resolve("audit.html"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(dir.resolve("audit.html").toFile());
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
        // The category tree shows the evil category with its one product, as text.
        assertThat(doc.getDocumentElement().getTextContent()).contains(EVIL).contains("Needs attention, per store");
    }

    @Test
    void auditAsJsonAndTextExitsZero() throws Exception {
        Run json = cathalog("audit", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).startsWith("{").contains("\"findings\"");
        // A usage error is an error (1), not "changes present" (2); no process needed to see that.
        assertThat(Main.run("audit", "--format", "pdf")).isEqualTo(1);
    }

    @Test
    void authLoginStoresEncryptedTokensThatPlanUsesAndLogoutForgets() throws Exception {
        sandbox.close();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        OAuthApp app = OAuthApp.withAllScopes("cli-test-app", "cli-test-secret-0123456789",
                java.net.URI.create("http://127.0.0.1:" + port + "/oauth/callback"));
        sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).autoApprove(true)
                .app(app).start();
        Map<String, String> env = Map.of("CATHALOG_CLIENT_ID", app.clientId(),
                "CATHALOG_CLIENT_SECRET", app.clientSecret(),
                "CATHALOG_TOKEN_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "CATHALOG_AUTHORIZE_URL", sandbox.baseUrl().toString(),
                "CATHALOG_CALLBACK_PORT", String.valueOf(port));

        Process login = start(env, "auth", "login", "--timeout", "PT90S");
        String url = null;
        for (int i = 0; i < 1200 && url == null; i++) {
            url = Files.readString(dir.resolve("stdout.txt")).lines().map(String::strip)
                    .filter(l -> l.startsWith("http")).findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertThat(url).as("the authorize URL is printed").isNotNull().contains("client_id=cli-test-app");
        // The browser: the sandbox approves at once and redirects to the command's loopback server.
        var browser = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                .build();
        try {
            browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            // The command stops its callback server as soon as the tokens are stored, which can be
            // before this client has read the page; the command's exit code is what tells.
        }
        Run done = finish(login, "auth", "login");
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("Authorized");

        Run status = finish(start(env, "auth", "status"), "auth", "status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("is authorized").contains("expires at");
        String stored = Files.list(dir.resolve("state").resolve("tokens")).filter(f -> f.toString().endsWith(".tokens"))
                .findFirst().map(f -> new String(readAll(f), StandardCharsets.ISO_8859_1)).orElseThrow();
        assertThat(stored).as("encrypted at rest").doesNotContain("Bearer").doesNotContain("access_token");

        Run plan = finish(start(env, "plan"), "plan");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(2);

        assertThat(finish(start(env, "auth", "logout"), "auth", "logout").exit()).isZero();
        assertThat(finish(start(env, "auth", "status"), "auth", "status").exit()).isEqualTo(1);
    }

    private static byte[] readAll(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void watchSyncsAtOnceThenFindsNothingToDoAndStopsOnSigterm() throws Exception {
        Process watch = start(Map.of("CATHALOG_ACCESS_TOKEN", sandbox.issueTokens().accessToken()),
                "watch", "--interval", "PT1S");
        String out = "";
        for (int i = 0; i < 1200 && !out.contains("nothing to do"); i++) {
            Thread.sleep(100);
            out = Files.readString(dir.resolve("stdout.txt"));
        }
        watch.destroy(); // SIGTERM: the shutdown hook stops the scheduler
        assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
        out = Files.readString(dir.resolve("stdout.txt"));
        assertThat(out).as(out + Files.readString(dir.resolve("stderr.txt")))
                .contains("run COMPLETED: ").contains("run COMPLETED, nothing to do").contains("Stopping");
        assertThat(sandbox.account().productByCode("MOD-CAL-NEW-001")).isPresent();
    }

    @Test
    void theDemoEndsSayingTheSecondPlanHasNoChanges() throws Exception {
        Run demo = cathalog("demo");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("sandbox limits off for the demo").contains("== 2. apply")
                .contains("Applied ").contains("== 3. audit");
        assertThat(demo.lastLine()).isEqualTo("Second plan: no changes.");
        // It says it prunes, and its estimate is at the pace it runs (not Bling's 3/s: minutes).
        assertThat(demo.out()).contains("with pruning (plan --prune)");
        // Issue 18: the Mercado Livre store has a listing policy; the demo creates and publishes its
        // listings, and says why the other products are not listed, by the attribute they lack.
        assertThat(demo.out()).contains("mercadolivre: requirements from offline snapshot 2026-01-05 of mercadolivre")
                .contains("the plan: 35 to create (33 to publish once created)")
                .containsPattern("listings of store mercadolivre .*: 35 in Bling \\{draft=2, published=33}; 35 created by this run")
                .contains("77 products not listed").contains("19 missing PIECES_NUMBER (e.g. CAS-UTL-0001)")
                .contains("shopee: requirements from offline snapshot 2026-01-05 of shopee");
        // It shows a family being fixed: the size missing added, the duplicate removed, the GTIN set.
        assertThat(demo.out()).contains("~ family MOD-CAL-V1").contains("+ MOD-CAL-V1-39 Tamanho:39/40")
                .contains("- MOD-CAL-V1-37B Tamanho:37/38").contains("~ MOD-CAL-V1-41 Tamanho:41/42")
                .contains("variations deleted (each named by the plan): [MOD-CAL-V1-37B]");
        java.util.regex.Matcher estimate = java.util.regex.Pattern
                .compile("About (\\d+) requests(?: \\(\\d+ to read the ERP, \\d+ to write\\))?, (\\d+) s at the account's rate")
                .matcher(demo.out());
        assertThat(estimate.find()).as(demo.out()).isTrue();
        assertThat(Long.parseLong(estimate.group(1))).isGreaterThan(100);
        assertThat(Long.parseLong(estimate.group(2))).isLessThan(5);
    }
}
