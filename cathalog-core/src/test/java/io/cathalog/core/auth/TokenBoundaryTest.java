package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, items 4 and 5: a token with a control character is refused where it enters (a grant,
 * a token pair, a fixed token, a stored file) without being quoted; an absurd {@code expires_in}
 * is bounded instead of overflowing the expiry after the refresh token was spent.
 */
class TokenBoundaryTest {
    static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
    static final String WINDOWS = "eyJhbGciOiJSUzI1NiJ9.secret-part\r";

    @Test
    void tokensWithAControlCharacterAreRefusedWithoutBeingQuoted() {
        for (String bad : new String[] {WINDOWS, "secret-part\r\nX-Injected: 1", "secret part", "secret\u0000part",
                "secret\u0085part"}) {
            assertThatThrownBy(() -> new Tokens(bad, "refresh-ok", T0.plusSeconds(60), Set.of(), T0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessToken contains")
                    .hasMessageNotContaining("secret");
            assertThatThrownBy(() -> new Tokens("access-ok", bad, T0.plusSeconds(60), Set.of(), T0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshToken contains")
                    .hasMessageNotContaining("secret");
            assertThatThrownBy(() -> new TokenGrant(bad, Optional.empty(), Duration.ofHours(6), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
            assertThatThrownBy(() -> new TokenGrant("access-ok", Optional.of(bad), Duration.ofHours(6), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
            assertThatThrownBy(() -> AccessTokenProvider.fixed(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("secret");
        }
        assertThatThrownBy(() -> AccessTokenProvider.fixed(WINDOWS)).hasMessageContaining("U+000D")
                .hasMessageContaining("position 33");
    }

    @Test
    void aStoredFileWithAControlCharacterInATokenIsUnreadableNotHandedOut(@TempDir Path tmp) throws Exception {
        KeyProvider key = KeyProvider.ofBytes(new SecureRandom().generateSeed(32));
        EncryptedFileTokenStore store = EncryptedFileTokenStore.builder().directory(tmp).keyProvider(key).build();
        Map<String, Object> doc = Map.of("format", 1, "account", "acme", "version", 3, "tokens", Map.of(
                "accessToken", WINDOWS, "refreshToken", "refresh-ok", "expiresAt", T0.plusSeconds(60).toString(),
                "obtainedAt", T0.toString(), "scopes", new String[0]));
        byte[] plain = new ObjectMapper().writeValueAsBytes(doc);
        Files.write(store.fileOf("acme"), new AesGcmCipher(key).encrypt(plain, "cathalog.tokens:acme"));
        assertThatThrownBy(() -> store.load("acme")).isInstanceOf(UnreadableTokensException.class)
                .hasMessageContaining("malformed tokens").hasMessageNotContaining("secret-part");
        assertThat(new String(plain, StandardCharsets.UTF_8)).contains("secret-part"); // the test wrote what it meant
    }

    @Test
    void anAbsurdLifetimeIsBoundedAndThePairKept() {
        for (Duration absurd : new Duration[] {Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(100_000_000_000_000_000L),
                Duration.ofDays(400)}) {
            TokenGrant g = new TokenGrant("access-ok", Optional.of("refresh-ok"), absurd, Set.of());
            assertThat(g.expiresIn()).isEqualTo(TokenGrant.MAX_EXPIRES_IN);
            assertThat(g.toTokens(T0, Optional.empty()).expiresAt()).isEqualTo(T0.plus(TokenGrant.MAX_EXPIRES_IN));
        }
        assertThat(new TokenGrant("a", Optional.empty(), Duration.ofHours(6), Set.of()).expiresIn())
                .isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aRefreshAnsweredWithAnAbsurdLifetimeIsStoredAndUsed() {
        MutableClock clock = MutableClock.atDefaultInstant();
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.compareAndSet("acme", TokenStore.ABSENT, endpoint.issue(clock.instant()));
        TokenManager m = TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
                .authorizeUrls(s -> URI.create("https://erp.example/authorize?state=" + s)).build();
        clock.advance(Duration.ofHours(6));
        endpoint.lifetime = Duration.ofSeconds(Long.MAX_VALUE);
        assertThat(m.accessToken("acme")).isEqualTo("access-2");
        VersionedTokens stored = store.load("acme").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.tokens().expiresAt()).isEqualTo(clock.instant().plus(TokenGrant.MAX_EXPIRES_IN));
        clock.advance(TokenGrant.MAX_EXPIRES_IN);
        assertThat(m.accessToken("acme")).as("refreshed when the bounded lifetime ends").isEqualTo("access-3");
    }
}
