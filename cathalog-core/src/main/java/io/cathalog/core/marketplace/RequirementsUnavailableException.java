package io.cathalog.core.marketplace;

import io.cathalog.core.CathalogException;

/**
 * A marketplace category's requirements could not be read: the category is unknown to the
 * source, a document is missing or malformed, or the host's fetcher failed. Never cached.
 */
public class RequirementsUnavailableException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final String categoryId;

    public RequirementsUnavailableException(String categoryId, String message) {
        super(message);
        this.categoryId = categoryId;
    }

    public RequirementsUnavailableException(String categoryId, String message, Throwable cause) {
        super(message, cause);
        this.categoryId = categoryId;
    }

    /** The marketplace category asked for. */
    public String categoryId() {
        return categoryId;
    }
}
