package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.AuthorizationException;
import io.cathalog.core.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationFlowTest {
    final MutableClock clock = MutableClock.atDefaultInstant();
    final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    final InMemoryTokenStore store = new InMemoryTokenStore();
    final TokenManager manager = TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
            .authorizeUrls(state -> URI.create("https://erp.example/oauth/authorize?client_id=app&state=" + state)).build();
    final AuthorizationFlow flow = manager.authorization();

    static String state(URI url) {
        return url.getQuery().replaceAll(".*state=", "");
    }

    static void assertError(Runnable call, String error) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthorizationException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void aCallbackWithTheRightStateExchangesTheCodeOnceAndStoresTheTokens() {
        URI url = flow.authorizeUrl("acme");
        String state = state(url);
        assertThat(state).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(state(flow.authorizeUrl("acme"))).isNotEqualTo(state);
        AuthorizedAccount done = flow.handleCallback(Map.of("code", endpoint.newCode(), "state", state));
        assertThat(done.accountId()).isEqualTo("acme");
        assertThat(done.scopes()).containsExactlyInAnyOrder("98309", "318257570");
        assertThat(done.accessTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(6)));
        assertThat(endpoint.exchangeCalls).hasValue(1);
        VersionedTokens stored = store.load("acme").orElseThrow();
        assertThat(stored.version()).isEqualTo(done.version());
        assertThat(manager.accessToken("acme")).isEqualTo(stored.tokens().accessToken());
        assertThat(done.toString()).doesNotContain("access-", "refresh-");

        // The state is single-use: a replayed callback is refused before any exchange.
        assertError(() -> flow.handleCallback(Map.of("code", endpoint.newCode(), "state", state)), OAuthErrors.STATE_MISMATCH);
        assertThat(endpoint.exchangeCalls).hasValue(1);
    }

    @Test
    void aNewAuthorizationReplacesStoredTokens() {
        flow.handleCallback(Map.of("code", endpoint.newCode(), "state", state(flow.authorizeUrl("acme"))));
        AuthorizedAccount again = flow.handleCallback(Map.of("code", endpoint.newCode(), "state",
                state(flow.authorizeUrl("acme"))));
        assertThat(again.version()).isEqualTo(2);
        assertThat(manager.accessToken("acme")).isEqualTo(store.load("acme").orElseThrow().tokens().accessToken());
    }

    @Test
    void wrongMissingOrExpiredStatesExchangeNothing() {
        flow.authorizeUrl("acme");
        assertError(() -> flow.handleCallback(Map.of("code", "c", "state", "forged")), OAuthErrors.STATE_MISMATCH);
        assertError(() -> flow.handleCallback(Map.of("code", "c")), OAuthErrors.STATE_MISMATCH);
        assertError(() -> flow.handleCallback(Map.of("code", "c", "state", " ")), OAuthErrors.STATE_MISMATCH);
        String late = state(flow.authorizeUrl("acme"));
        clock.advance(Duration.ofMinutes(10));
        assertError(() -> flow.handleCallback(Map.of("code", "c", "state", late)), OAuthErrors.STATE_EXPIRED);
        assertThat(endpoint.exchangeCalls).hasValue(0);
        assertThat(store.load("acme")).isEmpty();
        assertThat(flow.pendingStates()).isZero();
    }

    @Test
    void errorsFromTheErpAreReportedWithTheirCode() {
        String s1 = state(flow.authorizeUrl("acme"));
        assertThatThrownBy(() -> flow.handleCallback(Map.of("error", "access_denied", "error_description",
                "O usuário negou o acesso.", "state", s1))).isInstanceOfSatisfying(AuthorizationException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthErrors.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("acme", "negou");
                });
        String s2 = state(flow.authorizeUrl("acme"));
        assertError(() -> flow.handleCallback(Map.of("error", "app_inativo", "state", s2)), OAuthErrors.APP_INATIVO);
        String s3 = state(flow.authorizeUrl("acme"));
        assertError(() -> flow.handleCallback(Map.of("state", s3)), OAuthErrors.INVALID_REQUEST);
        assertThat(endpoint.exchangeCalls).hasValue(0);
        assertThat(store.load("acme")).isEmpty();
    }

    @Test
    void aRefusedCodeStoresNothing() {
        String s = state(flow.authorizeUrl("acme"));
        assertError(() -> flow.handleCallback(Map.of("code", "never-issued", "state", s)), OAuthErrors.INVALID_GRANT);
        endpoint.failWith = Optional.of(OAuthErrors.INVALID_CLIENT);
        String s2 = state(flow.authorizeUrl("acme"));
        assertError(() -> flow.handleCallback(Map.of("code", endpoint.newCode(), "state", s2)), OAuthErrors.INVALID_CLIENT);
        assertThat(endpoint.exchangeCalls).as("once per callback, never retried").hasValue(2);
        assertThat(store.load("acme")).isEmpty();
    }

    @Test
    void codeExchangesCountAgainstTheThrottle() {
        TokenManager tight = TokenManager.builder().store(store).endpoint(endpoint).clock(clock).maxTokenCallsPerMinute(1)
                .authorizeUrls(s -> URI.create("https://erp.example/a?state=" + s)).build();
        AuthorizationFlow f = tight.authorization();
        f.handleCallback(Map.of("code", endpoint.newCode(), "state", state(f.authorizeUrl("a"))));
        String s = state(f.authorizeUrl("b"));
        assertThatThrownBy(() -> f.handleCallback(Map.of("code", endpoint.newCode(), "state", s)))
                .isInstanceOf(TokenCallThrottledException.class);
        assertThat(endpoint.exchangeCalls).hasValue(1);
    }

    @Test
    void theLoopbackServerHandsTheCallbackToTheFlow() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (LoopbackCallbackServer server = LoopbackCallbackServer.start(flow)) {
            assertThat(server.redirectUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/oauth/callback");
            assertThat(server.redirectUri().getPort()).isPositive();
            HttpResponse<String> notHere = http.send(HttpRequest.newBuilder(server.redirectUri().resolve("/favicon.ico"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notHere.statusCode()).isEqualTo(404);
            String state = state(flow.authorizeUrl("acme"));
            URI callback = URI.create(server.redirectUri() + "?code=" + endpoint.newCode() + "&state=" + state);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Account acme is authorized");
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(server.awaitAuthorization(Duration.ofSeconds(5)).accountId()).isEqualTo("acme");
            assertThat(store.load("acme")).isPresent();
        }
    }

    @Test
    void theLoopbackServerReportsARefusalAndEscapesIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (LoopbackCallbackServer server = LoopbackCallbackServer.start(flow)) {
            String state = state(flow.authorizeUrl("acme"));
            URI callback = URI.create(server.redirectUri() + "?error=access_denied&error_description=%3Cscript%3E&state=" + state);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("access_denied", "&lt;script&gt;").doesNotContain("<script>");
            assertError(() -> {
                try {
                    server.awaitAuthorization(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, OAuthErrors.ACCESS_DENIED);
            assertThat(server.outcome().isCompletedExceptionally()).isTrue();
        }
        try (LoopbackCallbackServer idle = LoopbackCallbackServer.start(flow)) {
            assertThatThrownBy(() -> idle.awaitAuthorization(Duration.ofMillis(50)))
                    .hasMessageContaining("no authorization callback");
            assertThat(idle.outcome().isDone()).isFalse();
        }
    }
}
