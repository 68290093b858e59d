package io.cathalog.core.auth;

import java.util.Objects;

/**
 * Tokens as a store holds them, with the version a compare-and-set must name to replace them.
 * Versions start at 1 and grow by one with every successful compare-and-set.
 *
 * @param tokens  the stored pair
 * @param version the version the pair was stored at; at least 1
 */
public record VersionedTokens(Tokens tokens, long version) {

    /**
     * @param tokens  the stored pair
     * @param version the version the pair was stored at; at least 1
     * @throws IllegalArgumentException if {@code version} is below 1
     */
    public VersionedTokens {
        Objects.requireNonNull(tokens, "tokens");
        if (version < 1) {
            throw new IllegalArgumentException("a stored version is at least 1, got " + version);
        }
    }
}
