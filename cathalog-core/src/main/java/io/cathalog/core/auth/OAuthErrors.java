package io.cathalog.core.auth;

/**
 * The error codes that {@link io.cathalog.core.AuthorizationException#error()} carries for the
 * authorization flow and the token endpoint. The ERP's own codes pass through unchanged when they
 * are not listed here.
 */
public final class OAuthErrors {
    /** The user refused consent. */
    public static final String ACCESS_DENIED = "access_denied";
    /** Bling: the app is deactivated. */
    public static final String APP_INATIVO = "app_inativo";
    /** The code or refresh token is invalid, expired, already used or revoked. */
    public static final String INVALID_GRANT = "invalid_grant";
    /** The client id or secret is wrong. */
    public static final String INVALID_CLIENT = "invalid_client";
    /** The request was malformed (also: a callback with neither a code nor an error). */
    public static final String INVALID_REQUEST = "invalid_request";
    /** The authorization code had been used before; Bling revokes the user's access when that happens. */
    public static final String CODE_REUSED = "code_reused";
    /** The callback's {@code state} is missing, unknown or already used: nothing was exchanged. */
    public static final String STATE_MISMATCH = "state_mismatch";
    /** The callback's {@code state} was issued by this flow but is older than its lifetime. */
    public static final String STATE_EXPIRED = "state_expired";

    private OAuthErrors() {
    }
}
