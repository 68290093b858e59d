package io.cathalog.core.marketplace;

import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;

/**
 * A marketplace's rules, as a plugin. Implementations are registered in
 * {@code META-INF/services/io.cathalog.core.marketplace.MarketplaceMapper} (and with
 * {@code provides} in a {@code module-info}), have a public no-argument constructor, are
 * thread-safe, and never throw for bad product data: they report {@link Violation}s. Marketplace
 * types they do not know are kept as {@link ValueType#UNKNOWN}, never fatal.
 *
 * <p>Outputs are deterministic: equal inputs give equal requirements and normalisations, and the
 * same payload preview text.
 */
public interface MarketplaceMapper {

    /**
     * The version of this SPI, {@code major.minor}. A plugin built against another major version is
     * not loaded; one built against a newer minor version is loaded with a warning.
     */
    String SPI_VERSION = "1.0";

    /**
     * The marketplace's id, as stores name it.
     *
     * @return {@code mercadolivre}, {@code shopee}, ...: lower case, stable across versions
     */
    String id();

    /**
     * The marketplace's name for people, and for the ERP's custom field names.
     *
     * @return e.g. "Mercado Livre"
     */
    String displayName();

    /**
     * The SPI version the plugin was built against: return {@link #SPI_VERSION}, which the compiler
     * copies into the plugin, so the registry can warn about a plugin built for another version.
     *
     * @return {@code major.minor}
     */
    String spiVersion();

    /**
     * Among plugins with the same id, the highest priority wins (a host's plugin replaces a shipped one).
     *
     * @return the priority; 0 by default
     */
    default int priority() {
        return 0;
    }

    /**
     * What a marketplace category asks of its products.
     *
     * @param marketplaceCategoryId the marketplace's own category id ({@code MLB1055})
     * @return the category's attributes, limits and rules
     * @throws RequirementsUnavailableException when they cannot be read
     */
    CategoryRequirements requirements(String marketplaceCategoryId);

    /**
     * What a marketplace category asks of its products in one store: a plugin that reads
     * requirements live through the store's ERP integration overrides this; the default is the
     * store-independent {@link #requirements(String)}.
     *
     * @param store                 the store whose integration is asked
     * @param marketplaceCategoryId the marketplace category
     * @return the requirements, with their {@link CategoryRequirements#source() source}
     * @throws RequirementsUnavailableException when they cannot be read
     */
    default CategoryRequirements requirements(Store store, String marketplaceCategoryId) {
        return requirements(marketplaceCategoryId);
    }

    /**
     * Makes a product ready for a store's marketplace category: the values to write (filled from the
     * product's fields, its attributes and the supplied values), what the marketplace would reject,
     * what it would degrade, and a preview of the marketplace's payload. Never throws for bad
     * product data, nor for a category whose requirements cannot be read (that is a violation).
     *
     * @param request the product (or family), the store, the category and any supplied values
     * @return the values, violations, warnings and payload preview
     */
    Normalisation normalise(NormalisationRequest request);

    /**
     * {@link #normalise(NormalisationRequest)} with nothing supplied.
     *
     * @param product               the product
     * @param store                 the store it is listed in
     * @param marketplaceCategoryId the marketplace's category id
     * @return the normalisation
     */
    default Normalisation normalise(Product product, Store store, String marketplaceCategoryId) {
        return normalise(NormalisationRequest.of(product, store, marketplaceCategoryId));
    }
}
