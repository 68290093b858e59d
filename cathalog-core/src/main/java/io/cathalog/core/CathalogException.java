package io.cathalog.core;

/**
 * The root of every exception Cathalog Sync throws. Callers that want to handle "anything the
 * library reports" catch this; callers that can act on a specific condition catch a leaf, which
 * carries the data needed to act (the problems of an invalid catalog, the period of a rate limit,
 * the authorize URL of a dead authorization, ...).
 *
 * <p>Messages never contain secrets (tokens, client secrets, keys).
 */
public class CathalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, in a sentence a person can act on; never a secret
     */
    public CathalogException(String message) {
        super(message);
    }

    /**
     * @param message what happened, in a sentence a person can act on; never a secret
     * @param cause   the failure underneath, e.g. an {@link java.io.IOException}
     */
    public CathalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
