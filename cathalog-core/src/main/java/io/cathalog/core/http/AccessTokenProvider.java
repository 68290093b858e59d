package io.cathalog.core.http;

/**
 * Supplies one account's access token to the transport. The OAuth token manager provides the real
 * one (refreshing ahead of expiry, once for all threads); tests may use a fixed token.
 */
public interface AccessTokenProvider {

    /**
     * A token valid now, refreshed first if it is about to expire.
     *
     * @return the bearer token to send
     */
    String accessToken();

    /**
     * The ERP rejected {@code rejected} as invalid: return a newer token, refreshing if nobody has
     * since. Called at most once per request.
     *
     * @param rejected the token the ERP answered 401 to
     * @return a newer token; the same one when the provider cannot refresh
     */
    String refreshAfterRejection(String rejected);

    /**
     * A provider of one fixed token, which cannot be refreshed.
     *
     * @param token the bearer token, e.g. from a test account
     * @return the provider; a refresh hands back the same token
     * @throws IllegalArgumentException the token holds a control character or a space (a line end
     *         copied from a file); the message never shows the token
     */
    static AccessTokenProvider fixed(String token) {
        java.util.Objects.requireNonNull(token, "token");
        io.cathalog.core.internal.TokenChecks.requireValid("the access token", token);
        return new AccessTokenProvider() {
            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public String refreshAfterRejection(String rejected) {
                return token;
            }

            @Override
            public String toString() {
                return "AccessTokenProvider.fixed(" + io.cathalog.core.auth.Tokens.redact(token) + ")";
            }
        };
    }
}
