package io.cathalog.core.auth;

import io.cathalog.core.internal.TokenChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account's OAuth 2.0 token pair. Both tokens are visible ASCII (no control character, no
 * space), so that they can always be sent in a header. {@link #toString()} redacts both tokens, so a token pair can
 * be logged or put in an exception message without leaking anything.
 *
 * @param accessToken  the bearer token for API calls
 * @param refreshToken the single-use token that buys the next pair
 * @param expiresAt    when the access token stops working
 * @param scopes       the scopes granted (Bling sends numeric scope ids)
 * @param obtainedAt   when this pair was issued; a refresh token lapses some time after it
 */
public record Tokens(String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes,
                     Instant obtainedAt) {

    /**
     * @param accessToken  the bearer token for API calls
     * @param refreshToken the single-use token that buys the next pair
     * @param expiresAt    when the access token stops working
     * @param scopes       the scopes granted (Bling sends numeric scope ids)
     * @param obtainedAt   when this pair was issued; a refresh token lapses some time after it
     * @throws IllegalArgumentException if a token is blank or not visible ASCII, or the pair expires
     *                                  before it was obtained
     */
    public Tokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
        if (accessToken.isBlank() || refreshToken.isBlank()) {
            throw new IllegalArgumentException("tokens must not be blank");
        }
        TokenChecks.requireValid("accessToken", accessToken);
        TokenChecks.requireValid("refreshToken", refreshToken);
        if (expiresAt.isBefore(obtainedAt)) {
            throw new IllegalArgumentException("tokens cannot expire (" + expiresAt + ") before they were obtained ("
                    + obtainedAt + ")");
        }
        scopes = Set.copyOf(new TreeSet<>(Objects.requireNonNull(scopes, "scopes")));
    }

    /**
     * Whether the access token is due for a refresh.
     *
     * @param skew how long before expiry a token counts as expiring
     * @param now  the current instant
     * @return true when the access token expires within {@code skew} of {@code now}, or already has
     */
    public boolean expiresWithin(Duration skew, Instant now) {
        return !now.plus(skew).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Tokens[accessToken=" + redact(accessToken) + ", refreshToken=" + redact(refreshToken)
                + ", expiresAt=" + expiresAt + ", scopes=" + new TreeSet<>(scopes) + ", obtainedAt=" + obtainedAt + "]";
    }

    /**
     * A token reduced to its length, for logs: nothing of it can be recovered.
     *
     * @param secret a token, or null
     * @return {@code <redacted:N chars>}, or {@code "null"}
     */
    public static String redact(String secret) {
        return secret == null ? "null" : "<redacted:" + secret.length() + " chars>";
    }
}
