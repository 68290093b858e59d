package io.cathalog.spring;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Bling sandbox for a test, with the application registered on it as a Bling app whose callback
 * is the application's (on a port chosen here, so the redirect is known before the app starts).
 * Rate limits off: the application's local limiter paces at {@link #RATE} a second.
 */
final class TestBling implements AutoCloseable {
    static final String CLIENT_ID = "cathalog-spring-test";
    static final String CLIENT_SECRET = "spring-test-secret-5f1c0a9e4b7d2c3a";
    static final int RATE = 500;

    final BlingSandbox sandbox;
    final int appPort;
    /** One key per sandbox: instances sharing a database share it. */
    private final String tokenKey = newKey();

    private static String newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private TestBling(BlingSandbox sandbox, int appPort) {
        this.sandbox = sandbox;
        this.appPort = appPort;
    }

    static TestBling start() {
        int port = freePort();
        BlingSandbox sandbox = BlingSandbox.builder().seedDemo()
                .app(OAuthApp.withAllScopes(CLIENT_ID, CLIENT_SECRET, URI.create("http://localhost:" + port + "/bling/callback")))
                .rateLimits(false).enforceIpBlocks(false).start();
        return new TestBling(sandbox, port);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application's properties for this sandbox and one account {@code demo} on its demo company. */
    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", appPort);
        p.put("cathalog.public-url", "http://localhost:" + appPort);
        p.put("cathalog.api-base", sandbox.baseUrl().toString());
        p.put("cathalog.authorize-base", sandbox.baseUrl().toString());
        p.put("cathalog.client-id", CLIENT_ID);
        p.put("cathalog.client-secret", CLIENT_SECRET);
        p.put("cathalog.token-key", tokenKey);
        p.put("cathalog.requests-per-second", RATE);
        p.put("cathalog.admin.password", AppHttp.PASSWORD);
        p.put("cathalog.accounts[0].id", "demo");
        p.put("cathalog.accounts[0].company-id", sandbox.defaultAccountId());
        p.put("cathalog.accounts[0].catalog", "demo");
        p.put("cathalog.schedule.jitter", "0s");
        p.put("cathalog.schedule.interval", "1h");
        return p;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
