package io.cathalog.cli;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.auth.EncryptedFileTokenStore;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 3, on the command line: tokens stored under another CATHALOG_TOKEN_KEY (or a
 * damaged file) are reported with what to do, removed by {@code auth logout}, and replaced by
 * {@code auth login} after a warning, instead of failing after the code was spent.
 */
class UnreadableTokensCliTest {
    private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW_KEY = Base64.getEncoder().encodeToString(filled(7));

    @TempDir
    Path dir;

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) b);
        return k;
    }

    /** Tokens of account "demo" written with the old key where the CLI keeps them. */
    private void storeWithOldKey() {
        EncryptedFileTokenStore.builder().directory(dir.resolve("state").resolve("tokens"))
                .keyProvider(KeyProvider.ofBytes(new byte[32])).build()
                .compareAndSet("demo", TokenStore.ABSENT, new Tokens("old-access-token", "old-refresh-token",
                        Instant.now().plusSeconds(3600), Set.of("98309"), Instant.now()));
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(URI baseUrl, Map<String, String> env, String... args) throws Exception {
        Process p = ChildCli.start(dir, baseUrl, env, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void statusSaysWhatToDoAndLogoutRemovesTheUnreadableTokens() throws Exception {
        storeWithOldKey();
        Map<String, String> env = Map.of("CATHALOG_TOKEN_KEY", NEW_KEY, "CATHALOG_CLIENT_ID", "app",
                "CATHALOG_CLIENT_SECRET", "secret-0123456789");
        URI nowhere = URI.create("http://127.0.0.1:9/Api/v3");

        Run status = run(nowhere, env, "auth", "status");
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.out()).contains("cannot be read").contains("cathalog auth login")
                .contains("cathalog auth logout").doesNotContain("old-access-token");

        Run plan = run(nowhere, env, "plan");
        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.err()).contains("cannot be read").contains("cathalog auth login").doesNotContain("old-access");

        Run logout = run(nowhere, env, "auth", "logout");
        assertThat(logout.exit()).as(logout.err()).isZero();
        assertThat(logout.out()).contains("Deleted the unreadable stored tokens of account demo");
        assertThat(run(nowhere, env, "auth", "status").out()).contains("is not authorized");
    }

    @Test
    void loginWithAChangedKeyWarnsThenReplacesTheTokens() throws Exception {
        storeWithOldKey();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        OAuthApp app = OAuthApp.withAllScopes("cli-test-app", "cli-test-secret-0123456789",
                URI.create("http://127.0.0.1:" + port + "/oauth/callback"));
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false)
                .autoApprove(true).app(app).start()) {
            Map<String, String> env = new HashMap<>(Map.of("CATHALOG_CLIENT_ID", app.clientId(),
                    "CATHALOG_CLIENT_SECRET", app.clientSecret(), "CATHALOG_TOKEN_KEY", NEW_KEY,
                    "CATHALOG_AUTHORIZE_URL", sandbox.baseUrl().toString(),
                    "CATHALOG_CALLBACK_PORT", String.valueOf(port)));
            Process login = ChildCli.start(dir, sandbox.baseUrl(), env, "auth", "login", "--timeout", "PT90S");
            String url = null;
            for (int i = 0; i < 1200 && url == null; i++) {
                url = Files.readString(dir.resolve("stdout.txt")).lines().map(String::strip)
                        .filter(l -> l.startsWith("http")).findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertThat(url).as(Files.readString(dir.resolve("stderr.txt"))).isNotNull();
            try {
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                // The command may stop its callback server before this client read the page.
            }
            assertThat(login.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(dir.resolve("stdout.txt"));
            assertThat(login.exitValue()).as(out + Files.readString(dir.resolve("stderr.txt"))).isZero();
            assertThat(out).contains("cannot be read").contains("this authorization replaces them").contains("Authorized");

            Run status = run(sandbox.baseUrl(), env, "auth", "status");
            assertThat(status.exit()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).contains("is authorized");
        }
    }
}
