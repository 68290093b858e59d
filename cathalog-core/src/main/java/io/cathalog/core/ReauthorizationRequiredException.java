package io.cathalog.core;

import java.net.URI;
import java.util.Objects;

/**
 * The account's authorization is dead (refresh token rejected, expired or revoked): a person must
 * authorize the app again, at {@link #authorizeUrl()}. Nothing retries past this.
 */
public class ReauthorizationRequiredException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The account whose authorization is dead. */
    private final String accountId;
    /** Where a person authorizes the app again. */
    private final URI authorizeUrl;

    /**
     * @param accountId    the account whose authorization is dead
     * @param authorizeUrl where a person authorizes the app again
     * @param reason       why, for the message, e.g. {@code invalid_grant}; never a secret
     */
    public ReauthorizationRequiredException(String accountId, URI authorizeUrl, String reason) {
        super("account '" + accountId + "' must be authorized again (" + reason + "): " + authorizeUrl);
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    }

    /**
     * The account whose authorization is dead.
     *
     * @return the host's account id
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Where a person authorizes the app again; show it to the account's owner.
     *
     * @return the ERP's authorize URL for this app
     */
    public URI authorizeUrl() {
        return authorizeUrl;
    }
}
