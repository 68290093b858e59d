package io.cathalog.core.auth;

import java.util.Objects;

/**
 * Tokens as a store holds them, with the version a compare-and-set must name to replace them.
 * Versions start at 1 and grow by one with every successful compare-and-set.
 */
public record VersionedTokens(Tokens tokens, long version) {

    public VersionedTokens {
        Objects.requireNonNull(tokens, "tokens");
        if (version < 1) {
            throw new IllegalArgumentException("a stored version is at least 1, got " + version);
        }
    }
}
