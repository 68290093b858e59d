package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.testing.MutableClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 19, items 7 and 8: the loopback callback server as a browser and a hostile neighbour meet it. */
class LoopbackCallbackServerTest {
    final MutableClock clock = MutableClock.atDefaultInstant();
    final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    final InMemoryTokenStore store = new InMemoryTokenStore();
    final TokenManager manager = TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
            .maxTokenCallsPerMinute(100).authorizeUrls(state -> URI.create("https://erp.example/oauth/authorize?state=" + state)).build();
    final AuthorizationFlow flow = manager.authorization();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    URI callback(LoopbackCallbackServer server) {
        String state = AuthorizationFlowTest.state(flow.authorizeUrl("acme"));
        return URI.create(server.redirectUri() + "?code=" + endpoint.newCode() + "&state=" + state);
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Item 7: the app stops the server the moment it has the outcome, as the CLI does; the page still arrives. */
    @Test
    void thePageReachesTheBrowserEvenWhenTheAppStopsTheServerAtOnce() throws Exception {
        for (int i = 0; i < 25; i++) {
            LoopbackCallbackServer server = LoopbackCallbackServer.start(flow);
            CompletableFuture<Void> app = CompletableFuture.runAsync(() -> {
                try (server) {
                    server.awaitAuthorization(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            HttpResponse<String> page = get(callback(server));
            assertThat(page.statusCode()).as("attempt %d", i).isEqualTo(200);
            assertThat(page.body()).contains("Account acme is authorized");
            app.get(10, TimeUnit.SECONDS);
        }
    }

    /** Item 8: a request with a state of no login in progress is refused and the real login goes on. */
    @Test
    void aForgedStateIsAnswered400AndTheServerKeepsWaitingForTheRealCallback() throws Exception {
        try (LoopbackCallbackServer server = LoopbackCallbackServer.start(flow)) {
            URI real = callback(server);
            for (String forged : List.of("?code=x&state=forged", "?code=x", "?error=access_denied&state=forged",
                    "?error=access_denied")) {
                HttpResponse<String> refused = get(URI.create(server.redirectUri() + forged));
                assertThat(refused.statusCode()).as(forged).isEqualTo(400);
                assertThat(refused.body()).contains("Not a login in progress");
                assertThat(server.outcome().isDone()).as(forged + " does not end the login").isFalse();
            }
            assertThat(endpoint.exchangeCalls).hasValue(0);
            assertThat(get(real).statusCode()).isEqualTo(200);
            assertThat(server.awaitAuthorization(Duration.ofSeconds(5)).accountId()).isEqualTo("acme");
            assertThat(get(real).statusCode()).as("after the outcome").isEqualTo(409);
        }
    }

    /** Item 8: silent connections hold a handler each, for at most the read timeout; the callback gets through. */
    @Test
    void slowConnectionsNeitherBlockTheCallbackNorStayOpenPastTheReadTimeout() throws Exception {
        try (LoopbackCallbackServer server = LoopbackCallbackServer.start(flow, 0, LoopbackCallbackServer.DEFAULT_PATH,
                Duration.ofMillis(1500))) {
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.redirectUri().getPort());
                    s.getOutputStream().write("GET /oauth/callback?sta".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    silent.add(s);
                }
                Thread.sleep(100); // they are being served (and stuck) before the browser comes
                long started = System.nanoTime();
                HttpResponse<String> page = get(callback(server));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not behind the slow ones")
                        .isLessThan(Duration.ofMillis(1200));
                for (Socket s : silent) {
                    s.setSoTimeout(5000);
                    InputStream in = s.getInputStream();
                    String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(answer).as("closed by the server after its read timeout").startsWith("HTTP/1.1 408");
                }
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aRequestFromARawSocketIsServedWithTheWholePage() throws Exception {
        try (LoopbackCallbackServer server = LoopbackCallbackServer.start(flow);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.redirectUri().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 404").contains("Content-Length: ").endsWith("</html>");
        }
    }
}
