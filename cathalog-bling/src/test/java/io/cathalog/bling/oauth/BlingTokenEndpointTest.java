package io.cathalog.bling.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.AuthorizationException;
import io.cathalog.core.BlockedException;
import io.cathalog.core.ServerErrorException;
import io.cathalog.core.TransportException;
import io.cathalog.core.auth.OAuthErrors;
import io.cathalog.core.auth.TokenGrant;
import io.cathalog.core.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlingTokenEndpointTest {
    final MutableClock clock = MutableClock.atDefaultInstant();
    final List<AutoCloseable> closing = new ArrayList<>();
    final LogCapture logs = new LogCapture();
    final List<String> secrets = new CopyOnWriteArrayList<>(List.of(OAuthApp.DEMO_CLIENT_SECRET, "stub-secret"));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        logs.close();
        assertThat(logs.leaking(secrets)).as("log lines with a token or secret").isEmpty();
    }

    BlingSandbox sandbox(BlingSandbox.Builder b) {
        BlingSandbox s = b.clock(clock).rateLimits(false).start();
        closing.add(s);
        return s;
    }

    BlingTokenEndpoint endpoint(URI base, String secret) {
        return BlingTokenEndpoint.builder().baseUrl(base).clientId(OAuthApp.DEMO_CLIENT_ID).clientSecret(secret).build();
    }

    TokenGrant remember(TokenGrant g) {
        secrets.add(g.accessToken());
        g.refreshToken().ifPresent(secrets::add);
        return g;
    }

    @Test
    void exchangesACodeAndRefreshesWithRotationAgainstTheSandbox() {
        BlingSandbox bling = sandbox(BlingSandbox.builder());
        BlingTokenEndpoint endpoint = endpoint(bling.baseUrl(), OAuthApp.DEMO_CLIENT_SECRET);
        assertThat(endpoint.tokenUrl()).isEqualTo(bling.tokenUrl());
        String code = bling.authorizationCode(OAuthApp.DEMO_CLIENT_ID, bling.defaultAccountId());
        secrets.add(code);
        TokenGrant first = remember(endpoint.exchangeCode(code));
        assertThat(first.accessToken().length()).as("JWT-like, enable-jwt: 1 was sent").isGreaterThan(1000);
        assertThat(first.expiresIn()).isEqualTo(Duration.ofSeconds(21600));
        assertThat(first.scopes()).isNotEmpty().allMatch(s -> s.matches("\\d+"));
        TokenGrant second = remember(endpoint.refresh(first.refreshToken().orElseThrow()));
        assertThat(second.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> endpoint.refresh(first.refreshToken().orElseThrow()))
                .isInstanceOfSatisfying(AuthorizationException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthErrors.INVALID_GRANT);
                    assertThat(e.getMessage()).contains("HTTP 400").doesNotContain(first.refreshToken().orElseThrow());
                });
        assertThat(endpoint.toString()).doesNotContain(OAuthApp.DEMO_CLIENT_SECRET).contains("<redacted>");
    }

    @Test
    void aReusedCodeAWrongSecretAndAnIpBlockAreTyped() {
        BlingSandbox bling = sandbox(BlingSandbox.builder().tokenEndpointBlock(3, Duration.ofMinutes(1), Duration.ofHours(1)));
        BlingTokenEndpoint endpoint = endpoint(bling.baseUrl(), OAuthApp.DEMO_CLIENT_SECRET);
        String code = bling.authorizationCode(OAuthApp.DEMO_CLIENT_ID, bling.defaultAccountId());
        secrets.add(code);
        remember(endpoint.exchangeCode(code));
        assertThatThrownBy(() -> endpoint.exchangeCode(code)).isInstanceOfSatisfying(AuthorizationException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthErrors.CODE_REUSED));
        assertThatThrownBy(() -> endpoint(bling.baseUrl(), "wrong-secret").exchangeCode("whatever"))
                .isInstanceOfSatisfying(AuthorizationException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthErrors.INVALID_CLIENT);
                    assertThat(e.getMessage()).contains(OAuthApp.DEMO_CLIENT_ID).doesNotContain("wrong-secret");
                });
        // The sandbox serves the call that crosses its limit (4th) and blocks the ones after it.
        assertThatThrownBy(() -> endpoint.refresh("x")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> endpoint.refresh("x")).isInstanceOfSatisfying(BlockedException.class,
                e -> assertThat(e.status()).isEqualTo(403));
    }

    /** A stub token endpoint that records requests and answers what the test queues. */
    final class Stub {
        final HttpServer server;
        final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        volatile int status = 200;
        volatile String body = "{}";

        Stub() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/Api/v3/oauth/token", ex -> {
                Map<String, String> h = new ConcurrentHashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
                h.put(":method", ex.getRequestMethod());
                requests.add(h);
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] out = body.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status, out.length);
                ex.getResponseBody().write(out);
                ex.close();
            });
            server.start();
            closing.add(() -> server.stop(0));
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/Api/v3/");
        }
    }

    @Test
    void sendsTheDocumentedRequestWithCredentialsOnlyInTheBasicHeader() throws Exception {
        Stub stub = new Stub();
        stub.body = "{\"access_token\":\"a1\",\"expires_in\":21600,\"token_type\":\"Bearer\",\"scope\":\" 98309  318257570 \","
                + "\"refresh_token\":\"r1\",\"extra\":true}";
        BlingTokenEndpoint endpoint = BlingTokenEndpoint.builder().baseUrl(stub.base()).clientId("cid")
                .clientSecret("stub-secret").build();
        TokenGrant g = endpoint.refresh("old/refresh+token");
        assertThat(g.scopes()).containsExactlyInAnyOrder("98309", "318257570");
        Map<String, String> h = stub.requests.get(0);
        assertThat(h).containsEntry(":method", "POST").containsEntry("content-type", "application/x-www-form-urlencoded")
                .containsEntry("accept", "1.0").containsEntry("enable-jwt", "1")
                .containsEntry("authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "cid:stub-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(stub.bodies.get(0)).isEqualTo("grant_type=refresh_token&refresh_token=old%2Frefresh%2Btoken")
                .doesNotContain("stub-secret", "cid");
        endpoint.exchangeCode("c 1");
        assertThat(stub.bodies.get(1)).isEqualTo("grant_type=authorization_code&code=c+1");
        BlingTokenEndpoint.builder().baseUrl(stub.base()).clientId("cid").clientSecret("stub-secret").jwt(false).build()
                .refresh("r");
        assertThat(stub.requests.get(2)).doesNotContainKey("enable-jwt");
    }

    @Test
    void aResponseWithoutRefreshTokenOrWithThePlainOAuthErrorShapeIsUnderstood() throws Exception {
        Stub stub = new Stub();
        BlingTokenEndpoint endpoint = BlingTokenEndpoint.builder().baseUrl(stub.base()).clientId("cid")
                .clientSecret("stub-secret").build();
        stub.body = "{\"access_token\":\"a2\",\"expires_in\":60}";
        TokenGrant g = endpoint.refresh("r");
        assertThat(g.refreshToken()).isEmpty();
        assertThat(g.scopes()).isEmpty();
        stub.status = 400;
        stub.body = "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}";
        assertThatThrownBy(() -> endpoint.refresh("r")).isInstanceOfSatisfying(AuthorizationException.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_grant");
            assertThat(e.getMessage()).contains("Refresh token revoked");
        });
        stub.body = "{\"error\":{\"type\":\"UNAUTHORIZED_ERROR\",\"message\":\"Empresa inativa\",\"description\":"
                + "\"A empresa vinculada ao token esta inativa.\"}}";
        assertThatThrownBy(() -> endpoint.refresh("r")).isInstanceOfSatisfying(AuthorizationException.class,
                e -> assertThat(e.error()).isEqualTo("UNAUTHORIZED_ERROR"));
        stub.status = 502;
        stub.body = "<html>bad gateway</html>";
        assertThatThrownBy(() -> endpoint.refresh("r")).isInstanceOf(ServerErrorException.class);
        stub.status = 200;
        stub.body = "{\"access_token\":\"secret-in-a-broken-body\"}";
        assertThatThrownBy(() -> endpoint.refresh("r")).isInstanceOf(TransportException.class)
                .hasMessageContaining("expires_in").hasMessageNotContaining("secret-in-a-broken-body");
        stub.body = "{\"access_token\":\"a\",\"expires_in\":60,\"token_type\":\"mac\"}";
        assertThatThrownBy(() -> endpoint.refresh("r")).isInstanceOf(TransportException.class);
        assertThat(stub.requests).as("one request per call, no retries").hasSize(6);
    }

    /** Issue 19, item 4: a token with CR/LF in the answer is refused, never stored, never quoted. */
    @Test
    void anAnswerWhoseTokensHoldControlCharactersIsRefusedWithoutQuotingThem() throws Exception {
        Stub stub = new Stub();
        BlingTokenEndpoint endpoint = BlingTokenEndpoint.builder().baseUrl(stub.base()).clientId("cid")
                .clientSecret("stub-secret").build();
        stub.body = "{\"access_token\":\"secret-access\\r\\nX-Injected: 1\",\"expires_in\":21600,\"refresh_token\":\"r1\"}";
        assertThatThrownBy(() -> endpoint.refresh("r")).isInstanceOf(TransportException.class)
                .hasMessageContaining("accessToken").hasMessageContaining("U+000D")
                .hasMessageNotContaining("secret-access");
        stub.body = "{\"access_token\":\"a1\",\"expires_in\":21600,\"refresh_token\":\"secret-refresh\\u0000\"}";
        assertThatThrownBy(() -> endpoint.exchangeCode("c")).isInstanceOf(TransportException.class)
                .hasMessageContaining("refreshToken").hasMessageNotContaining("secret-refresh");
    }

    /** Issue 19, item 5: an absurd expires_in keeps the pair, with a bounded lifetime. */
    @Test
    void anAbsurdExpiresInIsBoundedAndThePairKept() throws Exception {
        Stub stub = new Stub();
        BlingTokenEndpoint endpoint = BlingTokenEndpoint.builder().baseUrl(stub.base()).clientId("cid")
                .clientSecret("stub-secret").build();
        for (String absurd : List.of("9223372036854775807", "1e17", "1e30", "99999999999999999999999")) {
            stub.body = "{\"access_token\":\"a1\",\"expires_in\":" + absurd + ",\"refresh_token\":\"r1\"}";
            TokenGrant g = endpoint.refresh("r");
            assertThat(g.expiresIn()).as(absurd).isEqualTo(TokenGrant.MAX_EXPIRES_IN);
            assertThat(g.refreshToken()).contains("r1");
            assertThat(g.toTokens(java.time.Instant.now(), java.util.Optional.empty()).expiresAt())
                    .isAfter(java.time.Instant.now());
        }
        stub.body = "{\"access_token\":\"a1\",\"expires_in\":21600.0,\"refresh_token\":\"r1\"}";
        assertThat(endpoint.refresh("r").expiresIn()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void onlyAnUnopenedConnectionIsRetriedAndOnlyForARefresh() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        BlingTokenEndpoint endpoint = BlingTokenEndpoint.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort + "/Api/v3"))
                .clientId("cid").clientSecret("stub-secret").build();
        assertThatThrownBy(() -> endpoint.refresh("r")).isInstanceOf(TransportException.class)
                .hasMessageContaining("cannot connect");
        assertThatThrownBy(() -> endpoint.exchangeCode("c")).isInstanceOf(TransportException.class);

        // A connection that is accepted and then dropped: the grant may be spent, so no second request.
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket dropper = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!dropper.isClosed()) {
                    try (var socket = dropper.accept()) {
                        accepted.incrementAndGet();
                        socket.getInputStream().read(new byte[512]);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            BlingTokenEndpoint dropped = BlingTokenEndpoint.builder()
                    .baseUrl(URI.create("http://127.0.0.1:" + dropper.getLocalPort() + "/Api/v3"))
                    .clientId("cid").clientSecret("stub-secret").build();
            assertThatThrownBy(() -> dropped.refresh("r")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("may have been used");
            assertThat(accepted).hasValue(1);
        }
    }

    @Test
    void theAuthorizeUrlIsBlingsShape() {
        URI url = BlingAuthorization.authorizeUrls("my app").authorizeUrl("s/1+2");
        assertThat(url.toString()).isEqualTo(
                "https://www.bling.com.br/Api/v3/oauth/authorize?response_type=code&client_id=my+app&state=s%2F1%2B2");
        assertThat(BlingAuthorization.authorizeUrls(URI.create("http://127.0.0.1:1/Api/v3/"), "c").authorizeUrl("s"))
                .hasToString("http://127.0.0.1:1/Api/v3/oauth/authorize?response_type=code&client_id=c&state=s");
        assertThatThrownBy(() -> BlingTokenEndpoint.builder().clientId("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlingTokenEndpoint.builder().clientId("a").build()).isInstanceOf(IllegalStateException.class);
    }
}
