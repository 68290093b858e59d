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

    public CathalogException(String message) {
        super(message);
    }

    public CathalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
