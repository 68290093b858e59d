package io.cathalog.core.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cathalog.core.AuthorizationException;
import io.cathalog.core.CathalogException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A callback endpoint on {@code 127.0.0.1} for command-line and desktop apps: it receives the
 * ERP's redirect, hands the query parameters to an {@link AuthorizationFlow}, shows a short page,
 * and lets the app wait for the outcome. Uses the JDK's HTTP server only.
 *
 * <pre>{@code
 * try (LoopbackCallbackServer callback = LoopbackCallbackServer.start(manager.authorization(), 8765)) {
 *     System.out.println("Open " + manager.authorization().authorizeUrl("acme"));
 *     AuthorizedAccount done = callback.awaitAuthorization(Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>The first callback on the path decides the outcome (success or a typed
 * {@link AuthorizationException}). Bling redirects to the link registered on the app, not to a
 * URL the client chooses: register {@link #redirectUri()} there, which means a fixed port; port 0
 * (a random free port) suits ERPs that accept a {@code redirect_uri} and tests.
 */
public final class LoopbackCallbackServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LoopbackCallbackServer.class.getName());
    /** The default callback path. */
    public static final String DEFAULT_PATH = "/oauth/callback";

    private final HttpServer server;
    private final URI redirectUri;
    private final CompletableFuture<AuthorizedAccount> outcome = new CompletableFuture<>();

    private LoopbackCallbackServer(AuthorizationFlow flow, int port, String path) throws IOException {
        Objects.requireNonNull(flow, "flow");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4);
        server.createContext(path, exchange -> handle(exchange, flow, path));
        server.start();
        this.redirectUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Listens on 127.0.0.1 at a random free port, path {@value #DEFAULT_PATH}. */
    public static LoopbackCallbackServer start(AuthorizationFlow flow) {
        return start(flow, 0, DEFAULT_PATH);
    }

    /** Listens on 127.0.0.1 at {@code port} (0: a random free one), path {@value #DEFAULT_PATH}. */
    public static LoopbackCallbackServer start(AuthorizationFlow flow, int port) {
        return start(flow, port, DEFAULT_PATH);
    }

    /** Listens on 127.0.0.1 at {@code port} (0: a random free one) and {@code path}. */
    public static LoopbackCallbackServer start(AuthorizationFlow flow, int port, String path) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
        }
        try {
            return new LoopbackCallbackServer(flow, port, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The URL the ERP must redirect to, e.g. {@code http://127.0.0.1:8765/oauth/callback}. */
    public URI redirectUri() {
        return redirectUri;
    }

    /**
     * Waits for the callback.
     *
     * @throws AuthorizationException the callback reported or caused a refusal
     * @throws CathalogException      no callback came within {@code timeout}
     */
    public AuthorizedAccount awaitAuthorization(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new CathalogException("no authorization callback reached " + redirectUri + " within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new CathalogException("the authorization callback failed", e.getCause());
        }
    }

    /** The outcome, for callers that prefer a future. */
    public CompletableFuture<AuthorizedAccount> outcome() {
        return outcome.copy();
    }

    private void handle(HttpExchange exchange, AuthorizationFlow flow, String path) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path) || !"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, "Not found", "Nothing here.");
                return;
            }
            if (outcome.isDone()) {
                respond(exchange, 409, "Already done", "This authorization has already been handled. You can close"
                        + " this window.");
                return;
            }
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            try {
                AuthorizedAccount account = flow.handleCallback(params);
                outcome.complete(account);
                respond(exchange, 200, "Authorized", "Account " + account.accountId()
                        + " is authorized. You can close this window.");
            } catch (AuthorizationException e) {
                outcome.completeExceptionally(e);
                respond(exchange, 400, "Authorization failed", e.getMessage());
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
                LOG.log(System.Logger.Level.WARNING, "authorization callback failed: {0}", e.toString());
                respond(exchange, 500, "Authorization failed", "The tokens could not be obtained or stored: "
                        + e.getMessage());
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String title, String text) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value); // a repeated parameter cannot override the first
        }
        return params;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "LoopbackCallbackServer[" + redirectUri + "]";
    }
}
