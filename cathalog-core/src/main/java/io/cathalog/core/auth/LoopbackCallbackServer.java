package io.cathalog.core.auth;

import io.cathalog.core.AuthorizationException;
import io.cathalog.core.CathalogException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A callback endpoint on {@code 127.0.0.1} for command-line and desktop apps: it receives the
 * ERP's redirect, hands the query parameters to an {@link AuthorizationFlow}, shows a short page,
 * and lets the app wait for the outcome. A minimal HTTP/1.1 server on the JDK's sockets, which
 * gives what the JDK's HTTP server cannot per server: a read timeout.
 *
 * <pre>{@code
 * try (LoopbackCallbackServer callback = LoopbackCallbackServer.start(manager.authorization(), 8765)) {
 *     System.out.println("Open " + manager.authorization().authorizeUrl("acme"));
 *     AuthorizedAccount done = callback.awaitAuthorization(Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The first callback of a login in progress decides the outcome (success or a typed
 *       {@link AuthorizationException}); its page is written before the outcome completes, so an
 *       app that stops the server as soon as it has the outcome does not cut the browser off.</li>
 *   <li>A callback whose {@code state} matches no login in progress (forged, stale, or from
 *       another tab) is answered 400 and does not end the login: the server keeps waiting for the
 *       real one.</li>
 *   <li>Several handler threads, and a read timeout (default 10 s) on every connection: a slow or
 *       silent connection cannot keep the real callback out.</li>
 * </ul>
 *
 * <p>Bling redirects to the link registered on the app, not to a URL the client chooses: register
 * {@link #redirectUri()} there, which means a fixed port; port 0 (a random free port) suits ERPs
 * that accept a {@code redirect_uri} and tests.
 */
public final class LoopbackCallbackServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LoopbackCallbackServer.class.getName());
    /** The default callback path. */
    public static final String DEFAULT_PATH = "/oauth/callback";

    /** Handler threads: a few slow connections cannot keep the browser's callback out. */
    private static final int HANDLERS = 4;
    /** Connections waiting for a handler; more are closed at once. */
    private static final int QUEUED = 32;
    /** The longest request head read (request line and headers). */
    private static final int MAX_HEAD = 16 * 1024;
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocket socket;
    private final URI redirectUri;
    private final String path;
    private final AuthorizationFlow flow;
    private final int readTimeoutMillis;
    private final ThreadPoolExecutor handlers;
    private final Thread acceptor;
    private final CompletableFuture<AuthorizedAccount> outcome = new CompletableFuture<>();

    private LoopbackCallbackServer(AuthorizationFlow flow, int port, String path, Duration readTimeout)
            throws IOException {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.path = path;
        this.readTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), QUEUED);
        this.redirectUri = URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        AtomicInteger n = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(HANDLERS, HANDLERS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED), r -> daemon(r, "cathalog-oauth-callback-" + n.incrementAndGet()));
        this.acceptor = daemon(this::acceptLoop, "cathalog-oauth-callback-accept");
        acceptor.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Listens on 127.0.0.1 at a random free port, path {@value #DEFAULT_PATH}.
     *
     * @param flow the flow whose callback this server receives
     * @return the listening server; close it when done
     */
    public static LoopbackCallbackServer start(AuthorizationFlow flow) {
        return start(flow, 0, DEFAULT_PATH);
    }

    /**
     * Listens on 127.0.0.1 at {@code port}, path {@value #DEFAULT_PATH}.
     *
     * @param flow the flow whose callback this server receives
     * @param port the port, as registered with the app's redirect URI; 0 for a random free one
     * @return the listening server; close it when done
     */
    public static LoopbackCallbackServer start(AuthorizationFlow flow, int port) {
        return start(flow, port, DEFAULT_PATH);
    }

    /**
     * Listens on 127.0.0.1 at {@code port} and {@code path}.
     *
     * @param flow the flow whose callback this server receives
     * @param port the port, as registered with the app's redirect URI; 0 for a random free one
     * @param path the callback's path, as registered with the app's redirect URI
     * @return the listening server; close it when done
     */
    public static LoopbackCallbackServer start(AuthorizationFlow flow, int port, String path) {
        return start(flow, port, path, DEFAULT_READ_TIMEOUT);
    }

    /**
     * Listens on 127.0.0.1 at {@code port} (0: a random free one) and {@code path}; a connection
     * that has not sent its whole request head within {@code readTimeout} is closed.
     *
     * @param flow        the flow whose callback this server receives
     * @param port        the port, as registered with the app's redirect URI; 0 for a random free one
     * @param path        the callback's path, as registered with the app's redirect URI
     * @param readTimeout how long a connection may take to send its request head
     * @return the listening server; close it when done
     */
    public static LoopbackCallbackServer start(AuthorizationFlow flow, int port, String path, Duration readTimeout) {
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, got " + readTimeout);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
        }
        try {
            return new LoopbackCallbackServer(flow, port, path, readTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /**
     * The URL the ERP must redirect to; it must equal the app's registered redirect URI.
     *
     * @return the URL, e.g. {@code http://127.0.0.1:8765/oauth/callback}
     */
    public URI redirectUri() {
        return redirectUri;
    }

    /**
     * Waits for the callback.
     *
     * @param timeout how long a person has to complete the consent page
     * @return the account authorized; its tokens are stored
     * @throws AuthorizationException the callback reported or caused a refusal
     * @throws CathalogException      no callback came within {@code timeout}
     * @throws InterruptedException   the waiting thread was interrupted
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

    /**
     * The outcome, for callers that prefer a future.
     *
     * @return a future completed by the callback, normally or with the refusal
     */
    public CompletableFuture<AuthorizedAccount> outcome() {
        return outcome.copy();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(System.Logger.Level.DEBUG, "callback server: accept failed: {0}", e.toString());
                }
                continue;
            }
            try {
                handlers.execute(() -> serve(connection));
            } catch (RejectedExecutionException busy) {
                closeQuietly(connection); // every handler and queue slot taken: this one waits for nobody
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(readTimeoutMillis);
            String head;
            try {
                head = readHead(connection.getInputStream());
            } catch (SocketTimeoutException slow) {
                respond(connection, 408, "Request timeout", "The request took too long.");
                return;
            }
            if (head == null) {
                respond(connection, 400, "Bad request", "The request could not be read.");
                return;
            }
            String[] line = head.substring(0, Math.max(0, head.indexOf("\r\n"))).split(" ");
            URI target;
            try {
                target = line.length == 3 ? new URI(line[1]) : null;
            } catch (URISyntaxException e) {
                target = null;
            }
            if (target == null || !"GET".equals(line[0]) || !path.equals(target.getPath())) {
                respond(connection, 404, "Not found", "Nothing here.");
                return;
            }
            handleCallback(connection, query(target.getRawQuery()));
        } catch (IOException e) {
            // The browser went away; nothing to tell it.
            LOG.log(System.Logger.Level.DEBUG, "callback connection failed: {0}", e.toString());
        }
    }

    private void handleCallback(Socket connection, Map<String, String> params) throws IOException {
        if (outcome.isDone()) {
            respond(connection, 409, "Already done", "This authorization has already been handled. You can close"
                    + " this window.");
            return;
        }
        AuthorizedAccount account;
        try {
            account = flow.handleCallback(params);
        } catch (AuthorizationException e) {
            if (OAuthErrors.STATE_MISMATCH.equals(e.error())) {
                // Not the callback of the login in progress (forged, stale, another tab): refuse it, keep waiting.
                LOG.log(System.Logger.Level.WARNING, "callback refused, still waiting: {0}", e.getMessage());
                respond(connection, 400, "Not a login in progress", e.getMessage());
                return;
            }
            try {
                respond(connection, 400, "Authorization failed", e.getMessage());
            } finally {
                outcome.completeExceptionally(e); // after the page: the app may stop the server at once
            }
            return;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "authorization callback failed: {0}", e.toString());
            try {
                respond(connection, 500, "Authorization failed", "The tokens could not be obtained or stored: "
                        + e.getMessage());
            } finally {
                outcome.completeExceptionally(e);
            }
            return;
        }
        try {
            respond(connection, 200, "Authorized", "Account " + account.accountId()
                    + " is authorized. You can close this window.");
        } finally {
            outcome.complete(account);
        }
    }

    /** The request line and headers, up to the blank line; null when the connection ended first or sent too much. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) { // CR LF CR LF: the end of the head
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void respond(Socket connection, int status, String title, String text) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        String headers = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Referrer-Policy: no-referrer\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = connection.getOutputStream();
        out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        connection.shutdownOutput(); // the whole page is sent before the socket closes
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            default -> "Internal Server Error";
        };
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing a refused connection: nothing to do.
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

    /** Stops listening; a page being written is finished or cut off with its connection. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the callback server: {0}", e.toString());
        }
        handlers.shutdownNow();
    }

    @Override
    public String toString() {
        return "LoopbackCallbackServer[" + redirectUri + "]";
    }
}
