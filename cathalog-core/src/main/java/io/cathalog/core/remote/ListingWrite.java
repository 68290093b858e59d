package io.cathalog.core.remote;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine writes to create or update a listing (Bling: an anúncio's body).
 *
 * @param productId    the product's id in the ERP
 * @param storeId      the store's id in the ERP
 * @param marketplace  the marketplace plugin's id ({@code mercadolivre}, {@code shopee})
 * @param categoryId   the marketplace category
 * @param title        the title
 * @param price        the price
 * @param attributes   values by the category's attribute ids
 * @param listingType  Mercado Livre's listing type, if set
 * @param freeShipping whether shipping is free
 * @param variations   a family's variations (Bling: {@code variacoes}); empty for a simple product
 */
public record ListingWrite(long productId, long storeId, String marketplace, String categoryId, String title,
                           BigDecimal price, Map<String, String> attributes, Optional<String> listingType,
                           boolean freeShipping, List<Variation> variations) {

    /**
     * One variation of a family's listing.
     *
     * @param productId  the variation's product id in the ERP
     * @param name       its options as people read them
     * @param price      its price
     * @param attributes its own values by the category's attribute ids
     */
    public record Variation(long productId, String name, BigDecimal price, Map<String, String> attributes) {
        /**
         * Checks and copies the values.
         *
         * @param productId  as described above
         * @param name       as described above
         * @param price      as described above
         * @param attributes as described above
         * @throws IllegalArgumentException when the product id is not positive
         */
        public Variation {
            if (productId <= 0) {
                throw new IllegalArgumentException("a listing's variation needs its product, got " + productId);
            }
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /**
     * A simple product's listing: no variations.
     *
     * @param productId    the product's id in the ERP
     * @param storeId      the store's id in the ERP
     * @param marketplace  the marketplace plugin's id
     * @param categoryId   the marketplace category
     * @param title        the title
     * @param price        the price
     * @param attributes   values by the category's attribute ids
     * @param listingType  Mercado Livre's listing type, if set
     * @param freeShipping whether shipping is free
     * @throws IllegalArgumentException when an id is not positive
     */
    public ListingWrite(long productId, long storeId, String marketplace, String categoryId, String title,
                        BigDecimal price, Map<String, String> attributes, Optional<String> listingType,
                        boolean freeShipping) {
        this(productId, storeId, marketplace, categoryId, title, price, attributes, listingType, freeShipping, List.of());
    }
    /**
     * Checks and copies the values.
     *
     * @param productId    as described above
     * @param storeId      as described above
     * @param marketplace  as described above
     * @param categoryId   as described above
     * @param title        as described above
     * @param price        as described above
     * @param attributes   as described above
     * @param listingType  as described above
     * @param freeShipping as described above
     * @param variations   as described above
     * @throws IllegalArgumentException when an id is not positive
     */
    public ListingWrite {
        if (productId <= 0 || storeId <= 0) {
            throw new IllegalArgumentException("a listing needs a product and a store, got " + productId + ", " + storeId);
        }
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(listingType, "listingType");
        variations = List.copyOf(variations);
    }
}
