package io.cathalog.core.sync;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a listing holds, as a plan writes it: its marketplace category, title, price, the values
 * of the category's attributes by attribute id (the plugin's normalisation mapped to the
 * category) and the policy's shipping settings.
 *
 * @param marketplace  the marketplace plugin's id
 * @param categoryId   the marketplace category
 * @param title        the title
 * @param price        the price
 * @param attributes   values by attribute id, in the category's order
 * @param listingType  Mercado Livre's listing type, if set
 * @param freeShipping whether shipping is free
 */
public record ListingValues(String marketplace, String categoryId, String title, BigDecimal price,
                            Map<String, String> attributes, Optional<String> listingType, boolean freeShipping) {
    /**
     * Checks and copies the values.
     *
     * @param marketplace  as described above
     * @param categoryId   as described above
     * @param title        as described above
     * @param price        as described above
     * @param attributes   as described above
     * @param listingType  as described above
     * @param freeShipping as described above
     * @throws IllegalArgumentException when the category or title is empty or the price negative
     */
    public ListingValues {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        if (categoryId.isEmpty() || title.isEmpty() || price.signum() < 0) {
            throw new IllegalArgumentException("a listing needs a category, a title and a price that is not negative");
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(listingType, "listingType");
    }

    /**
     * Whether a listing holding {@code other} already says what these values say (prices compared
     * by value, attributes regardless of order).
     *
     * @param other what a listing holds
     * @return true when nothing is to write
     */
    public boolean sameAs(ListingValues other) {
        return categoryId.equals(other.categoryId) && title.equals(other.title)
                && price.compareTo(other.price) == 0 && attributes.equals(other.attributes);
    }
}
