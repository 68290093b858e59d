package io.cathalog.bling.oauth;

import io.cathalog.core.auth.AuthorizeUrlFactory;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.TokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Bling's authorize URL, {@code {base}/oauth/authorize?response_type=code&client_id=..&state=..},
 * and the wiring of a {@link TokenManager} for a Bling app. Bling redirects to the link registered
 * on the app (no {@code redirect_uri} is sent), and scopes belong to the app (no {@code scope}).
 */
public final class BlingAuthorization {
    /** Where people authorize apps (Bling's documented consent host). */
    public static final URI AUTHORIZE_BASE = URI.create("https://www.bling.com.br/Api/v3");
    /** Where the API and the token endpoint live. */
    public static final URI API_BASE = URI.create("https://api.bling.com.br/Api/v3");

    private BlingAuthorization() {
    }

    /**
     * Authorize URLs at {@code base} for the app.
     *
     * @param base     the consent host, e.g. {@link #AUTHORIZE_BASE}, or a sandbox's base URL
     * @param clientId the app's client id
     * @return a factory of {@code {base}/oauth/authorize} URLs carrying the state
     */
    public static AuthorizeUrlFactory authorizeUrls(URI base, String clientId) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(clientId, "clientId");
        String prefix = (base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString()) + "/oauth/authorize?response_type=code&client_id=" + enc(clientId) + "&state=";
        return state -> URI.create(prefix + enc(Objects.requireNonNull(state, "state")));
    }

    /**
     * Authorize URLs on Bling itself.
     *
     * @param clientId the app's client id
     * @return a factory of consent-page URLs at {@link #AUTHORIZE_BASE}
     */
    public static AuthorizeUrlFactory authorizeUrls(String clientId) {
        return authorizeUrls(AUTHORIZE_BASE, clientId);
    }

    /**
     * A token-manager builder for a Bling app: token endpoint at {@code apiBase} and authorize URLs at
     * {@code authorizeBase}. Clock, skew, throttle and the rest remain open on the returned builder.
     *
     * @param store         where the tokens are kept
     * @param apiBase       the API base, where {@code /oauth/token} is; e.g. {@link #API_BASE}
     * @param authorizeBase the consent host, e.g. {@link #AUTHORIZE_BASE}
     * @param clientId      the app's client id
     * @param clientSecret  the app's client secret; never shown
     * @return a builder with store, endpoint and authorize URLs set
     * @throws IllegalArgumentException if the client id or secret is blank, the id has a {@code :},
     *                                  or {@code apiBase} is not an absolute URL
     */
    public static TokenManager.Builder tokenManager(TokenStore store, URI apiBase, URI authorizeBase, String clientId,
                                                    String clientSecret) {
        BlingTokenEndpoint endpoint = BlingTokenEndpoint.builder().baseUrl(apiBase).clientId(clientId)
                .clientSecret(clientSecret).build();
        return TokenManager.builder().store(store).endpoint(endpoint).authorizeUrls(authorizeUrls(authorizeBase, clientId));
    }

    /**
     * As {@link #tokenManager(TokenStore, URI, URI, String, String)}, against Bling itself.
     *
     * @param store        where the tokens are kept
     * @param clientId     the app's client id
     * @param clientSecret the app's client secret; never shown
     * @return a builder with store, endpoint and authorize URLs set
     * @throws IllegalArgumentException if the client id or secret is blank, or the id has a {@code :}
     */
    public static TokenManager.Builder tokenManager(TokenStore store, String clientId, String clientSecret) {
        return tokenManager(store, API_BASE, AUTHORIZE_BASE, clientId, clientSecret);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
