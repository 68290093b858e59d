package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Checks;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a store's listings (anúncios) are kept: whether products that satisfy every requirement of
 * their marketplace category get a listing, whether a new listing is published or kept paused, the
 * Mercado Livre listing type and free shipping, and per-product overrides by SKU. Built with
 * {@link #builder()}; {@link #none()} lists nothing (a store without a policy).
 *
 * @param createListings  whether products that satisfy every requirement get a listing
 * @param status          what an active product's listing should be ({@link ListingStatus#PAUSED}
 *                        keeps new listings unpublished); an inactive product's is always paused
 * @param listingType     Mercado Livre's listing type ({@code gold_special}, {@code gold_pro}), if set
 * @param freeShipping    whether shipping is free
 * @param overrides       per-product settings by SKU, in SKU order
 */
public record ListingPolicy(boolean createListings, ListingStatus status, Optional<String> listingType,
                            boolean freeShipping, Map<String, ProductOverride> overrides) {

    private static final Pattern LISTING_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** What a listing should be. */
    public enum ListingStatus {
        /** Published: buyers see it. */
        PUBLISHED,
        /** Paused: kept, not shown. */
        PAUSED
    }

    /**
     * Checks and copies the values.
     *
     * @param createListings as described above
     * @param status         as described above
     * @param listingType    as described above
     * @param freeShipping   as described above
     * @param overrides      as described above
     * @throws ValidationException when the listing type is not a marketplace code or an override's
     *                             SKU is blank
     */
    public ListingPolicy {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(listingType, "listingType");
        listingType.ifPresent(t -> checkListingType("listing_type", t));
        TreeMap<String, ProductOverride> copy = new TreeMap<>();
        Objects.requireNonNull(overrides, "overrides").forEach((sku, o) -> {
            Checks.text("overrides", sku, Product.MAX_SKU_LENGTH);
            copy.put(sku, Objects.requireNonNull(o, "override of " + sku));
        });
        overrides = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * A store that lists nothing.
     *
     * @return the policy
     */
    public static ListingPolicy none() {
        return builder().createListings(false).build();
    }

    /**
     * A builder: create listings, publish them, no listing type, no free shipping, no overrides.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings for one product: the policy's, with the product's override on top.
     *
     * @param sku the product's SKU
     * @return the settings that apply
     */
    public Effective forProduct(String sku) {
        ProductOverride o = overrides.getOrDefault(Objects.requireNonNull(sku, "sku"), ProductOverride.NONE);
        return new Effective(o.list().orElse(createListings), o.status().orElse(status),
                o.listingType().or(() -> listingType), o.freeShipping().orElse(freeShipping), o.price(), o.title());
    }

    private static void checkListingType(String field, String t) {
        Checks.that(LISTING_TYPE.matcher(t).matches(), field, "a listing type is a marketplace code such as"
                + " 'gold_special' (lower case, digits, '_'), got '" + t + "'");
    }

    /**
     * One product's settings, each optional (absent: the policy's).
     *
     * @param list         whether the product is listed at all
     * @param status       its listing's status
     * @param listingType  its Mercado Livre listing type
     * @param freeShipping its free shipping
     * @param price        its listing's price, instead of the product's
     * @param title        its listing's title, instead of the product's name
     */
    public record ProductOverride(Optional<Boolean> list, Optional<ListingStatus> status, Optional<String> listingType,
                           Optional<Boolean> freeShipping, Optional<BigDecimal> price, Optional<String> title) {
        /** No override. */
        public static final ProductOverride NONE = new ProductOverride(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        /**
         * Checks the values.
         *
         * @param list         as described above
         * @param status       as described above
         * @param listingType  as described above
         * @param freeShipping as described above
         * @param price        as described above
         * @param title        as described above
         * @throws ValidationException when the price is negative, the title blank or too long, or the
         *                             listing type not a marketplace code
         */
        public ProductOverride {
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(listingType, "listingType");
            listingType.ifPresent(t -> checkListingType("listing_type", t));
            Objects.requireNonNull(freeShipping, "freeShipping");
            Objects.requireNonNull(price, "price");
            price.ifPresent(p -> Checks.that(p.signum() >= 0, "price", "a listing's price must not be negative, got " + p));
            Objects.requireNonNull(title, "title");
            title.ifPresent(t -> Checks.text("title", t, Product.MAX_NAME_LENGTH));
        }
    }

    /**
     * The settings that apply to one product.
     *
     * @param list         whether it gets a listing
     * @param status       what its listing should be while the product is active
     * @param listingType  the Mercado Livre listing type, if any
     * @param freeShipping whether shipping is free
     * @param price        the listing's price when it differs from the product's
     * @param title        the listing's title when it differs from the product's name
     */
    public record Effective(boolean list, ListingStatus status, Optional<String> listingType, boolean freeShipping,
                            Optional<BigDecimal> price, Optional<String> title) {
        /**
         * Checks the values.
         *
         * @param list         as described above
         * @param status       as described above
         * @param listingType  as described above
         * @param freeShipping as described above
         * @param price        as described above
         * @param title        as described above
         */
        public Effective {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(listingType, "listingType");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(title, "title");
        }
    }

    /** Builds a {@link ListingPolicy}; every setter replaces the value, {@link #override} adds one. */
    public static final class Builder {
        private boolean createListings = true;
        private ListingStatus status = ListingStatus.PUBLISHED;
        private Optional<String> listingType = Optional.empty();
        private boolean freeShipping;
        private final Map<String, ProductOverride> overrides = new TreeMap<>();

        private Builder() {
        }

        /**
         * Whether products that satisfy every requirement get a listing (default true).
         *
         * @param create whether to create listings
         * @return this builder
         */
        public Builder createListings(boolean create) {
            this.createListings = create;
            return this;
        }

        /**
         * Publish new listings, or keep them paused (default published).
         *
         * @param status the status of an active product's listing
         * @return this builder
         */
        public Builder status(ListingStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Mercado Livre's listing type.
         *
         * @param type e.g. {@code gold_special}
         * @return this builder
         */
        public Builder listingType(String type) {
            this.listingType = Optional.of(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Free shipping (default false).
         *
         * @param free whether shipping is free
         * @return this builder
         */
        public Builder freeShipping(boolean free) {
            this.freeShipping = free;
            return this;
        }

        /**
         * One product's override.
         *
         * @param sku      the product's SKU
         * @param override its settings
         * @return this builder
         * @throws ValidationException when the SKU already has one
         */
        public Builder override(String sku, ProductOverride override) {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(override, "override");
            if (overrides.putIfAbsent(sku, override) != null) {
                throw ValidationException.of(io.cathalog.core.internal.Pointers.child("/overrides", sku), "product " + sku + " has two listing overrides");
            }
            return this;
        }

        /**
         * The policy.
         *
         * @return the policy
         * @throws ValidationException when a value is invalid
         */
        public ListingPolicy build() {
            return new ListingPolicy(createListings, status, listingType, freeShipping, overrides);
        }
    }
}
