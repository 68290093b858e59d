package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.bling.oauth.BlingAuthorization;
import io.cathalog.bling.oauth.BlingTokenEndpoint;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenEndpoint;
import io.cathalog.core.auth.TokenGrant;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.VersionedTokens;
import io.cathalog.core.testing.MutableClock;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two application instances (two EntityManagerFactory objects, two token stores, two token
 * managers) race a refresh of one account's expired token against the sandbox, rotation on.
 */
class TokenRaceSandboxTest {
    static final int THREADS_PER_INSTANCE = 8;

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    /** Transactions that count how many are open on each thread. */
    record Counting(JpaTransactions target, ThreadLocal<int[]> open) implements JpaTransactions {
        @Override
        public <T> T run(Function<EntityManager, T> work) {
            open.get()[0]++;
            try {
                return target.run(work);
            } finally {
                open.get()[0]--;
            }
        }
    }

    /** Counts refreshes, and how many transactions were open while the token endpoint was called. */
    record Watching(TokenEndpoint target, AtomicInteger refreshes, ThreadLocal<int[]> open, Set<Integer> openDuringCalls)
            implements TokenEndpoint {
        @Override
        public TokenGrant exchangeCode(String code) {
            openDuringCalls.add(open.get()[0]);
            return target.exchangeCode(code);
        }

        @Override
        public TokenGrant refresh(String refreshToken) {
            refreshes.incrementAndGet();
            openDuringCalls.add(open.get()[0]);
            return target.refresh(refreshToken);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoInstancesRaceARefreshAndExactlyOneHappens(TestDatabase.Kind kind) throws Exception {
        MutableClock clock = MutableClock.atDefaultInstant();
        KeyProvider key = KeyProvider.ofBytes(new SecureRandom().generateSeed(32));
        ThreadLocal<int[]> open = ThreadLocal.withInitial(() -> new int[1]);
        Set<Integer> openDuringCalls = ConcurrentHashMap.newKeySet();
        try (TestDatabase db = TestDatabase.of(kind);
             BlingSandbox bling = BlingSandbox.builder().clock(clock).rateLimits(false).enforceIpBlocks(false)
                     .accessTokenLifetime(Duration.ofHours(1)).start()) {
            String account = bling.defaultAccountId();
            List<TokenManager> managers = new ArrayList<>();
            List<AtomicInteger> refreshes = new ArrayList<>();
            List<JpaTokenStore> stores = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JpaTokenStore store = JpaTokenStore.builder().owner("instance-" + i)
                        .transactions(new Counting(JpaTransactions.resourceLocal(db.newFactory()), open))
                        .keyProvider(key).clock(clock).build();
                AtomicInteger count = new AtomicInteger();
                TokenEndpoint endpoint = new Watching(BlingTokenEndpoint.builder().baseUrl(bling.baseUrl())
                        .clientId(OAuthApp.DEMO_CLIENT_ID).clientSecret(OAuthApp.DEMO_CLIENT_SECRET).build(),
                        count, open, openDuringCalls);
                managers.add(TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
                        .authorizeUrls(BlingAuthorization.authorizeUrls(bling.baseUrl(), OAuthApp.DEMO_CLIENT_ID)).build());
                refreshes.add(count);
                stores.add(store);
            }
            var flow = managers.get(0).authorization();
            String state = query(flow.authorizeUrl(account)).get("state");
            flow.handleCallback(Map.of("code", bling.authorizationCode(OAuthApp.DEMO_CLIENT_ID, account), "state", state));
            String first = managers.get(1).accessToken(account);
            assertThat(status(bling.baseUrl(), first)).isEqualTo(200);

            clock.advance(Duration.ofHours(2)); // both instances now hold an expired access token
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            List<String> seen = new ArrayList<>();
            try {
                CyclicBarrier start = new CyclicBarrier(2 * THREADS_PER_INSTANCE);
                List<Future<String>> calls = new ArrayList<>();
                for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                    TokenManager m = managers.get(t % 2);
                    calls.add(pool.submit(() -> {
                        start.await();
                        return m.accessToken(account);
                    }));
                }
                for (Future<String> f : calls) {
                    seen.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }

            int total = refreshes.get(0).get() + refreshes.get(1).get();
            System.out.println(kind + ": refreshes instance 0 = " + refreshes.get(0) + ", instance 1 = " + refreshes.get(1)
                    + ", token calls = " + bling.requestLog().forRoute("POST /oauth/token").size());
            assertThat(total).as("exactly one refresh across both instances").isEqualTo(1);
            assertThat(Set.copyOf(seen)).as("every caller of both instances got the winner's token").hasSize(1);
            String fresh = seen.get(0);
            assertThat(fresh).isNotEqualTo(first);
            assertThat(bling.requestLog().forRoute("POST /oauth/token")).as("the code exchange, then one refresh")
                    .hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            VersionedTokens stored = stores.get(1).load(account).orElseThrow();
            assertThat(stored.version()).as("one version per token call: nothing lost").isEqualTo(2);
            assertThat(stored.tokens().accessToken()).isEqualTo(fresh);
            assertThat(status(bling.baseUrl(), fresh)).isEqualTo(200);
            assertThat(openDuringCalls).as("transactions open on the thread that calls the token endpoint").containsOnly(0);
            assertThat(new JpaLeaseLock(JpaTransactions.resourceLocal(db.newFactory()), clock)
                    .holder(JpaTokenStore.lockName(account))).as("the token lock was released").isEmpty();

            // The stored refresh token is the live one: the next expiry refreshes once more, fine.
            clock.advance(Duration.ofHours(2));
            assertThat(managers.get(0).accessToken(account)).isNotEqualTo(fresh);
            assertThat(refreshes.get(0).get() + refreshes.get(1).get()).isEqualTo(2);
        }
    }

    static int status(URI base, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/empresas/me/dados-basicos"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static Map<String, String> query(URI url) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
