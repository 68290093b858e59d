package io.cathalog.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An account whose authorization just completed: its tokens are stored. Holds no secret.
 *
 * @param accountId            the account the authorization was started for
 * @param scopes               the scopes granted
 * @param accessTokenExpiresAt when the first access token expires
 * @param version              the store version the tokens were stored at
 */
public record AuthorizedAccount(String accountId, Set<String> scopes, Instant accessTokenExpiresAt, long version) {

    /**
     * @param accountId            the account the authorization was started for
     * @param scopes               the scopes granted
     * @param accessTokenExpiresAt when the first access token expires
     * @param version              the store version the tokens were stored at
     * @throws NullPointerException if a component is null
     */
    public AuthorizedAccount {
        Objects.requireNonNull(accountId, "accountId");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }
}
