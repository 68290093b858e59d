package io.cathalog.core.auth;

import io.cathalog.core.CathalogException;

/**
 * A token store could not read or write: an I/O error, a lock that was not obtained in time, or
 * stored data that is not what the store writes. Never carries a token.
 */
public class TokenStoreException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where; never a token
     */
    public TokenStoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed and where; never a token
     * @param cause   the I/O or database failure underneath
     */
    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
