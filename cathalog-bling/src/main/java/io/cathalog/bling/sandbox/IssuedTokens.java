package io.cathalog.bling.sandbox;

import java.time.Duration;
import java.util.Objects;

/** A token pair as the token endpoint would return it. {@code toString()} never shows the tokens. */
public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn, String scope) {
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
