package io.cathalog.core.auth;

import java.util.Objects;

/**
 * What {@link TokenManager#refreshLapsing} did for one account.
 *
 * @param accountId the account
 * @param outcome   what happened
 * @param detail    a short explanation for people (never a token)
 */
public record KeepAliveResult(String accountId, Outcome outcome, String detail) {

    /** What happened to one account. */
    public enum Outcome {
        /** The refresh token was near its lapse and was refreshed. */
        REFRESHED,
        /** The refresh token has time left; nothing was sent. */
        NOT_DUE,
        /** No tokens are stored for the account. */
        NOT_AUTHORIZED,
        /** The authorization is dead: a person must authorize again. */
        REAUTHORIZATION_REQUIRED,
        /** Something else went wrong (throttled, I/O, the ERP failed); the next run tries again. */
        FAILED
    }

    /**
     * @param accountId the account
     * @param outcome   what happened
     * @param detail    a short explanation for people (never a token)
     * @throws NullPointerException if a component is null
     */
    public KeepAliveResult {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
