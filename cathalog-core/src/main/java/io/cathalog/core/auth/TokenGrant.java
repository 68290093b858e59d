package io.cathalog.core.auth;

import io.cathalog.core.internal.TokenChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a token endpoint answered: an access token, how long it lives, the scopes, and (nearly
 * always) the next refresh token. {@link #toString()} redacts both tokens.
 *
 * @param accessToken  the new access token
 * @param refreshToken the new refresh token; empty when the endpoint sent none (the old one is then kept)
 * @param expiresIn    the access token's lifetime as the endpoint stated it, at most {@link #MAX_EXPIRES_IN}
 * @param scopes       the granted scopes (empty when the endpoint did not say)
 */
public record TokenGrant(String accessToken, Optional<String> refreshToken, Duration expiresIn, Set<String> scopes) {

    /**
     * The longest access-token lifetime taken from an endpoint (one day; Bling's tokens live six
     * hours). A longer {@code expiresIn} is cut to it: the token is then refreshed early, which
     * costs a token call, where a lifetime of {@code Long.MAX_VALUE} seconds would overflow the
     * expiry instant after the refresh token was spent.
     */
    public static final Duration MAX_EXPIRES_IN = Duration.ofDays(1);

    /**
     * Drops a blank refresh token and cuts {@code expiresIn} to {@link #MAX_EXPIRES_IN}.
     *
     * @param accessToken  the new access token
     * @param refreshToken the new refresh token; empty when the endpoint sent none (the old one is then kept)
     * @param expiresIn    the access token's lifetime as the endpoint stated it, at most {@link #MAX_EXPIRES_IN}
     * @param scopes       the granted scopes (empty when the endpoint did not say)
     * @throws IllegalArgumentException if a token is blank or not visible ASCII, or {@code expiresIn}
     *                                  is not positive
     */
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken must not be blank");
        }
        TokenChecks.requireValid("accessToken", accessToken);
        if (refreshToken.isPresent() && refreshToken.get().isBlank()) {
            refreshToken = Optional.empty();
        }
        refreshToken.ifPresent(r -> TokenChecks.requireValid("refreshToken", r));
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn must be positive, got " + expiresIn);
        }
        if (expiresIn.compareTo(MAX_EXPIRES_IN) > 0) {
            // An absurd lifetime (Long.MAX_VALUE seconds) would overflow Instant: refreshing early is harmless.
            expiresIn = MAX_EXPIRES_IN;
        }
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }

    /**
     * The token pair to store: the lifetime counts from {@code requestedAt} (when the request was
     * sent, so the stored expiry is never later than the real one), and {@code previousRefreshToken}
     * stays when no new refresh token came.
     *
     * @param requestedAt          when the token request was sent
     * @param previousRefreshToken the refresh token stored before, kept when the endpoint sent none
     * @return the pair to store
     * @throws IllegalStateException if the endpoint sent no refresh token and there is none to keep
     */
    public Tokens toTokens(Instant requestedAt, Optional<String> previousRefreshToken) {
        String refresh = refreshToken.or(() -> previousRefreshToken).orElseThrow(() -> new IllegalStateException(
                "the token endpoint sent no refresh token, and there is no previous one to keep"));
        return new Tokens(accessToken, refresh, requestedAt.plus(expiresIn), scopes, requestedAt);
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=" + Tokens.redact(accessToken) + ", refreshToken="
                + refreshToken.map(Tokens::redact).orElse("none") + ", expiresIn=" + expiresIn + ", scopes="
                + new TreeSet<>(scopes) + "]";
    }
}
