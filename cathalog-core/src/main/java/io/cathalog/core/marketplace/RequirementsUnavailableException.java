package io.cathalog.core.marketplace;

import io.cathalog.core.CathalogException;

/**
 * A marketplace category's requirements could not be read: the category is unknown to the
 * source, a document is missing or malformed, or the host's fetcher failed. Never cached.
 */
public class RequirementsUnavailableException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The marketplace category asked for. */
    private final String categoryId;

    /**
     * @param categoryId the marketplace category asked for
     * @param message    what could not be read, and where
     */
    public RequirementsUnavailableException(String categoryId, String message) {
        super(message);
        this.categoryId = categoryId;
    }

    /**
     * @param categoryId the marketplace category asked for
     * @param message    what could not be read, and where
     * @param cause      the source's failure, e.g. an I/O error or a JSON parse error
     */
    public RequirementsUnavailableException(String categoryId, String message, Throwable cause) {
        super(message, cause);
        this.categoryId = categoryId;
    }

    /**
     * The marketplace category asked for.
     *
     * @return the marketplace's category id
     */
    public String categoryId() {
        return categoryId;
    }
}
