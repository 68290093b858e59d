package io.cathalog.cli;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, items 7 to 9, with the real {@code cathalog auth login} process: the page reaches the
 * browser, a forged callback does not end the login, and error text from the callback reaches the
 * terminal without its escape sequences.
 */
class LoginCallbackCliTest {
    @TempDir
    Path dir;

    private BlingSandbox sandbox;
    private Map<String, String> env;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        OAuthApp app = OAuthApp.withAllScopes("cli-test-app", "cli-test-secret-0123456789",
                URI.create("http://127.0.0.1:" + port + "/oauth/callback"));
        sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).autoApprove(true)
                .app(app).start();
        env = Map.of("CATHALOG_CLIENT_ID", app.clientId(), "CATHALOG_CLIENT_SECRET", app.clientSecret(),
                "CATHALOG_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                "CATHALOG_AUTHORIZE_URL", sandbox.baseUrl().toString(), "CATHALOG_CALLBACK_PORT", String.valueOf(port));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String authorizeUrl() throws Exception {
        String url = null;
        for (int i = 0; i < 1200 && url == null; i++) {
            url = Files.readString(dir.resolve("stdout.txt")).lines().map(String::strip)
                    .filter(l -> l.startsWith("http")).findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertThat(url).as(Files.readString(dir.resolve("stderr.txt"))).isNotNull();
        return url;
    }

    private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForgedCallbackIsRefusedTheLoginGoesOnAndThePageReachesTheBrowser() throws Exception {
        Process login = ChildCli.start(dir, sandbox.baseUrl(), env, "auth", "login", "--timeout", "PT90S");
        String url = authorizeUrl();
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> forged = get(plain, "http://127.0.0.1:" + port + "/oauth/callback?code=stolen&state=forged");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(login.isAlive()).as("the forged callback did not end the login").isTrue();

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = get(browser, url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Account demo is authorized");
        assertThat(login.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("stdout.txt"));
        assertThat(login.exitValue()).as(out + Files.readString(dir.resolve("stderr.txt"))).isZero();
        assertThat(out).contains("Authorized");
    }

    @Test
    void errorTextFromTheCallbackReachesTheTerminalWithoutEscapeSequences() throws Exception {
        Process login = ChildCli.start(dir, sandbox.baseUrl(), env, "auth", "login", "--timeout", "PT90S");
        String state = authorizeUrl().replaceAll(".*[?&]state=([^&]+).*", "$1");
        String evil = "\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J\u001b[Hpress enter";
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "http://127.0.0.1:" + port
                + "/oauth/callback?state=" + state + "&error=access_denied&error_description="
                + URLEncoder.encode(evil, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(login.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(login.exitValue()).isEqualTo(1);
        String printed = Files.readString(dir.resolve("stdout.txt")) + Files.readString(dir.resolve("stderr.txt"));
        assertThat(printed).contains("access_denied").contains("press enter").doesNotContain("\u001b")
                .doesNotContain("\u0007");
    }
}
