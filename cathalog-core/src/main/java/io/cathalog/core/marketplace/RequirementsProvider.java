package io.cathalog.core.marketplace;

/**
 * Reads what a marketplace category asks of its products. Each plugin has one that parses the
 * marketplace's own JSON formats from a {@link DocumentSource}; {@link #cached(RequirementsProvider,
 * CacheSettings)} keeps the answers for a while. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RequirementsProvider {

    /**
     * The requirements of a marketplace category.
     *
     * @throws RequirementsUnavailableException when they cannot be read (unknown category, missing
     *                                          or malformed document, failed fetch)
     */
    CategoryRequirements requirements(String categoryId);

    /** {@code delegate}'s answers, kept within {@code settings}' bounds; failures are not kept. */
    static CachedRequirementsProvider cached(RequirementsProvider delegate, CacheSettings settings) {
        return new CachedRequirementsProvider(delegate, settings);
    }
}
