package io.cathalog.examples.quickstart;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The getting-started page's real-Bling wiring: the page shows this code, and the code works. */
class RealBlingWiringTest {

    @TempDir
    Path dir;

    @Test
    void gettingStartedShowsTheWiringWordForWord() throws IOException {
        String source = Files.readString(
                Path.of("src/main/java/io/cathalog/examples/quickstart/RealBlingWiring.java"));
        String start = source.substring(source.indexOf("public static Wired wire("));
        String body = start.substring(start.indexOf("{\n") + 2, start.indexOf("\n    }\n"));
        String expected = body.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        String page = Files.readString(Path.of("../../docs/getting-started.md"));
        String section = page.substring(page.indexOf("## Wiring for real Bling"));
        String block = section.substring(section.indexOf("```java\n") + 8, section.indexOf("\n```\n"));
        assertThat(block).isEqualTo(expected);
    }

    @Test
    void theWiringAuthorizesOnceAndPlansOnlyTheCatalogsProductsOfAnExistingAccount() throws IOException {
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, """
                {"format_version": 1,
                 "categories": [{"key": "quickstart", "name": "Quickstart"}],
                 "products": []}
                """, StandardCharsets.UTF_8);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().enforceIpBlocks(false).start()) {
            String account = sandbox.defaultAccountId();
            RealBlingWiring.Wired wired = RealBlingWiring.wire(sandbox.baseUrl(), sandbox.baseUrl(),
                    OAuthApp.DEMO_CLIENT_ID, OAuthApp.DEMO_CLIENT_SECRET,
                    KeyProvider.fromEnvironment("KEY", Map.of("KEY", Base64.getEncoder().encodeToString(key))),
                    dir.resolve("tokens"), account, catalog);
            // Authorizing once: the person follows this link, the callback hands its query to the flow.
            URI consent = wired.tokens().authorization().authorizeUrl(account);
            assertThat(consent.toString()).startsWith(sandbox.baseUrl() + "/oauth/authorize?");
            String state = consent.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
            wired.tokens().authorization().handleCallback(Map.of(
                    "code", sandbox.authorizationCode(OAuthApp.DEMO_CLIENT_ID, account), "state", state));
            assertThat(dir.resolve("tokens")).isNotEmptyDirectory();

            SyncPlan plan = wired.engine().plan(PlanOptions.defaults());

            assertThat(plan.changes()).anySatisfy(c -> assertThat(c).isInstanceOf(Change.CreateCategory.class)
                    .extracting(Change::key).isEqualTo("quickstart"));
            // The account's own products are not the catalog's: declaredOnly() leaves them alone.
            assertThat(plan.changes()).noneSatisfy(c -> assertThat(c)
                    .isInstanceOfAny(Change.CreateProduct.class, Change.UpdateProduct.class));
            assertThat(plan.attention()).as(plan.render()).isEmpty();
        }
    }
}
