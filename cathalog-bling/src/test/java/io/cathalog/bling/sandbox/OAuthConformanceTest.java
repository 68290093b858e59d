package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthConformanceTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private BlingSandbox sandbox;

    private BlingSandbox start(BlingSandbox.Builder b) {
        sandbox = b.clock(clock).rateLimits(false).start();
        return sandbox;
    }

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static HttpResponse<String> raw(HttpRequest r) throws Exception {
        return Api.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(String location) {
        return OAuthService.form(URI.create(location).getRawQuery());
    }

    @Test
    void consentPageApprovesAndDeniesWithState() throws Exception {
        start(BlingSandbox.builder());
        HttpResponse<String> page = raw(HttpRequest.newBuilder(sandbox.authorizeUrl(OAuthApp.DEMO_CLIENT_ID, "xyz 1")).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("Autorizar", "Negar", "name=\"state\" value=\"xyz 1\"");

        String approve = "client_id=" + OAuthApp.DEMO_CLIENT_ID + "&state=" + URLEncoder.encode("xyz 1", StandardCharsets.UTF_8)
                + "&account=" + sandbox.defaultAccountId() + "&decision=approve";
        HttpResponse<String> ok = raw(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(approve)).build());
        assertThat(ok.statusCode()).isEqualTo(302);
        String location = ok.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(OAuthApp.DEMO_REDIRECT_URI.toString() + "?");
        assertThat(query(location)).containsEntry("state", "xyz 1").containsKey("code");

        Api.Resp tokens = Api.demoToken(sandbox, "grant_type=authorization_code&code=" + query(location).get("code"));
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(new Api(sandbox, tokens.json().get("access_token").asText()).get("/empresas/me/dados-basicos").status())
                .isEqualTo(200);

        HttpResponse<String> denied = raw(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(approve.replace("approve", "deny"))).build());
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(query(denied.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "access_denied").containsEntry("state", "xyz 1").doesNotContainKey("code");
    }

    @Test
    void autoApproveRedirectsAtOnceAndUnknownClientGetsNoRedirect() throws Exception {
        start(BlingSandbox.builder().autoApprove(true));
        HttpResponse<String> r = raw(HttpRequest.newBuilder(sandbox.authorizeUrl(OAuthApp.DEMO_CLIENT_ID, "s1")).build());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(query(r.headers().firstValue("Location").orElseThrow())).containsEntry("state", "s1").containsKey("code");

        HttpResponse<String> unknown = raw(HttpRequest.newBuilder(sandbox.authorizeUrl("nope", "s1")).build());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> noState = raw(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                + "/oauth/authorize?response_type=code&client_id=" + OAuthApp.DEMO_CLIENT_ID)).build());
        assertThat(noState.statusCode()).isEqualTo(400);
    }

    @Test
    void tokenResponseHasBlingsFieldsAndCodesAreSingleUseRevokingOnReuse() {
        start(BlingSandbox.builder());
        String code = sandbox.authorizationCode(OAuthApp.DEMO_CLIENT_ID, sandbox.defaultAccountId());
        Api.Resp r = Api.demoToken(sandbox, "grant_type=authorization_code&code=" + code);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data")).isNull();
        assertThat(r.json().fieldNames()).toIterable()
                .containsExactly("access_token", "expires_in", "token_type", "scope", "refresh_token");
        assertThat(r.json().get("expires_in").asLong()).isEqualTo(21600);
        assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.json().get("scope").asText()).matches("\\d+( \\d+)*");
        String access = r.json().get("access_token").asText();
        assertThat(access).matches("[0-9a-f]{40}");
        Api api = new Api(sandbox, access);
        assertThat(api.get("/produtos").status()).isEqualTo(200);

        Api.Resp reuse = Api.demoToken(sandbox, "grant_type=authorization_code&code=" + code);
        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.error().get("type").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(reuse.error().get("message").asText()).isEqualTo("Invalid authorization code");
        // The user's access is revoked: the token from the first exchange is dead, and so is its refresh token.
        assertThat(api.get("/produtos").status()).isEqualTo(401);
        assertThat(Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token="
                + r.json().get("refresh_token").asText()).error().get("type").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void codesExpireAfterSixtySeconds() {
        start(BlingSandbox.builder());
        String code = sandbox.authorizationCode(OAuthApp.DEMO_CLIENT_ID, sandbox.defaultAccountId());
        clock.advance(Duration.ofSeconds(60));
        Api.Resp r = Api.demoToken(sandbox, "grant_type=authorization_code&code=" + code);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("type").asText()).isEqualTo("invalid_grant");
        assertThat(r.error().get("description").asText()).contains("expired");

        String fresh = sandbox.authorizationCode(OAuthApp.DEMO_CLIENT_ID, sandbox.defaultAccountId());
        clock.advance(Duration.ofSeconds(59));
        assertThat(Api.demoToken(sandbox, "grant_type=authorization_code&code=" + fresh).status()).isEqualTo(200);
    }

    @Test
    void clientCredentialsOnlyInBasicHeader() {
        start(BlingSandbox.builder());
        String code = sandbox.authorizationCode(OAuthApp.DEMO_CLIENT_ID, sandbox.defaultAccountId());
        Api.Resp inBody = Api.token(sandbox, null, null, "grant_type=authorization_code&code=" + code + "&client_id="
                + OAuthApp.DEMO_CLIENT_ID + "&client_secret=" + OAuthApp.DEMO_CLIENT_SECRET, false);
        assertThat(inBody.status()).isEqualTo(401);
        assertThat(inBody.error().get("type").asText()).isEqualTo("invalid_client");
        Api.Resp wrongSecret = Api.token(sandbox, OAuthApp.DEMO_CLIENT_ID, "wrong", "grant_type=authorization_code&code=" + code, false);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.error().get("description").asText()).isEqualTo("The client credentials are invalid");
        // The failed attempts did not consume the code.
        assertThat(Api.demoToken(sandbox, "grant_type=authorization_code&code=" + code).status()).isEqualTo(200);
    }

    @Test
    void refreshTokensRotateAndTheOldOneDiesAtOnce() {
        start(BlingSandbox.builder());
        IssuedTokens first = sandbox.issueTokens();
        Api.Resp refreshed = Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + first.refreshToken());
        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.json().get("refresh_token").asText();
        assertThat(newRefresh).isNotEqualTo(first.refreshToken());
        Api.Resp again = Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + first.refreshToken());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.error().get("type").asText()).isEqualTo("invalid_grant");
        // Default (open question 4): the previous access token lives until its own expiry.
        assertThat(new Api(sandbox, first.accessToken()).get("/canais-venda").status()).isEqualTo(200);
        assertThat(new Api(sandbox, refreshed.json().get("access_token").asText()).get("/canais-venda").status()).isEqualTo(200);
        assertThat(Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + newRefresh).status()).isEqualTo(200);
    }

    @Test
    void previousAccessTokenCanBeRevokedOnRefresh() {
        start(BlingSandbox.builder().accessTokenAfterRefresh(BlingSandbox.AccessTokenAfterRefresh.REVOKED));
        IssuedTokens first = sandbox.issueTokens();
        assertThat(Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + first.refreshToken()).status())
                .isEqualTo(200);
        assertThat(new Api(sandbox, first.accessToken()).get("/canais-venda").status()).isEqualTo(401);
    }

    @Test
    void refreshTokensExpireAfterTheirLifetime() {
        start(BlingSandbox.builder().refreshTokenLifetime(Duration.ofDays(30)));
        IssuedTokens t = sandbox.issueTokens();
        IssuedTokens u = sandbox.issueTokens();
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + t.refreshToken()).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        Api.Resp late = Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + u.refreshToken());
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.error().get("description").asText()).contains("expired");
    }

    @Test
    void jwtTokensWhenAskedAndConfigurableLifetime() {
        start(BlingSandbox.builder().accessTokenLifetime(Duration.ofSeconds(90)));
        String code = sandbox.authorizationCode(OAuthApp.DEMO_CLIENT_ID, sandbox.defaultAccountId());
        Api.Resp r = Api.token(sandbox, OAuthApp.DEMO_CLIENT_ID, OAuthApp.DEMO_CLIENT_SECRET,
                "grant_type=authorization_code&code=" + code, true);
        assertThat(r.json().get("expires_in").asLong()).isEqualTo(90);
        String access = r.json().get("access_token").asText();
        assertThat(access.length()).isGreaterThanOrEqualTo(1500);
        assertThat(access.split("\\.")).hasSize(3);
        assertThat(r.json().get("refresh_token").asText().length()).isGreaterThanOrEqualTo(1500);
        Api api = new Api(sandbox, access);
        assertThat(api.get("/produtos").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(90));
        Api.Resp expired = api.get("/produtos");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.error().get("type").asText()).isEqualTo("invalid_token");
        assertThat(expired.error().get("description").asText()).isEqualTo("The access token provided has expired");
    }

    @Test
    void apiCallsNeedAValidTokenWithTheScope() {
        OAuthApp narrow = new OAuthApp("narrow-app", "narrow-secret", URI.create("http://localhost/cb"),
                EnumSet.of(Scope.SALES_CHANNELS));
        start(BlingSandbox.builder().app(narrow));
        Api none = new Api(sandbox, null);
        Api.Resp missing = none.get("/produtos");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error().get("type").asText()).isEqualTo("invalid_token");
        Api.Resp unknown = new Api(sandbox, "0123456789abcdef0123456789abcdef01234567").get("/produtos");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error().get("description").asText()).isEqualTo("The access token provided is invalid");

        Api scoped = new Api(sandbox, sandbox.issueTokens("narrow-app", sandbox.defaultAccountId()).accessToken());
        assertThat(scoped.get("/canais-venda").status()).isEqualTo(200);
        Api.Resp denied = scoped.get("/produtos");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.error().get("type").asText()).isEqualTo("insufficient_scope");
    }

    @Test
    void accountsAreIsolated() {
        String other = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        start(BlingSandbox.builder().account(other, "Outra Loja LTDA"));
        Api a = Api.forDemo(sandbox);
        Api b = new Api(sandbox, sandbox.issueTokens(OAuthApp.DEMO_CLIENT_ID, other).accessToken());
        long id = a.post("/produtos", Api.productJson("Produto A", "SKU-A")).data().get("id").asLong();
        assertThat(a.get("/produtos/" + id).status()).isEqualTo(200);
        assertThat(b.get("/produtos/" + id).status()).isEqualTo(404);
        assertThat(b.post("/produtos", Api.productJson("Produto A", "SKU-A")).status()).isEqualTo(201);
        assertThat(b.get("/empresas/me/dados-basicos").data().get("id").asText()).isEqualTo(other);
        assertThat(sandbox.account(other).products()).hasSize(1);
    }
}
