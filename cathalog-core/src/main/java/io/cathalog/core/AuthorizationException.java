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

    private final String error;

    public AuthorizationException(String error, String message) {
        super(Objects.requireNonNull(error, "error") + ": " + message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
