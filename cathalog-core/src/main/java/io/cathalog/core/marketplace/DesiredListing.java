package io.cathalog.core.marketplace;

import io.cathalog.core.model.ListingPolicy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The listing (anúncio) a product should have in a store, as {@link ListingDecision#decide} says:
 * what a planner compares with the listing the ERP holds.
 *
 * @param marketplace  the plugin's id
 * @param store        the store's key in the catalog
 * @param storeId      the store's id in the ERP
 * @param sku          the product's SKU
 * @param categoryId   the marketplace category
 * @param title        the listing's title
 * @param price        its price
 * @param status       published or paused
 * @param attributes   values by the category's attribute ids, in the category's order, as the
 *                     marketplace's text ({@code "20 cm"}, {@code "Preto"})
 * @param listingType  Mercado Livre's listing type, if the policy sets one
 * @param freeShipping whether shipping is free
 * @param source       where the requirements the values were checked against came from
 */
public record DesiredListing(String marketplace, String store, long storeId, String sku, String categoryId,
                             String title, BigDecimal price, ListingPolicy.ListingStatus status,
                             Map<String, String> attributes, Optional<String> listingType, boolean freeShipping,
                             RequirementSource source) {
    /**
     * Checks and copies the values.
     *
     * @param marketplace  as described above
     * @param store        as described above
     * @param storeId      as described above
     * @param sku          as described above
     * @param categoryId   as described above
     * @param title        as described above
     * @param price        as described above
     * @param status       as described above
     * @param attributes   as described above
     * @param listingType  as described above
     * @param freeShipping as described above
     * @param source       as described above
     * @throws IllegalArgumentException when the price is negative or the store id not positive
     */
    public DesiredListing {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(store, "store");
        if (storeId <= 0) {
            throw new IllegalArgumentException("a listing's store id must be positive, got " + storeId);
        }
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("a listing's price must not be negative, got " + price);
        }
        Objects.requireNonNull(status, "status");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(listingType, "listingType");
        Objects.requireNonNull(source, "source");
    }
}
