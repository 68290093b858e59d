package io.cathalog.core.marketplace;

import java.util.Objects;

/**
 * The source answered, and the category does not exist there (for that store's integration): an
 * authoritative answer, so no fallback is asked. A plugin turns it into a needs-attention item
 * ({@link Violation.Code#CATEGORY_UNAVAILABLE}), never into a failed run. Never cached.
 */
public class CategoryNotFoundException extends RequirementsUnavailableException {
    private static final long serialVersionUID = 1L;

    private final transient RequirementSource source;

    /**
     * A category the source does not know.
     *
     * @param categoryId the marketplace category asked for
     * @param source     the source that answered
     * @param message    what happened, for people
     */
    public CategoryNotFoundException(String categoryId, RequirementSource source, String message) {
        super(categoryId, message);
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The source that answered.
     *
     * @return the source, e.g. live from Bling for one store
     */
    public RequirementSource source() {
        return source;
    }
}
