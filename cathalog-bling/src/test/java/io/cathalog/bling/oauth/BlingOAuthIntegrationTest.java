package io.cathalog.bling.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.AuthorizationException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.auth.AuthorizationFlow;
import io.cathalog.core.auth.AuthorizedAccount;
import io.cathalog.core.auth.EncryptedFileTokenStore;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.LoopbackCallbackServer;
import io.cathalog.core.auth.OAuthErrors;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.VersionedTokens;
import io.cathalog.core.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "done when" list, against BlingSandbox over real sockets, with rotation on. */
class BlingOAuthIntegrationTest {
    static final String CLIENT = OAuthApp.DEMO_CLIENT_ID;
    static final String SECRET = OAuthApp.DEMO_CLIENT_SECRET;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path tmp;
    final MutableClock clock = MutableClock.atDefaultInstant();
    final LogCapture logs = new LogCapture();
    final List<AutoCloseable> closing = new ArrayList<>();
    final Set<String> secrets = ConcurrentHashMap.newKeySet();
    /**
     * Authorization codes travel in the callback URL, and the JDK's own HTTP client and server log
     * request lines at DEBUG (FINE): those loggers may show a code, ours may not.
     */
    final Set<String> codes = ConcurrentHashMap.newKeySet();
    BlingSandbox bling;
    String account;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        logs.close();
        secrets.add(SECRET);
        secrets.removeAll(codes);
        assertThat(logs.lines()).isNotEmpty();
        assertThat(logs.leaking(secrets)).as("log lines with a token or client secret").isEmpty();
        assertThat(logs.leakingFromCathalog(codes)).as("our log lines with an authorization code").isEmpty();
    }

    BlingSandbox start(BlingSandbox.Builder b) {
        bling = b.clock(clock).rateLimits(false).accessTokenLifetime(Duration.ofHours(1)).start();
        closing.add(bling);
        account = bling.defaultAccountId();
        return bling;
    }

    EncryptedFileTokenStore fileStore() {
        return EncryptedFileTokenStore.builder().directory(tmp.resolve("tokens"))
                .keyProvider(KeyProvider.ofBytes(new byte[32])).build();
    }

    TokenManager manager(TokenStore store, RecordingEndpoint endpoint) {
        return TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
                .authorizeUrls(BlingAuthorization.authorizeUrls(bling.baseUrl(), CLIENT)).build();
    }

    RecordingEndpoint endpoint(String secret) {
        RecordingEndpoint e = new RecordingEndpoint(BlingTokenEndpoint.builder().baseUrl(bling.baseUrl()).clientId(CLIENT)
                .clientSecret(secret).build());
        closing.add(() -> secrets.addAll(e.secrets));
        closing.add(() -> codes.addAll(e.codes));
        return e;
    }

    static String state(URI authorizeUrl) {
        return query(authorizeUrl.getRawQuery()).get("state");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    String code() {
        String c = bling.authorizationCode(CLIENT, account);
        codes.add(c);
        return c;
    }

    int companyStatus(String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(bling.baseUrl() + "/empresas/me/dados-basicos"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    List<RecordedRequest> tokenCalls() {
        return bling.requestLog().forRoute("POST /oauth/token");
    }

    @Test
    void thirtyTwoThreadsAcrossThreeExpiriesCauseExactlyThreeRefreshes() throws Exception {
        start(BlingSandbox.builder().ipBlock(300, 100_000, Duration.ofSeconds(10), Duration.ofMinutes(10)));
        EncryptedFileTokenStore store = fileStore();
        RecordingEndpoint endpoint = endpoint(SECRET);
        TokenManager manager = manager(store, endpoint);
        AuthorizationFlow flow = manager.authorization();
        flow.handleCallback(Map.of("code", code(), "state", state(flow.authorizeUrl(account))));

        int threads = 32;
        int calls = 1000;
        int phases = 4; // the first token, then three expiries
        CyclicBarrier barrier = new CyclicBarrier(threads, () -> clock.advance(Duration.ofHours(1)));
        AtomicInteger rejected = new AtomicInteger();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < calls; i++) {
                        String token = manager.accessToken(account);
                        seen.add(token);
                        if (i % (calls / phases) == 0 && companyStatus(token) != 200) {
                            rejected.incrementAndGet();
                        }
                        if ((i + 1) % (calls / phases) == 0 && i + 1 < calls) {
                            barrier.await(30, TimeUnit.SECONDS); // the last thread to arrive moves the clock an hour
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("32 threads x 1000 calls: " + endpoint.refreshes.get() + " refreshes in " + millis + " ms");

        assertThat(endpoint.refreshes).hasValue(3);
        assertThat(seen).hasSize(4);
        assertThat(rejected).hasValue(0);
        assertThat(tokenCalls()).hasSize(4).allMatch(r -> r.status() == 200);
        assertThat(bling.ipBlockEvents()).isEmpty();
        assertThat(store.load(account).orElseThrow().version()).isEqualTo(4);

        byte[] file = Files.readAllBytes(store.fileOf(account));
        String raw = new String(file, StandardCharsets.ISO_8859_1);
        for (String secret : endpoint.secrets) {
            assertThat(raw).doesNotContain(secret).doesNotContain(secret.substring(0, 20));
            assertThat(raw).doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))
                    .substring(0, 20));
        }
    }

    @Test
    void aTokenKilledByAnotherProcessRefreshIsReplacedWithoutATokenCall() throws Exception {
        start(BlingSandbox.builder().accessTokenAfterRefresh(BlingSandbox.AccessTokenAfterRefresh.REVOKED));
        RecordingEndpoint endpointA = endpoint(SECRET);
        RecordingEndpoint endpointB = endpoint(SECRET);
        TokenManager a = manager(fileStore(), endpointA);
        TokenManager b = manager(fileStore(), endpointB); // its own store instance: only the directory is shared
        a.authorization().handleCallback(Map.of("code", code(), "state", state(a.authorization().authorizeUrl(account))));
        String old = b.accessToken(account);
        clock.advance(Duration.ofMinutes(56)); // within the skew for a, which refreshes
        String fresh = a.accessToken(account);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(companyStatus(old)).as("Bling killed the old access token at the refresh").isEqualTo(401);
        assertThat(b.refreshRejected(account, old)).isEqualTo(fresh);
        assertThat(endpointA.refreshes.get() + endpointB.refreshes.get()).isEqualTo(1);
        assertThat(companyStatus(fresh)).isEqualTo(200);
    }

    @Test
    void theBrowserFlowThroughTheLoopbackServerStoresTokens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // Bling redirects to the registered link, so the port is fixed up front
        }
        URI redirect = URI.create("http://127.0.0.1:" + port + "/oauth/callback");
        start(BlingSandbox.builder().autoApprove(true).app(OAuthApp.withAllScopes("cli-app", "cli-secret", redirect)));
        RecordingEndpoint endpoint = new RecordingEndpoint(BlingTokenEndpoint.builder().baseUrl(bling.baseUrl())
                .clientId("cli-app").clientSecret("cli-secret").build());
        secrets.add("cli-secret");
        closing.add(() -> secrets.addAll(endpoint.secrets));
        closing.add(() -> codes.addAll(endpoint.codes));
        TokenManager manager = TokenManager.builder().store(fileStore()).endpoint(endpoint).clock(clock)
                .authorizeUrls(BlingAuthorization.authorizeUrls(bling.baseUrl(), "cli-app")).build();
        try (LoopbackCallbackServer server = LoopbackCallbackServer.start(manager.authorization(), port)) {
            assertThat(server.redirectUri()).isEqualTo(redirect);
            // The "browser": open the authorize URL and follow Bling's redirect to the loopback server.
            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(manager.authorization().authorizeUrl(account))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("is authorized");
            AuthorizedAccount done = server.awaitAuthorization(Duration.ofSeconds(5));
            assertThat(done.accountId()).isEqualTo(account);
        }
        assertThat(companyStatus(manager.accessToken(account))).isEqualTo(200);
        assertThat(endpoint.exchanges).hasValue(1);
    }

    @Test
    void aReusedCodeIsTypedAndStoresNothingWrong() {
        start(BlingSandbox.builder());
        TokenStore store = fileStore();
        TokenManager manager = manager(store, endpoint(SECRET));
        AuthorizationFlow flow = manager.authorization();
        String code = code();
        flow.handleCallback(Map.of("code", code, "state", state(flow.authorizeUrl(account))));
        VersionedTokens good = store.load(account).orElseThrow();
        assertThatThrownBy(() -> flow.handleCallback(Map.of("code", code, "state", state(flow.authorizeUrl(account)))))
                .isInstanceOfSatisfying(AuthorizationException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthErrors.CODE_REUSED);
                    assertThat(e.getMessage()).contains("authorize again").doesNotContain(code);
                });
        assertThat(store.load(account)).contains(good);
        // Bling revoked the user on reuse: the next refresh says so, typed, with a way back.
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> manager.accessToken(account)).isInstanceOfSatisfying(
                ReauthorizationRequiredException.class,
                e -> assertThat(e.authorizeUrl().toString()).startsWith(bling.baseUrl() + "/oauth/authorize?"));
        assertThat(store.load(account)).contains(good);
    }

    @Test
    void aWrongStateIsRefusedWithoutSpendingTheCode() {
        start(BlingSandbox.builder());
        TokenStore store = fileStore();
        TokenManager manager = manager(store, endpoint(SECRET));
        AuthorizationFlow flow = manager.authorization();
        String right = state(flow.authorizeUrl(account));
        String code = code();
        assertThatThrownBy(() -> flow.handleCallback(Map.of("code", code, "state", right + "x")))
                .isInstanceOfSatisfying(AuthorizationException.class,
                        e -> assertThat(e.error()).isEqualTo(OAuthErrors.STATE_MISMATCH));
        assertThat(tokenCalls()).isEmpty();
        assertThat(store.load(account)).isEmpty();
        assertThat(flow.handleCallback(Map.of("code", code, "state", right)).accountId()).isEqualTo(account);
    }

    @Test
    void aDeniedConsentIsTypedAndStoresNothing() throws Exception {
        start(BlingSandbox.builder());
        TokenStore store = fileStore();
        AuthorizationFlow flow = manager(store, endpoint(SECRET)).authorization();
        String state = state(flow.authorizeUrl(account));
        String form = "client_id=" + CLIENT + "&state=" + state + "&account=" + account + "&decision=deny";
        HttpResponse<Void> denied = HTTP.send(HttpRequest.newBuilder(URI.create(bling.baseUrl() + "/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(denied.statusCode()).isEqualTo(302);
        Map<String, String> callback = query(URI.create(denied.headers().firstValue("Location").orElseThrow()).getRawQuery());
        assertThatThrownBy(() -> flow.handleCallback(callback)).isInstanceOfSatisfying(AuthorizationException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthErrors.ACCESS_DENIED);
            assertThat(e.getMessage()).contains(account);
        });
        assertThat(tokenCalls()).isEmpty();
        assertThat(store.load(account)).isEmpty();
    }

    @Test
    void aRevokedAuthorizationNeedsReauthorizationOnceAndStopsCalling() {
        start(BlingSandbox.builder());
        TokenStore store = fileStore();
        RecordingEndpoint endpoint = endpoint(SECRET);
        TokenManager manager = manager(store, endpoint);
        AuthorizationFlow flow = manager.authorization();
        flow.handleCallback(Map.of("code", code(), "state", state(flow.authorizeUrl(account))));
        VersionedTokens before = store.load(account).orElseThrow();
        bling.faults().revokeAuthorization(CLIENT, account);
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> manager.accessToken(account)).isInstanceOfSatisfying(
                    ReauthorizationRequiredException.class, e -> {
                        assertThat(e.accountId()).isEqualTo(account);
                        assertThat(e.authorizeUrl().toString()).startsWith(bling.baseUrl() + "/oauth/authorize?response_type=code");
                    });
        }
        assertThat(endpoint.refreshes).as("one invalid_grant, then no more calls").hasValue(1);
        assertThat(store.load(account)).contains(before);

        // Authorizing again through the URL in the exception brings the account back.
        URI again = manager.authorization().authorizeUrl(account);
        flow.handleCallback(Map.of("code", code(), "state", state(again)));
        assertThat(manager.accessToken(account)).isNotEqualTo(before.tokens().accessToken());
    }

    @Test
    void aWrongClientSecretIsTypedAndStoresNothingWrong() {
        start(BlingSandbox.builder());
        TokenStore store = fileStore();
        TokenManager wrong = manager(store, endpoint("not-the-secret"));
        secrets.add("not-the-secret");
        AuthorizationFlow flow = wrong.authorization();
        String code = code();
        assertThatThrownBy(() -> flow.handleCallback(Map.of("code", code, "state", state(flow.authorizeUrl(account)))))
                .isInstanceOfSatisfying(AuthorizationException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthErrors.INVALID_CLIENT);
                    assertThat(e.getMessage()).doesNotContain("not-the-secret");
                });
        assertThat(store.load(account)).isEmpty();

        TokenManager right = manager(store, endpoint(SECRET));
        right.authorization().handleCallback(Map.of("code", code(), "state", state(right.authorization().authorizeUrl(account))));
        VersionedTokens good = store.load(account).orElseThrow();
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> wrong.accessToken(account)).isInstanceOfSatisfying(AuthorizationException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthErrors.INVALID_CLIENT));
        assertThat(store.load(account)).contains(good);
        assertThat(right.accessToken(account)).isNotEqualTo(good.tokens().accessToken());
        Set<Integer> statuses = new HashSet<>();
        tokenCalls().forEach(r -> statuses.add(r.status()));
        assertThat(statuses).containsExactlyInAnyOrder(200, 401);
    }
}
