package io.cathalog.bling;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.bling.sandbox.Scope;
import io.cathalog.core.InsufficientScopeException;
import io.cathalog.core.RemoteException;
import io.cathalog.core.RemoteValidationException;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.internal.ApiRequest;
import io.cathalog.core.http.internal.ApiResponse;
import io.cathalog.core.http.internal.ResponseClassifier;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlingClientErrorsTest {
    private final BlingResponseClassifier classifier = new BlingResponseClassifier();
    private final ApiRequest get = new ApiRequest("GET", "/produtos", URI.create("http://127.0.0.1/Api/v3/produtos"),
            Optional.empty());

    private static ApiResponse response(int status, String body) {
        return new ApiResponse(status, HttpHeaders.of(Map.of(), (a, b) -> true), body.getBytes(StandardCharsets.UTF_8), 1);
    }

    @Test
    void aTokenWithoutTheScopeIsInsufficientScopeAndNotRefreshed() {
        OAuthApp productsOnly = new OAuthApp("products-only", "secret-products-only", URI.create("http://127.0.0.1:1/cb"),
                EnumSet.of(Scope.PRODUCTS));
        try (BlingSandbox sandbox = BlingSandbox.builder().rateLimits(false).app(productsOnly).start()) {
            BlingClient bling = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens("products-only", sandbox.defaultAccountId())
                            .accessToken()))
                    .limiter(io.cathalog.core.http.LocalRequestLimiter.builder(sandbox.defaultAccountId(), BlingPacing.standard())
                            .ratePerSecond(100).build())
                    .build();
            assertThat(bling.products().list(ProductFilter.all()).count()).isZero();
            assertThatThrownBy(() -> bling.categories().list().count())
                    .isInstanceOfSatisfying(InsufficientScopeException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.type()).isEqualTo("insufficient_scope");
                    });
            assertThat(sandbox.requestLog().forRoute("GET /categorias/produtos")).hasSize(1);
        }
    }

    @Test
    void blingsEnvelopeIsKeptWholeWithNestedFieldErrors() {
        String body = """
                {"error":{"type":"VALIDATION_ERROR","message":"Não foi possível salvar a venda",
                 "description":"A venda não pode ser salva.",
                 "fields":[{"code":49,"msg":"Parcelas com erro","element":"parcelas","namespace":"VENDAS",
                   "collection":[{"index":1,"code":12,"msg":"Forma de pagamento inválida","element":"formaPagamento"}]}]}}
                """;
        ApiResponse r = response(400, body);
        assertThat(classifier.classify(get, r)).isInstanceOf(ResponseClassifier.Kind.ClientError.class);
        assertThat(classifier.failure(get, r)).isInstanceOfSatisfying(RemoteValidationException.class, e -> {
            assertThat(e.remoteMessage()).isEqualTo("Não foi possível salvar a venda");
            assertThat(e.description()).isEqualTo("A venda não pode ser salva.");
            assertThat(e.fields()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(49);
                assertThat(f.element()).contains("parcelas");
                assertThat(f.collection()).singleElement().satisfies(c -> assertThat(c.index()).contains(1));
            });
            assertThat(e.getMessage()).contains("GET /produtos failed with 400 VALIDATION_ERROR");
        });
    }

    @Test
    void bodiesThatAreNotBlingsAreReportedBoundedNotCrashedOn() {
        String html = "<html><body><h1>502 Bad Gateway</h1>" + "x".repeat(5_000) + "</body></html>";
        ApiResponse r = response(502, html);
        assertThat(classifier.classify(get, r)).isInstanceOf(ResponseClassifier.Kind.ServerError.class);
        RuntimeException e = classifier.failure(get, r);
        assertThat(e).isInstanceOf(RemoteException.class);
        assertThat(e.getMessage()).contains("UNKNOWN_ERROR").contains("502 Bad Gateway").hasSizeLessThan(600);
        assertThat(classifier.failure(get, response(400, "{\"error\": 42, \"trunc")).getMessage()).contains("UNKNOWN_ERROR");
        assertThat(classifier.failure(get, response(500, "")).getMessage()).contains("(empty body)");
        assertThat(classifier.classify(get, response(401, "{\"error\":\"invalid_token\"}")))
                .isInstanceOf(ResponseClassifier.Kind.TokenRejected.class);
    }

    @Test
    void tooManyRequestsTellsSecondsFromDays() {
        String second = "{\"error\":{\"type\":\"TOO_MANY_REQUESTS\",\"message\":\"m\",\"description\":\"d\",\"limit\":3,\"period\":\"second\"}}";
        String day = "{\"error\":{\"type\":\"TOO_MANY_REQUESTS\",\"message\":\"m\",\"description\":\"d\",\"limit\":120000,\"period\":\"day\"}}";
        assertThat(classifier.classify(get, response(429, second))).isInstanceOf(ResponseClassifier.Kind.RateLimited.class);
        assertThat(classifier.classify(get, response(429, day))).isInstanceOf(ResponseClassifier.Kind.DailyQuotaExhausted.class);
    }

    @Test
    void logsNeverCarryTheToken() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + record.getParameters());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("io.cathalog");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try (ClientFixture fx = ClientFixture.fast()) {
            String token = fx.sandbox.issueTokens().accessToken();
            BlingClient bling = fx.clientBuilder().tokens(AccessTokenProvider.fixed(token)).build();
            bling.categories().list().count();
            fx.sandbox.faults().serverError("GET /categorias/produtos", 500, 1);
            bling.categories().list().count();
            assertThat(lines).isNotEmpty();
            assertThat(lines).noneMatch(l -> l.contains(token));
            assertThat(AccessTokenProvider.fixed(token).toString()).doesNotContain(token);
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
    }
}
