package io.cathalog.bling.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A token pair as the token endpoint would return it. {@code toString()} never shows the tokens.
 *
 * @param accessToken  the bearer token for API calls
 * @param refreshToken the single-use token that buys the next pair
 * @param expiresIn    the access token's lifetime
 * @param scope        the granted scope ids, space-separated as in the token response
 */
public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn, String scope) {
    /**
     * @param accessToken  the bearer token for API calls
     * @param refreshToken the single-use token that buys the next pair
     * @param expiresIn    the access token's lifetime
     * @param scope        the granted scope ids, space-separated as in the token response
     * @throws NullPointerException if a component is null
     */
    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "IssuedTokens[accessToken=<redacted>, refreshToken=<redacted>, expiresIn=" + expiresIn
                + ", scope=" + scope + "]";
    }
}
