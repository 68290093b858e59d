package io.cathalog.core;

import java.net.URI;
import java.util.Objects;

/**
 * The account's authorization is dead (refresh token rejected, expired or revoked): a person must
 * authorize the app again, at {@link #authorizeUrl()}. Nothing retries past this.
 */
public class ReauthorizationRequiredException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final URI authorizeUrl;

    public ReauthorizationRequiredException(String accountId, URI authorizeUrl, String reason) {
        super("account '" + accountId + "' must be authorized again (" + reason + "): " + authorizeUrl);
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    }

    public String accountId() {
        return accountId;
    }

    public URI authorizeUrl() {
        return authorizeUrl;
    }
}
