package io.cathalog.bling.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cathalog.core.AuthorizationException;
import io.cathalog.core.BlockedException;
import io.cathalog.core.RateLimitedException;
import io.cathalog.core.RemoteException;
import io.cathalog.core.ServerErrorException;
import io.cathalog.core.TransportException;
import io.cathalog.core.auth.OAuthErrors;
import io.cathalog.core.auth.TokenEndpoint;
import io.cathalog.core.auth.TokenGrant;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Bling's token endpoint, {@code POST {baseUrl}/oauth/token}: exchanges authorization codes and
 * refresh tokens for one app.
 *
 * <p>The request is {@code application/x-www-form-urlencoded}; the client credentials travel only
 * in {@code Authorization: Basic} (never in the body), with {@code enable-jwt: 1} (JWT tokens) and
 * {@code Accept: 1.0}, as Bling documents. The response's {@code access_token}, {@code expires_in},
 * {@code token_type}, {@code scope} (space-separated ids) and {@code refresh_token} (optional: the
 * manager keeps the old one when it is missing) are read; unknown fields are ignored.
 *
 * <p>Errors, from Bling's envelope {@code {"error":{"type","message","description"}}} or the plain
 * OAuth shape {@code {"error":"invalid_grant","error_description":..}}, keyed on the type, not the
 * status: {@code invalid_grant}, {@code invalid_client}, {@code invalid_request} and
 * {@code UNAUTHORIZED_ERROR} become {@link AuthorizationException} with that code; a reused code
 * ({@code VALIDATION_ERROR} on a code exchange; Bling then revokes the user's access) becomes
 * {@code code_reused}; a 403 is an IP block ({@link BlockedException}); 429
 * {@link RateLimitedException}; 5xx {@link ServerErrorException}; no usable answer
 * {@link TransportException}.
 *
 * <p>A code exchange is never resent. A refresh is resent once only when the connection could not
 * be opened (nothing reached Bling); any later failure is reported, because the refresh token may
 * have been spent. Nothing secret is logged or put in a message. Thread-safe.
 */
public final class BlingTokenEndpoint implements TokenEndpoint {
    private static final System.Logger LOG = System.getLogger(BlingTokenEndpoint.class.getName());
    static final String ROUTE = "POST /oauth/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUrl;
    private final String clientId;
    private final String basicAuthorization;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final boolean jwt;

    private BlingTokenEndpoint(Builder b) {
        this.tokenUrl = URI.create(stripSlash(b.baseUrl.toString()) + "/oauth/token");
        this.clientId = b.clientId;
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (b.clientId + ":" + b.clientSecret).getBytes(StandardCharsets.UTF_8));
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = b.requestTimeout;
        this.jwt = b.jwt;
    }

    /**
     * A builder; the client id and secret are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The URL token requests go to.
     *
     * @return {@code {baseUrl}/oauth/token}
     */
    public URI tokenUrl() {
        return tokenUrl;
    }

    @Override
    public TokenGrant exchangeCode(String code) {
        Objects.requireNonNull(code, "code");
        // One attempt, whatever happens: Bling revokes the user's access when a code comes twice.
        HttpResponse<byte[]> response = send("grant_type=authorization_code&code=" + enc(code), false);
        return parse(response, true);
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        HttpResponse<byte[]> response = send("grant_type=refresh_token&refresh_token=" + enc(refreshToken), true);
        return parse(response, false);
    }

    private HttpResponse<byte[]> send(String form, boolean mayRetryUnsent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(tokenUrl).timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "1.0")
                .header("Authorization", basicAuthorization)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (jwt) {
            builder.header("enable-jwt", "1"); // absent, not "0", asks for opaque tokens
        }
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (ConnectException | HttpConnectTimeoutException notConnected) {
                // The connection was never opened, so the grant cannot have reached Bling.
                if (mayRetryUnsent && attempt == 1) {
                    LOG.log(System.Logger.Level.DEBUG, "token endpoint unreachable ({0}); retrying once",
                            notConnected.getClass().getSimpleName());
                    continue;
                }
                throw new TransportException(ROUTE, "cannot connect to " + tokenUrl.getHost() + ": "
                        + notConnected.getClass().getSimpleName(), notConnected);
            } catch (IOException e) {
                // Sent, maybe received: the grant may be spent. Never resend.
                throw new TransportException(ROUTE, "no usable answer from " + tokenUrl.getHost()
                        + " (the grant may have been used): " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(ROUTE, "interrupted while waiting for the token endpoint"
                        + " (the grant may have been used)", e);
            }
        }
    }

    private TokenGrant parse(HttpResponse<byte[]> response, boolean codeExchange) {
        int status = response.statusCode();
        JsonNode root;
        try {
            root = response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            root = null;
        }
        if (status >= 200 && status < 300) {
            return grant(root, status);
        }
        throw failure(status, root, codeExchange);
    }

    private static TokenGrant grant(JsonNode root, int status) {
        // Messages name missing fields only: the body holds tokens.
        if (root == null || !root.isObject()) {
            throw new TransportException(ROUTE, "HTTP " + status + " with a body that is not a JSON object", null);
        }
        String access = root.path("access_token").asText("");
        if (access.isBlank()) {
            throw new TransportException(ROUTE, "the token response has no access_token", null);
        }
        JsonNode expires = root.path("expires_in");
        if (!expires.isNumber() || expires.asDouble() < 1) {
            throw new TransportException(ROUTE, "the token response has no positive expires_in", null);
        }
        // Past what an Instant holds (Long.MAX_VALUE, 1e17) or past a long (1e30): the pair is still good; its
        // lifetime is cut to TokenGrant.MAX_EXPIRES_IN instead of failing after the grant was spent.
        boolean absurd = !expires.canConvertToLong() || expires.asLong() > TokenGrant.MAX_EXPIRES_IN.toSeconds();
        Duration lifetime = absurd ? TokenGrant.MAX_EXPIRES_IN : Duration.ofSeconds(expires.asLong());
        if (absurd) {
            LOG.log(System.Logger.Level.WARNING, "the token response says the access token lives {0} s; taking {1}",
                    expires.asText(), TokenGrant.MAX_EXPIRES_IN);
        }
        String type = root.path("token_type").asText("Bearer");
        if (!type.equalsIgnoreCase("bearer")) {
            throw new TransportException(ROUTE, "the token response has token_type '" + type + "', not Bearer", null);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : root.path("scope").asText("").trim().split("\\s+")) {
            if (!s.isEmpty()) {
                scopes.add(s);
            }
        }
        String refresh = root.path("refresh_token").asText("");
        try {
            return new TokenGrant(access, refresh.isBlank() ? Optional.empty() : Optional.of(refresh), lifetime, scopes);
        } catch (IllegalArgumentException e) {
            // A control character in a token (CR/LF) would be stored and then break or split a header. The message
            // names the field and the character's position, never the token.
            throw new TransportException(ROUTE, "the token response is not usable: " + e.getMessage(), null);
        }
    }

    private RuntimeException failure(int status, JsonNode root, boolean codeExchange) {
        String type;
        String message;
        String description;
        JsonNode error = root == null ? null : root.get("error");
        if (error != null && error.isObject()) {
            type = error.path("type").asText("UNKNOWN_ERROR");
            message = error.path("message").asText("");
            description = error.path("description").asText("");
        } else if (error != null && error.isTextual()) {
            type = error.asText();
            message = error.asText();
            description = root.path("error_description").asText("");
        } else {
            type = "UNKNOWN_ERROR";
            message = "HTTP " + status + " without Bling's error envelope";
            description = "";
        }
        String said = description.isEmpty() ? message : description;
        String where = " (Bling " + ROUTE + ", HTTP " + status + ")";
        switch (type.toLowerCase(Locale.ROOT)) {
            case OAuthErrors.INVALID_GRANT:
                return new AuthorizationException(OAuthErrors.INVALID_GRANT, (codeExchange
                        ? "the authorization code is invalid or expired: " : "the refresh token is invalid, expired,"
                        + " used or revoked: ") + said + where);
            case OAuthErrors.INVALID_CLIENT:
                return new AuthorizationException(OAuthErrors.INVALID_CLIENT, "the client id '" + clientId
                        + "' or its secret is wrong: " + said + where);
            case OAuthErrors.INVALID_REQUEST:
                return new AuthorizationException(OAuthErrors.INVALID_REQUEST, said + where);
            case "unauthorized_error":
                return new AuthorizationException(type, "Bling refused the account: " + said + where);
            case "validation_error":
                if (codeExchange) {
                    return new AuthorizationException(OAuthErrors.CODE_REUSED, "the authorization code was already used;"
                            + " Bling revokes the user's access when that happens, so authorize again: " + said + where);
                }
                break;
            default:
                break;
        }
        if (status == 403 && !type.equalsIgnoreCase("insufficient_scope")) {
            return new BlockedException(ROUTE, status, type, message, description);
        }
        if (status == 429) {
            return new RateLimitedException(ROUTE, type, message, description, root == null ? 0
                    : root.path("error").path("limit").asLong(0), Duration.ofSeconds(1));
        }
        if (status >= 500) {
            return new ServerErrorException(ROUTE, status, type, message, description);
        }
        if (type.equals("UNKNOWN_ERROR")) {
            return new TransportException(ROUTE, "HTTP " + status + " without Bling's error envelope", null);
        }
        return new RemoteException(ROUTE, status, type, message, description, List.of());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "BlingTokenEndpoint[" + tokenUrl + ", clientId=" + clientId + ", clientSecret=<redacted>]";
    }

    /** Builds a {@link BlingTokenEndpoint}; {@code clientId} and {@code clientSecret} are required. */
    public static final class Builder {
        private URI baseUrl = BlingAuthorization.API_BASE;
        private String clientId;
        private String clientSecret;
        private HttpClient http;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private boolean jwt = true;

        private Builder() {
        }

        /**
         * The API base (default {@code https://api.bling.com.br/Api/v3}; the sandbox's {@code baseUrl()} in tests).
         *
         * @param baseUrl an absolute http(s) URL
         * @return this builder
         * @throws IllegalArgumentException if {@code baseUrl} is not absolute or has no host
         */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + baseUrl);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * The app's client id (required).
         *
         * @param clientId the id Bling gave the app
         * @return this builder
         * @throws IllegalArgumentException if the id is blank or contains {@code :}
         */
        public Builder clientId(String clientId) {
            Objects.requireNonNull(clientId, "clientId");
            if (clientId.isBlank() || clientId.contains(":")) {
                throw new IllegalArgumentException("clientId must be non-blank and contain no ':'");
            }
            this.clientId = clientId;
            return this;
        }

        /**
         * The app's client secret (required); kept for the Basic header, never shown.
         *
         * @param clientSecret the secret Bling gave the app
         * @return this builder
         * @throws IllegalArgumentException if the secret is blank
         */
        public Builder clientSecret(String clientSecret) {
            Objects.requireNonNull(clientSecret, "clientSecret");
            if (clientSecret.isBlank()) {
                throw new IllegalArgumentException("clientSecret must not be blank");
            }
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * The HTTP client (default: a new one with the connect timeout, no redirects).
         *
         * @param http the client; it should not follow redirects
         * @return this builder
         */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /**
         * Connect timeout of the default client (default 10 s).
         *
         * @param timeout the timeout; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Time allowed for a whole token request (default 30 s).
         *
         * @param timeout the timeout; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Whether to send {@code enable-jwt: 1} (default true, as Bling asks during its JWT migration).
         *
         * @param jwt true to ask for JWT access tokens
         * @return this builder
         */
        public Builder jwt(boolean jwt) {
            this.jwt = jwt;
            return this;
        }

        /**
         * The endpoint.
         *
         * @return an endpoint at {@code {baseUrl}/oauth/token}
         * @throws IllegalStateException if the client id or the secret was not given
         */
        public BlingTokenEndpoint build() {
            if (clientId == null || clientSecret == null) {
                throw new IllegalStateException("clientId and clientSecret are required");
            }
            return new BlingTokenEndpoint(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
