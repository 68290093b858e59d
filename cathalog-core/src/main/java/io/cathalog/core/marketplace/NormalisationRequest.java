package io.cathalog.core.marketplace;

import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a plugin needs to make one product ready for one store's marketplace category.
 * Built with {@link #builder(Product, Store, String)}.
 *
 * @param product        the product, with the values its attribute rules derived already applied
 *                       (brand, weights, dimensions, attributes)
 * @param store          the store it will be listed in
 * @param categoryId     the marketplace category ({@link #marketplaceCategory(Product, Store)})
 * @param suppliedValues values for the marketplace's attributes by the marketplace's attribute id
 *                       ({@code MODEL}, {@code 100037}, {@code EMPTY_GTIN_REASON}); they win over
 *                       what the plugin would take from the product
 * @param title          the listing title when it differs from the product name (e.g. a shorter
 *                       one for Mercado Livre's 60 characters)
 * @param condition      new or used
 * @param matcher        how list values are matched (case, accents, synonyms)
 */
public record NormalisationRequest(Product product, Store store, String categoryId,
                                   SortedMap<String, AttributeValue> suppliedValues, Optional<String> title,
                                   ItemCondition condition, ValueMatcher matcher) {

    /**
     * @param product        the product, with the values its attribute rules derived already applied
     *                       (brand, weights, dimensions, attributes)
     * @param store          the store it will be listed in
     * @param categoryId     the marketplace category ({@link #marketplaceCategory(Product, Store)})
     * @param suppliedValues values for the marketplace's attributes by the marketplace's attribute id
     *                       ({@code MODEL}, {@code 100037}, {@code EMPTY_GTIN_REASON}); they win over
     *                       what the plugin would take from the product
     * @param title          the listing title when it differs from the product name (e.g. a shorter
     *                       one for Mercado Livre's 60 characters)
     * @param condition      new or used
     * @param matcher        how list values are matched (case, accents, synonyms)
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code categoryId} is blank
     */
    public NormalisationRequest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(categoryId, "categoryId");
        if (categoryId.isBlank()) {
            throw new IllegalArgumentException("a marketplace category id must not be blank");
        }
        TreeMap<String, AttributeValue> copy = new TreeMap<>();
        suppliedValues.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "attribute id"),
                Objects.requireNonNull(v, "value of " + k)));
        suppliedValues = Collections.unmodifiableSortedMap(copy);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(matcher, "matcher");
    }

    /**
     * Starts a request: a new item, titled with the product name, standard matching, nothing supplied.
     *
     * @param product    the product, with its derived values applied
     * @param store      the store it will be listed in
     * @param categoryId the marketplace category; not blank
     * @return a builder
     */
    public static Builder builder(Product product, Store store, String categoryId) {
        return new Builder(product, store, categoryId);
    }

    /**
     * A request with nothing supplied: a new item, titled with the product name, standard matching.
     *
     * @param product    the product, with its derived values applied
     * @param store      the store it will be listed in
     * @param categoryId the marketplace category; not blank
     * @return the request
     * @throws IllegalArgumentException if {@code categoryId} is blank
     */
    public static NormalisationRequest of(Product product, Store store, String categoryId) {
        return builder(product, store, categoryId).build();
    }

    /**
     * The marketplace category the store maps the product's category to, if it does.
     *
     * @param product the product
     * @param store   the store whose category mapping is read
     * @return the marketplace category id; empty when the product has no category or the store does not
     *         map it
     */
    public static Optional<String> marketplaceCategory(Product product, Store store) {
        return product.categoryKey().flatMap(store::marketplaceCategory);
    }

    /**
     * The listing title: {@link #title()} if given, else the product name.
     *
     * @return the title to list under
     */
    public String listingTitle() {
        return title.orElse(product.name());
    }

    /**
     * The value for a marketplace attribute: supplied by its id first, then the product's attribute
     * of that id, then the product's attribute whose name matches the marketplace's attribute name
     * ({@link #matcher()}: case, accents, synonyms). Product fields (brand, GTIN, ...) are the
     * plugin's to map.
     *
     * @param attribute the marketplace's attribute
     * @return the value and its origin; empty when neither the request nor the product has one
     */
    public Optional<Sourced> valueFor(AttributeRequirement attribute) {
        AttributeValue supplied = suppliedValues.get(attribute.id());
        if (supplied != null) {
            return Optional.of(new Sourced(supplied, ValueOrigin.SUPPLIED));
        }
        Optional<AttributeValue> byId = product.attribute(attribute.id());
        if (byId.isPresent()) {
            return Optional.of(new Sourced(byId.get(), ValueOrigin.PRODUCT_ATTRIBUTE));
        }
        // Attributes iterate in name order, so the first match is stable.
        for (Map.Entry<String, AttributeValue> e : product.attributes().entrySet()) {
            if (!attribute.name().isBlank() && matcher.matches(e.getKey(), attribute.name())) {
                return Optional.of(new Sourced(e.getValue(), ValueOrigin.PRODUCT_ATTRIBUTE));
            }
        }
        return Optional.empty();
    }

    /**
     * A value and where it came from.
     *
     * @param value  the value
     * @param origin where it came from: supplied, or the product's attribute
     */
    public record Sourced(AttributeValue value, ValueOrigin origin) {
        /**
         * @param value  the value
         * @param origin where it came from: supplied, or the product's attribute
         * @throws NullPointerException if a component is null
         */
        public Sourced {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** Collects a request. */
    public static final class Builder {
        private final Product product;
        private final Store store;
        private final String categoryId;
        private final TreeMap<String, AttributeValue> supplied = new TreeMap<>();
        private Optional<String> title = Optional.empty();
        private ItemCondition condition = ItemCondition.NEW;
        private ValueMatcher matcher = ValueMatcher.standard();

        private Builder(Product product, Store store, String categoryId) {
            this.product = Objects.requireNonNull(product, "product");
            this.store = Objects.requireNonNull(store, "store");
            this.categoryId = Objects.requireNonNull(categoryId, "categoryId");
        }

        /**
         * Supplies a value for a marketplace attribute; it wins over what the plugin would take from the product.
         *
         * @param attributeId the marketplace's attribute id
         * @param value       the value
         * @return this builder
         */
        public Builder supply(String attributeId, AttributeValue value) {
            supplied.put(Objects.requireNonNull(attributeId, "attributeId"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Supplies values for marketplace attributes, as {@link #supply} does for each.
         *
         * @param values values by the marketplace's attribute id
         * @return this builder
         */
        public Builder supplyAll(Map<String, AttributeValue> values) {
            values.forEach(this::supply);
            return this;
        }

        /**
         * Lists under another title than the product name.
         *
         * @param title the listing title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Optional.of(title);
            return this;
        }

        /**
         * Sets the item's condition ({@link ItemCondition#NEW} unless set).
         *
         * @param condition new or used
         * @return this builder
         */
        public Builder condition(ItemCondition condition) {
            this.condition = Objects.requireNonNull(condition, "condition");
            return this;
        }

        /**
         * Sets how list values are matched ({@link ValueMatcher#standard()} unless set).
         *
         * @param matcher the matcher
         * @return this builder
         */
        public Builder matcher(ValueMatcher matcher) {
            this.matcher = Objects.requireNonNull(matcher, "matcher");
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if the category id is blank
         */
        public NormalisationRequest build() {
            return new NormalisationRequest(product, store, categoryId, supplied, title, condition, matcher);
        }
    }
}
