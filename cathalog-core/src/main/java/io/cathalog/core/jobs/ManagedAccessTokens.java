package io.cathalog.core.jobs;

import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.http.AccessTokenProvider;

import java.util.Objects;

/**
 * One account's {@link AccessTokenProvider} over a {@link TokenManager}: what a client needs to
 * send requests for an account whose tokens the manager keeps (refreshed ahead of expiry, once for
 * all threads and processes). A dead authorization surfaces as
 * {@link io.cathalog.core.ReauthorizationRequiredException}, which pauses the account in the
 * {@link SyncScheduler}.
 */
public final class ManagedAccessTokens implements AccessTokenProvider {
    private final TokenManager manager;
    private final String accountId;

    private ManagedAccessTokens(TokenManager manager, String accountId) {
        this.manager = manager;
        this.accountId = accountId;
    }

    /**
     * The access tokens of {@code accountId}, as {@code manager} keeps them fresh.
     *
     * @param manager   the token manager holding the account's tokens
     * @param accountId the account; not blank
     * @return the provider
     * @throws IllegalArgumentException when {@code accountId} is blank
     */
    public static ManagedAccessTokens of(TokenManager manager, String accountId) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        return new ManagedAccessTokens(manager, accountId);
    }

    @Override
    public String accessToken() {
        return manager.accessToken(accountId);
    }

    @Override
    public String refreshAfterRejection(String rejected) {
        return manager.refreshRejected(accountId, rejected);
    }

    @Override
    public String toString() {
        return "ManagedAccessTokens[" + accountId + "]";
    }
}
