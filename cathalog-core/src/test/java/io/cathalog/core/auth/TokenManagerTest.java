package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.AuthorizationException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenManagerTest {
    static final String ACME = "acme";
    final MutableClock clock = MutableClock.atDefaultInstant();
    final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    final InMemoryTokenStore store = new InMemoryTokenStore();
    final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    TokenManager.Builder builder(TokenStore s) {
        return TokenManager.builder().store(s).endpoint(endpoint).clock(clock)
                .authorizeUrls(state -> URI.create("https://erp.example/oauth/authorize?state=" + state));
    }

    TokenManager manager() {
        return builder(store).build();
    }

    VersionedTokens seed() {
        return store.compareAndSet(ACME, TokenStore.ABSENT, endpoint.issue(clock.instant())).orElseThrow();
    }

    @Test
    void servesTheStoredTokenUntilTheSkewThenRefreshesOnce() {
        seed();
        TokenManager m = manager();
        assertThat(m.accessToken(ACME)).isEqualTo("access-1");
        clock.advance(Duration.ofHours(6).minusMinutes(5).minusSeconds(1));
        assertThat(m.accessToken(ACME)).as("5 min + 1 s before expiry").isEqualTo("access-1");
        assertThat(endpoint.refreshCalls).hasValue(0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(m.accessToken(ACME)).as("exactly 5 min before expiry").isEqualTo("access-2");
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");
        assertThat(endpoint.refreshCalls).hasValue(1);
        VersionedTokens stored = store.load(ACME).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.tokens().refreshToken()).isEqualTo("refresh-2");
        assertThat(stored.tokens().obtainedAt()).isEqualTo(clock.instant());
        assertThat(endpoint.isLive("refresh-1")).isFalse();
    }

    @Test
    void theSkewIsConfigurableAndShortLivedTokensRefreshAtHalfTheirLifetime() {
        endpoint.lifetime = Duration.ofMinutes(4);
        seed();
        TokenManager m = builder(store).refreshSkew(Duration.ofMinutes(5)).build();
        assertThat(m.accessToken(ACME)).as("a 5-minute skew would refresh a 4-minute token at once").isEqualTo("access-1");
        clock.advance(Duration.ofMinutes(2));
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");

        TokenManager tight = builder(store).refreshSkew(Duration.ofSeconds(10)).build();
        clock.advance(Duration.ofMinutes(3).plusSeconds(49));
        assertThat(tight.accessToken(ACME)).isEqualTo("access-2");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tight.accessToken(ACME)).isEqualTo("access-3");
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        seed();
        TokenManager m = manager();
        clock.advance(Duration.ofHours(6));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        endpoint.duringRefresh = r -> {
            inside.countDown();
            await(release);
        };
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> m.accessToken(ACME)));
        }
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // let the others reach the flight; correctness does not depend on it
        release.countDown();
        for (Future<String> f : results) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("access-2");
        }
        assertThat(endpoint.refreshCalls).hasValue(1);
    }

    @Test
    void aRefreshStoredByAnotherProcessIsUsedWithoutACall() {
        seed();
        TokenManager m = manager();
        assertThat(m.accessToken(ACME)).isEqualTo("access-1");
        clock.advance(Duration.ofHours(6));
        // Another process refreshed and stored: the cache is stale, the store is not.
        Tokens theirs = endpoint.issue(clock.instant());
        store.compareAndSet(ACME, 1, theirs).orElseThrow();
        assertThat(m.accessToken(ACME)).isEqualTo(theirs.accessToken());
        assertThat(endpoint.refreshCalls).hasValue(0);
    }

    @Test
    void theCompareAndSetLoserUsesTheWinnersTokens() {
        seed();
        Tokens[] winner = new Tokens[1];
        // A store with no lock whose compare-and-set sees another writer get in first.
        TokenStore racing = new DelegatingStore(store) {
            @Override
            public Optional<VersionedTokens> compareAndSet(String a, long v, Tokens t) {
                if (winner[0] == null) {
                    winner[0] = endpoint.issue(clock.instant());
                    store.compareAndSet(a, v, winner[0]).orElseThrow();
                }
                return store.compareAndSet(a, v, t);
            }
        };
        TokenManager m = builder(racing).build();
        clock.advance(Duration.ofHours(6));
        assertThat(m.accessToken(ACME)).isEqualTo(winner[0].accessToken());
        assertThat(store.load(ACME).orElseThrow().tokens()).isEqualTo(winner[0]);
        assertThat(endpoint.refreshCalls).hasValue(1);
    }

    @Test
    void invalidGrantAfterAnotherProcessRotatedUsesItsTokens() {
        seed();
        TokenManager m = manager();
        clock.advance(Duration.ofHours(6));
        Tokens[] theirs = new Tokens[1];
        AtomicBoolean once = new AtomicBoolean();
        endpoint.duringRefresh = spent -> {
            if (once.compareAndSet(false, true)) {
                // Another process (outside our lock) spends the same refresh token first and stores its pair.
                theirs[0] = endpoint.refresh(spent).toTokens(clock.instant(), Optional.empty());
                store.compareAndSet(ACME, 1, theirs[0]).orElseThrow();
            }
        };
        assertThat(m.accessToken(ACME)).isEqualTo(theirs[0].accessToken());
        assertThat(endpoint.refreshCalls).as("theirs and ours").hasValue(2);
    }

    @Test
    void invalidGrantWithNothingNewerNeedsReauthorizationAndStopsCalling() {
        seed();
        TokenManager m = manager();
        clock.advance(Duration.ofHours(6));
        endpoint.refresh("refresh-1"); // revoked / spent behind our back
        endpoint.refreshCalls.set(0);
        assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOfSatisfying(ReauthorizationRequiredException.class, e -> {
            assertThat(e.accountId()).isEqualTo(ACME);
            assertThat(e.authorizeUrl().toString()).startsWith("https://erp.example/oauth/authorize?state=");
            assertThat(e.getMessage()).contains("invalid_grant").doesNotContain("refresh-1");
        });
        assertThat(endpoint.refreshCalls).hasValue(1);
        assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(endpoint.refreshCalls).as("a dead version is not sent again").hasValue(1);
        assertThat(store.load(ACME)).as("nothing deleted, nothing overwritten").isPresent();

        // The person authorizes again through the URL: the account works again.
        URI url = m.authorization().authorizeUrl(ACME);
        String state = url.getQuery().substring("state=".length());
        m.authorization().handleCallback(Map.of("code", endpoint.newCode(), "state", state));
        assertThat(m.accessToken(ACME)).startsWith("access-");
        assertThat(endpoint.refreshCalls).hasValue(1);
    }

    @Test
    void noTokensMeansReauthorization() {
        TokenManager m = manager();
        assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("no tokens");
        assertThat(endpoint.refreshCalls).hasValue(0);
    }

    @Test
    void aWrongClientSecretIsReportedAndLeavesTheTokensAlone() {
        VersionedTokens seeded = seed();
        TokenManager m = manager();
        clock.advance(Duration.ofHours(6));
        endpoint.failWith = Optional.of(OAuthErrors.INVALID_CLIENT);
        assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOfSatisfying(AuthorizationException.class,
                e -> assertThat(e.error()).isEqualTo("invalid_client"));
        assertThat(store.load(ACME)).contains(seeded);
        endpoint.failWith = Optional.empty();
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");
    }

    @Test
    void aMissingRefreshTokenInTheResponseKeepsTheOldOne() {
        seed();
        endpoint.rotate = false;
        TokenManager m = manager();
        clock.advance(Duration.ofHours(6));
        assertThat(m.accessToken(ACME)).isEqualTo("access-2");
        assertThat(store.load(ACME).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-1");
    }

    @Test
    void tokenCallsAreThrottledPerApp() {
        endpoint.lifetime = Duration.ofSeconds(10);
        seed();
        TokenManager m = builder(store).maxTokenCallsPerMinute(3).build();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(5));
            m.accessToken(ACME);
        }
        assertThat(endpoint.refreshCalls).hasValue(3);
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> m.accessToken(ACME)).isInstanceOfSatisfying(TokenCallThrottledException.class,
                e -> assertThat(e.retryAfter()).as("the oldest call leaves the window at 65 s").isEqualTo(Duration.ofSeconds(45)));
        assertThat(endpoint.refreshCalls).as("not sent").hasValue(3);
        clock.advance(Duration.ofSeconds(45));
        assertThat(m.accessToken(ACME)).isEqualTo("access-5");
        assertThat(m.throttle().used()).isEqualTo(3);
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndANewerOneIsReturnedWithoutACall() throws Exception {
        seed();
        TokenManager m = manager();
        String first = m.accessToken(ACME);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> m.refreshRejected(ACME, first)));
        }
        for (Future<String> f : results) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("access-2");
        }
        assertThat(endpoint.refreshCalls).hasValue(1);
        assertThat(m.refreshRejected(ACME, first)).as("already past it").isEqualTo("access-2");
        assertThat(endpoint.refreshCalls).hasValue(1);
        assertThat(m.refreshRejected(ACME, "access-2")).isEqualTo("access-3");
        assertThat(endpoint.refreshCalls).hasValue(2);
    }

    @Test
    void keepAliveRefreshesOnlyAccountsWhoseRefreshTokenWouldLapse() {
        seed();
        store.compareAndSet("idle", TokenStore.ABSENT, endpoint.issue(clock.instant().minus(Duration.ofDays(24))));
        Tokens dead = endpoint.issue(clock.instant().minus(Duration.ofDays(25)));
        store.compareAndSet("revoked", TokenStore.ABSENT, dead);
        endpoint.refresh(dead.refreshToken());
        endpoint.refreshCalls.set(0);
        TokenManager m = manager();
        List<KeepAliveResult> results = m.refreshLapsing(List.of(ACME, "idle", "revoked", "never"));
        assertThat(results).extracting(KeepAliveResult::accountId, KeepAliveResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ACME, KeepAliveResult.Outcome.NOT_DUE),
                org.assertj.core.groups.Tuple.tuple("idle", KeepAliveResult.Outcome.REFRESHED),
                org.assertj.core.groups.Tuple.tuple("revoked", KeepAliveResult.Outcome.REAUTHORIZATION_REQUIRED),
                org.assertj.core.groups.Tuple.tuple("never", KeepAliveResult.Outcome.NOT_AUTHORIZED));
        assertThat(endpoint.refreshCalls).hasValue(2);
        assertThat(store.load("idle").orElseThrow().tokens().obtainedAt()).isEqualTo(clock.instant());
        assertThat(m.refreshLapsing(List.of("idle")).get(0).outcome()).isEqualTo(KeepAliveResult.Outcome.NOT_DUE);
        assertThat(results.toString()).doesNotContain("refresh-", "access-");
    }

    @Test
    void theBuilderRejectsMissingAndInconsistentSettings() {
        assertThatThrownBy(() -> TokenManager.builder().store(store).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint is missing");
        assertThatThrownBy(() -> builder(store).keepAliveMargin(Duration.ofDays(31)).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder(store).refreshSkew(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder(store).maxTokenCallsPerMinute(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards everything to another store; tests override what they need. */
    static class DelegatingStore implements TokenStore {
        final TokenStore target;

        DelegatingStore(TokenStore target) {
            this.target = target;
        }

        @Override
        public Optional<VersionedTokens> load(String accountId) {
            return target.load(accountId);
        }

        @Override
        public Optional<VersionedTokens> compareAndSet(String accountId, long expectedVersion, Tokens tokens) {
            return target.compareAndSet(accountId, expectedVersion, tokens);
        }

        @Override
        public void delete(String accountId) {
            target.delete(accountId);
        }

        @Override
        public <T> T withLock(String accountId, Supplier<T> action) {
            return target.withLock(accountId, action);
        }

        @Override
        public void checkWritable(String accountId) {
            target.checkWritable(accountId);
        }
    }
}
