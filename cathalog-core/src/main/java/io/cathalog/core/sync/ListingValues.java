package io.cathalog.core.sync;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a listing holds, as a plan writes it: its marketplace category, title, price, the values
 * of the category's attributes by attribute id (the plugin's normalisation mapped to the
 * category), the policy's shipping settings and, for a family, its variations.
 *
 * @param marketplace  the marketplace plugin's id
 * @param categoryId   the marketplace category
 * @param title        the title
 * @param price        the price
 * @param attributes   values by attribute id, in the category's order
 * @param listingType  Mercado Livre's listing type, if set
 * @param freeShipping whether shipping is free
 * @param variations   a family's variations, in the catalog's order; empty for a simple product
 * @param priceFromErp whether the price is the one the ERP holds on the product, because neither
 *                     the catalog nor the policy gives one (a product the catalog does not declare);
 *                     said in the plan, never compared
 */
public record ListingValues(String marketplace, String categoryId, String title, BigDecimal price,
                            Map<String, String> attributes, Optional<String> listingType, boolean freeShipping,
                            List<Variation> variations, boolean priceFromErp) {
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
     * @param variations   as described above
     * @param priceFromErp as described above
     * @throws IllegalArgumentException when the category or title is empty, the price negative or
     *                                  two variations have the same SKU
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
        variations = List.copyOf(variations);
        if (variations.stream().map(v -> v.product().sku()).distinct().count() != variations.size()) {
            throw new IllegalArgumentException("a listing's variations have distinct SKUs");
        }
    }

    /**
     * A listing whose price is the catalog's or the policy's.
     *
     * @param marketplace  the marketplace plugin's id
     * @param categoryId   the marketplace category
     * @param title        the title
     * @param price        the price
     * @param attributes   values by attribute id
     * @param listingType  Mercado Livre's listing type, if set
     * @param freeShipping whether shipping is free
     * @param variations   a family's variations; empty for a simple product
     * @throws IllegalArgumentException when the category or title is empty, the price negative or
     *                                  two variations have the same SKU
     */
    public ListingValues(String marketplace, String categoryId, String title, BigDecimal price,
                         Map<String, String> attributes, Optional<String> listingType, boolean freeShipping,
                         List<Variation> variations) {
        this(marketplace, categoryId, title, price, attributes, listingType, freeShipping, variations, false);
    }

    /**
     * A simple product's listing: no variations.
     *
     * @param marketplace  the marketplace plugin's id
     * @param categoryId   the marketplace category
     * @param title        the title
     * @param price        the price
     * @param attributes   values by attribute id
     * @param listingType  Mercado Livre's listing type, if set
     * @param freeShipping whether shipping is free
     * @throws IllegalArgumentException when the category or title is empty or the price negative
     */
    public ListingValues(String marketplace, String categoryId, String title, BigDecimal price,
                         Map<String, String> attributes, Optional<String> listingType, boolean freeShipping) {
        this(marketplace, categoryId, title, price, attributes, listingType, freeShipping, List.of(), false);
    }

    /**
     * One variation of a family's listing (Bling: an entry of the body's {@code variacoes}).
     *
     * @param product    the variation's product (possibly created by the same plan)
     * @param name       its options as people read them ({@code Cor:Azul;Tamanho:M})
     * @param price      its price
     * @param attributes its own attribute values by the category's attribute id
     */
    public record Variation(ProductRef product, String name, BigDecimal price, Map<String, String> attributes) {
        /**
         * Checks and copies the values.
         *
         * @param product    as described above
         * @param name       as described above
         * @param price      as described above
         * @param attributes as described above
         * @throws IllegalArgumentException when the name is empty or the price negative
         */
        public Variation {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
            if (name.isEmpty() || price.signum() < 0) {
                throw new IllegalArgumentException("a listing's variation needs a name and a price that is not negative");
            }
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /**
         * Whether a variation holding {@code other} already says what this one says (the product by
         * SKU, prices by value).
         *
         * @param other what a listing's variation holds
         * @return true when nothing is to write
         */
        public boolean sameAs(Variation other) {
            return product.sku().equals(other.product.sku()) && name.equals(other.name)
                    && price.compareTo(other.price) == 0 && attributes.equals(other.attributes);
        }
    }

    /**
     * Whether a listing holding {@code other} already says what these values say (prices compared
     * by value, attributes regardless of order, variations in order).
     *
     * @param other what a listing holds
     * @return true when nothing is to write
     */
    public boolean sameAs(ListingValues other) {
        if (variations.size() != other.variations.size()) {
            return false;
        }
        for (int i = 0; i < variations.size(); i++) {
            if (!variations.get(i).sameAs(other.variations.get(i))) {
                return false;
            }
        }
        return categoryId.equals(other.categoryId) && title.equals(other.title)
                && price.compareTo(other.price) == 0 && attributes.equals(other.attributes)
                && listingType.equals(other.listingType) && freeShipping == other.freeShipping;
    }
}
