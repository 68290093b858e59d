package io.cathalog.core;

import java.util.Objects;

/**
 * An OAuth authorization step failed: the user denied consent, the {@code state} did not match,
 * the code was invalid, expired or reused, the client credentials were wrong, the app is inactive.
 * {@link #error()} is the OAuth error code ({@code access_denied}, {@code invalid_grant},
 * {@code invalid_client}, {@code state_mismatch}, {@code app_inativo}, ...).
 */
public class AuthorizationException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The OAuth error code, as the authorization server or the flow named it. */
    private final String error;

    /**
     * @param error   the OAuth error code, e.g. {@code invalid_grant}; not null
     * @param message what happened, for a person; never a secret
     */
    public AuthorizationException(String error, String message) {
        super(Objects.requireNonNull(error, "error") + ": " + message);
        this.error = error;
    }

    /**
     * The OAuth error code, e.g. {@code access_denied} or {@code state_mismatch}.
     *
     * @return the code as it came, an open string
     */
    public String error() {
        return error;
    }
}
