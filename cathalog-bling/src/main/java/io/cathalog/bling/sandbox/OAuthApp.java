package io.cathalog.bling.sandbox;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An OAuth application registered in the sandbox, as in Bling's "Área do Integrador": its
 * credentials, its registered redirect link, and its scopes (scopes belong to the app, not to
 * the authorize URL).
 *
 * @param clientId     the app's client id; not blank, no {@code :} (it goes into Basic auth)
 * @param clientSecret the app's secret; not blank, never in {@code toString()}
 * @param redirectUri  the registered redirect link; absolute
 * @param scopes       the scopes granted to the app
 */
public record OAuthApp(String clientId, String clientSecret, URI redirectUri, Set<Scope> scopes) {

    /** The demo app's client id, always registered. */
    public static final String DEMO_CLIENT_ID = "cathalog-demo-client";
    /** The demo app's secret; a sandbox-only value, safe to print. */
    public static final String DEMO_CLIENT_SECRET = "cathalog-demo-secret-0123456789abcdef";
    /** The demo app's registered redirect link. */
    public static final URI DEMO_REDIRECT_URI = URI.create("http://127.0.0.1:8765/oauth/callback");

    /**
     * @param clientId     the app's client id; not blank, no {@code :} (it goes into Basic auth)
     * @param clientSecret the app's secret; not blank, never in {@code toString()}
     * @param redirectUri  the registered redirect link; absolute
     * @param scopes       the scopes granted to the app
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code clientId} is blank or has a {@code :}, {@code clientSecret} is
     *                                  blank, or {@code redirectUri} is not absolute
     */
    public OAuthApp {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        if (clientId.isBlank() || clientId.contains(":")) {
            throw new IllegalArgumentException("clientId must be non-blank and contain no ':' (Basic auth): " + clientId);
        }
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must be non-blank for app " + clientId);
        }
        if (!redirectUri.isAbsolute()) {
            throw new IllegalArgumentException("redirectUri must be absolute for app " + clientId + ": " + redirectUri);
        }
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /**
     * An app with every scope the sandbox knows.
     *
     * @param clientId     the app's client id; not blank, no {@code :}
     * @param clientSecret the app's secret; not blank
     * @param redirectUri  the registered redirect link; absolute
     * @return the app
     * @throws IllegalArgumentException if a credential or the link is invalid
     */
    public static OAuthApp withAllScopes(String clientId, String clientSecret, URI redirectUri) {
        return new OAuthApp(clientId, clientSecret, redirectUri, EnumSet.allOf(Scope.class));
    }

    /**
     * The demo app: {@link #DEMO_CLIENT_ID}, {@link #DEMO_CLIENT_SECRET}, {@link #DEMO_REDIRECT_URI}, all scopes.
     *
     * @return the demo app, always registered
     */
    public static OAuthApp demo() {
        return withAllScopes(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_REDIRECT_URI);
    }

    @Override
    public String toString() {
        return "OAuthApp[clientId=" + clientId + ", redirectUri=" + redirectUri + ", scopes=" + scopes + "]";
    }
}
