package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A tiny JDK HttpClient wrapper for the conformance tests: real sockets, Bling's paths. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final URI base;
    String token;

    Api(BlingSandbox sandbox, String token) {
        this.base = sandbox.baseUrl();
        this.token = token;
    }

    static Api forDemo(BlingSandbox sandbox) {
        return new Api(sandbox, sandbox.issueTokens().accessToken());
    }

    record Resp(int status, String body, JsonNode json, java.net.http.HttpHeaders headers) {
        JsonNode data() {
            return json.path("data");
        }

        JsonNode error() {
            return json.path("error");
        }
    }

    Resp get(String path) {
        return send("GET", path, null);
    }

    Resp post(String path, String body) {
        return send("POST", path, body);
    }

    Resp put(String path, String body) {
        return send("PUT", path, body);
    }

    Resp patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Resp delete(String path) {
        return send("DELETE", path, null);
    }

    Resp send(String method, String path, String body) {
        try {
            return sendChecked(method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Resp sendChecked(String method, String path, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return toResp(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static Resp toResp(HttpResponse<String> r) {
        JsonNode json = MissingNode.getInstance();
        String ct = r.headers().firstValue("Content-Type").orElse("");
        if (ct.startsWith("application/json") && !r.body().isEmpty()) {
            try {
                json = JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("response is not JSON: " + r.body(), e);
            }
        }
        return new Resp(r.statusCode(), r.body(), json, r.headers());
    }

    /** POST /oauth/token with Basic credentials and a form body. */
    static Resp token(BlingSandbox sandbox, String clientId, String secret, String form, boolean jwt) {
        HttpRequest.Builder b = HttpRequest.newBuilder(sandbox.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "1.0")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (clientId != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        if (jwt) {
            b.header("enable-jwt", "1");
        }
        try {
            return toResp(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Resp demoToken(BlingSandbox sandbox, String form) {
        return token(sandbox, OAuthApp.DEMO_CLIENT_ID, OAuthApp.DEMO_CLIENT_SECRET, form, false);
    }

    static String productJson(String nome, String codigo) {
        return "{\"nome\":\"" + nome + "\",\"codigo\":\"" + codigo
                + "\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\",\"preco\":10.5}";
    }
}
