package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsAndInspectionTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private BlingSandbox sandbox;
    private Api api;

    @BeforeEach
    void start() {
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false).start();
        api = Api.forDemo(sandbox);
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    @Test
    void serverErrorsApplyToTheNextMatchingRequestsOnlyAndAreNotApplied() {
        sandbox.faults().serverError("POST /produtos", 503, 2);
        Api.Resp first = api.post("/produtos", Api.productJson("A", "A"));
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.error().get("type").asText()).isEqualTo("SERVER_ERROR");
        assertThat(api.get("/produtos").status()).as("another route is untouched").isEqualTo(200);
        assertThat(api.post("/produtos", Api.productJson("A", "A")).status()).isEqualTo(503);
        assertThat(sandbox.account().products()).isEmpty();
        assertThat(api.post("/produtos", Api.productJson("A", "A")).status()).isEqualTo(201);

        sandbox.faults().serverError(Faults.ANY_ROUTE, 500, 1);
        assertThat(api.get("/canais-venda").status()).isEqualTo(500);
        assertThat(api.get("/canais-venda").status()).isEqualTo(200);
        assertThatThrownBy(() -> sandbox.faults().serverError("GET /nope", 500, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /nope");
    }

    @Test
    void tooManyRequestsBurstsUseBlingsBody() {
        sandbox.faults().tooManyRequests(Faults.ANY_ROUTE, 3);
        for (int i = 0; i < 3; i++) {
            Api.Resp r = api.get("/produtos");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.error().get("type").asText()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(r.error().get("period").asText()).isEqualTo("second");
            assertThat(r.error().get("limit").asInt()).isEqualTo(3);
            assertThat(r.headers().firstValue("Retry-After")).isEmpty();
        }
        assertThat(api.get("/produtos").status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysMatchingRequests() {
        sandbox.faults().latency("GET /canais-venda", Duration.ofMillis(300));
        long t0 = System.nanoTime();
        api.get("/canais-venda");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        sandbox.faults().clear();
        long t1 = System.nanoTime();
        api.get("/canais-venda");
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void lostResponseAppliesTheWriteAndTheClientSeesAnIOException() throws Exception {
        api.get("/produtos"); // warm a pooled connection: the lost response must fail a reused one too
        sandbox.faults().loseResponse("POST /produtos", 1);
        assertThatThrownBy(() -> api.sendChecked("POST", "/produtos", Api.productJson("Perdido", "LOST-1")))
                .isInstanceOf(IOException.class);
        assertThat(sandbox.account().productByCode("LOST-1")).isPresent();
        assertThat(sandbox.requestLog().forRoute("POST /produtos")).singleElement()
                .satisfies(r -> assertThat(r.responseLost()).isTrue());
        // A blind retry is now a duplicate: the sandbox refuses the second SKU.
        assertThat(api.post("/produtos", Api.productJson("Perdido", "LOST-1")).status()).isEqualTo(400);

        sandbox.faults().loseResponse("PUT /produtos/{idProduto}", 1);
        long id = sandbox.account().productByCode("LOST-1").orElseThrow().get("id").asLong();
        assertThatThrownBy(() -> api.sendChecked("PUT", "/produtos/" + id, Api.productJson("Renomeado", "LOST-1")))
                .isInstanceOf(IOException.class);
        assertThat(sandbox.account().product(id).orElseThrow().get("nome").asText()).isEqualTo("Renomeado");
    }

    @Test
    void expireTokensNowAndRevokeAuthorization() {
        IssuedTokens t = sandbox.issueTokens();
        Api a = new Api(sandbox, t.accessToken());
        assertThat(a.get("/produtos").status()).isEqualTo(200);
        sandbox.faults().expireAccessTokensNow(sandbox.defaultAccountId());
        Api.Resp expired = a.get("/produtos");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.error().get("description").asText()).contains("expired");
        Api.Resp refreshed = Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + t.refreshToken());
        assertThat(refreshed.status()).as("refresh tokens survive").isEqualTo(200);

        sandbox.faults().revokeAuthorization(OAuthApp.DEMO_CLIENT_ID, sandbox.defaultAccountId());
        assertThat(new Api(sandbox, refreshed.json().get("access_token").asText()).get("/produtos").status()).isEqualTo(401);
        assertThat(Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token="
                + refreshed.json().get("refresh_token").asText()).status()).isEqualTo(400);
    }

    @Test
    void requestLogRecordsRouteTemplatesAccountsWritesAndCounts() {
        long id = api.post("/produtos", Api.productJson("A", "A")).data().get("id").asLong();
        api.get("/produtos/" + id);
        api.get("/produtos/" + id);
        api.patch("/produtos/" + id, "{\"preco\":1}");
        api.get("/nada");
        new Api(sandbox, null).get("/produtos");

        RequestLog log = sandbox.requestLog();
        assertThat(log.entries()).hasSize(6);
        assertThat(log.countsByRoute()).containsEntry("GET /produtos/{idProduto}", 2L)
                .containsEntry("POST /produtos", 1L).containsEntry("PATCH /produtos/{idProduto}", 1L)
                .containsEntry(RecordedRequest.UNMATCHED, 1L).containsEntry("GET /produtos", 1L);
        assertThat(log.writes()).extracting(RecordedRequest::route)
                .containsExactly("POST /produtos", "PATCH /produtos/{idProduto}");
        RecordedRequest get = log.forRoute("GET /produtos/{idProduto}").get(0);
        assertThat(get.path()).isEqualTo("/produtos/" + id);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.accountId()).hasValue(sandbox.defaultAccountId());
        assertThat(get.at()).isEqualTo(clock.instant());
        assertThat(log.forRoute("GET /produtos").get(0).accountId()).isEmpty();
        assertThat(log.forRoute("GET /produtos").get(0).status()).isEqualTo(401);
        assertThat(log.forAccount(sandbox.defaultAccountId())).hasSize(4);
        assertThat(log.countWithStatus(404)).isEqualTo(1);
        assertThat(log.peakInWindow(Duration.ofSeconds(1), Optional.empty())).isEqualTo(6);
        sandbox.resetRequestLog();
        assertThat(log.entries()).isEmpty();
        assertThat(sandbox.routes()).contains("GET /produtos/{idProduto}", "POST /oauth/token");
    }

    @Test
    void peakInWindowIsHalfOpen() {
        for (int i = 0; i < 4; i++) {
            api.get("/canais-venda");
            clock.advance(Duration.ofMillis(500));
        }
        // Requests at 0, 0.5, 1.0, 1.5 s: any one-second window [t, t+1s) holds two of them.
        assertThat(sandbox.requestLog().peakInWindow(Duration.ofSeconds(1), Optional.of(sandbox.defaultAccountId())))
                .isEqualTo(2);
    }

    @Test
    void directDataAccessWithoutHttp() {
        SandboxAccount account = sandbox.account();
        long cat = account.addCategory("Casa", 0);
        var body = Api.JSON.createObjectNode().put("nome", "Panela").put("codigo", "PAN-1").put("tipo", "P")
                .put("situacao", "A").put("formato", "S");
        body.putObject("categoria").put("id", cat);
        long id = account.putProduct(body);
        assertThat(api.get("/produtos/" + id).data().get("categoria").get("id").asLong()).isEqualTo(cat);
        body.put("id", id).put("nome", "Panela Grande");
        assertThat(account.putProduct(body)).isEqualTo(id);
        assertThat(account.product(id).orElseThrow().get("nome").asText()).isEqualTo("Panela Grande");
        assertThatThrownBy(() -> account.putProduct(Api.JSON.createObjectNode().put("nome", "sem tipo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MISSING_REQUIRED_FIELD_ERROR");
        assertThat(account.categories()).hasSize(1);
        assertThat(sandbox.requestLog().entries()).hasSize(1);
        assertThat(account.deleteProduct(id)).isTrue();
        assertThat(account.products()).isEmpty();
    }
}
