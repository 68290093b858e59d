package io.cathalog.bling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.AuthorizationException;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 4: an access token with a stray {@code \r} (a Windows file) used to reach the
 * JDK, whose {@code invalid header value: "Bearer <the token>"} was printed by the CLI and in stack
 * traces. It is refused before the request is built, typed, and the token is in no message.
 */
class TokenHeaderTest {

    @Test
    void aTokenWithAControlCharacterIsRefusedBeforeTheRequestWithoutLeakingIt() {
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).start()) {
            String good = sandbox.issueTokens().accessToken();
            String bad = good + "\r";
            BlingClient bling = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(new AccessTokenProvider() {
                        @Override
                        public String accessToken() {
                            return bad; // a host's own provider: nothing checked it before
                        }

                        @Override
                        public String refreshAfterRejection(String rejected) {
                            return bad;
                        }
                    })
                    .limiter(LocalRequestLimiter.builder(sandbox.defaultAccountId(), BlingPacing.standard()).ratePerSecond(100).build())
                    .build();
            assertThatThrownBy(() -> bling.categories().list().count())
                    .isInstanceOfSatisfying(AuthorizationException.class, e -> {
                        assertThat(e.error()).isEqualTo("invalid_token");
                        assertThat(e.getMessage()).contains("U+000D").doesNotContain(good).doesNotContain("Bearer");
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(good);
                        }
                    });
            assertThat(sandbox.requestLog().forRoute("GET /categorias/produtos")).as("nothing was sent").isEmpty();
        }
    }
}
