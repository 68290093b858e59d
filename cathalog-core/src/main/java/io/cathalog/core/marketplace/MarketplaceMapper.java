package io.cathalog.core.marketplace;

import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;

/**
 * A marketplace's rules, as a plugin. Implementations are registered in
 * {@code META-INF/services/io.cathalog.core.marketplace.MarketplaceMapper} (and with
 * {@code provides} in a {@code module-info}), have a public no-argument constructor, are
 * thread-safe, and never throw for bad product data: they report {@link Violation}s.
 */
public interface MarketplaceMapper {

    /** The version of this SPI; a plugin returns the value it was compiled against. */
    String SPI_VERSION = "1.0";

    /** The marketplace's id, as stores name it: {@code mercadolivre}, {@code shopee}, ... */
    String id();

    /** For people: "Mercado Livre". */
    String displayName();

    /**
     * The SPI version the plugin was built against: return {@link #SPI_VERSION}, which the compiler
     * copies into the plugin, so the registry can warn about a plugin built for another version.
     */
    String spiVersion();

    /** Among plugins with the same id, the highest priority wins. */
    default int priority() {
        return 0;
    }

    /** What a marketplace category asks of its products. */
    CategoryRequirements requirements(String marketplaceCategoryId);

    /** Makes a product ready for a store's marketplace category, reporting what cannot be. */
    Normalisation normalise(Product product, Store store, String marketplaceCategoryId);
}
