package io.cathalog.core.marketplace;

import io.cathalog.core.model.Store;
import java.util.Collection;
import java.util.Optional;

/**
 * Marketplace requirements per store, read live through the ERP that reaches the store's
 * marketplace integration (cathalog-bling's {@code BlingRequirements} reads Bling's Anúncios API).
 * A plugin given one reads a store's categories here first and falls back to its own source (the
 * shipped snapshot) only when this one {@linkplain RequirementsUnreachableException cannot be
 * reached}; a {@link CategoryNotFoundException} is the store's answer and needs attention.
 *
 * <p>Reading requirements costs ERP requests, counted by the ERP's limiter like every other
 * request. {@link #fetches()} and {@link #pendingFetches} make that cost visible to a plan's
 * estimate. Implementations are thread-safe and cache what they read.
 */
public interface StoreRequirements {

    /**
     * The provider of a store's category requirements through the ERP.
     *
     * @param marketplace the plugin's id ({@code mercadolivre})
     * @param store       the store whose integration is read
     * @return the provider, whose answers carry a {@link RequirementSource.Erp}; empty when the
     *         ERP does not serve that marketplace, so the plugin's own source is used
     */
    Optional<RequirementsProvider> forStore(String marketplace, Store store);

    /**
     * Requests made so far to read requirements; take the difference around a plan to know what
     * planning spent.
     *
     * @return the count since this instance was built
     */
    long fetches();

    /**
     * How many requests reading these categories for the store would make now: one per category
     * not cached (a cached one costs nothing until its time to live ends).
     *
     * @param marketplace the plugin's id
     * @param store       the store
     * @param categoryIds the marketplace categories the plan would read
     * @return the number of requests, 0 when the ERP does not serve the marketplace
     */
    long pendingFetches(String marketplace, Store store, Collection<String> categoryIds);
}
