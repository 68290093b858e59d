package io.cathalog.core.marketplace;

/**
 * The source that serves a category's requirements could not be reached (the ERP answered with an
 * error that says nothing about the category, refused the store's integration, or did not answer).
 * Says nothing about the category itself: a caller with another source (the shipped snapshot) may
 * fall back to it. Never cached.
 */
public class RequirementsUnreachableException extends RequirementsUnavailableException {
    private static final long serialVersionUID = 1L;

    /**
     * A source that could not be reached.
     *
     * @param categoryId the marketplace category asked for
     * @param message    what happened, for people
     * @param cause      the failure, or null
     */
    public RequirementsUnreachableException(String categoryId, String message, Throwable cause) {
        super(categoryId, message, cause);
    }
}
