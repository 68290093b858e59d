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
     * @param categoryId the marketplace's category id, e.g. {@code MLB1055} or {@code 100416}
     * @return what the category asks of its products
     * @throws RequirementsUnavailableException when they cannot be read (unknown category, missing
     *                                          or malformed document, failed fetch)
     */
    CategoryRequirements requirements(String categoryId);

    /**
     * {@code delegate}'s answers, kept within {@code settings}' bounds; failures are not kept.
     *
     * @param delegate the provider asked on a miss
     * @param settings the cache's time to live, size and clock
     * @return the caching provider
     */
    static CachedRequirementsProvider cached(RequirementsProvider delegate, CacheSettings settings) {
        return new CachedRequirementsProvider(delegate, settings);
    }
}
