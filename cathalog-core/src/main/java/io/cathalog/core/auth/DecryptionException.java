package io.cathalog.core.auth;

import io.cathalog.core.CathalogException;

/**
 * Encrypted data could not be decrypted: it was altered, it was encrypted under another key or for
 * another purpose (associated data), or it is not in a format this version knows. Nothing of the
 * data or the key is in the message.
 */
public class DecryptionException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why the data did not decrypt; never any of the data or the key
     */
    public DecryptionException(String message) {
        super(message);
    }

    /**
     * @param message why the data did not decrypt; never any of the data or the key
     * @param cause   the JDK's failure underneath
     */
    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
