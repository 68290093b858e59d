package io.cathalog.core.sync;

import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fields a product change writes, typed, and only those: a field left out is left as the ERP
 * has it. Built with {@link #builder()}; immutable.
 */
public final class ProductFields {
    private static final ProductFields NONE = new Builder().build();

    // Absent fields are null inside, Optional outside: a plan holds one of these per product.
    private final Assignment<String> name;
    private final Assignment<ProductStatus> status;
    private final Assignment<String> brand;
    private final Assignment<String> gtin;
    private final Assignment<BigDecimal> price;
    private final Assignment<CategoryRef> category;
    private final Assignment<Weight> netWeight;
    private final Assignment<Weight> grossWeight;
    private final Assignment<Dimensions> dimensions;
    private final SortedMap<String, Assignment<String>> custom;

    private ProductFields(Builder b) {
        this.name = b.name;
        this.status = b.status;
        this.brand = b.brand;
        this.gtin = b.gtin;
        this.price = b.price;
        this.category = b.category;
        this.netWeight = b.netWeight;
        this.grossWeight = b.grossWeight;
        this.dimensions = b.dimensions;
        // The builder's map is handed over, not copied: a builder builds once (a plan holds one of these per product).
        this.custom = b.custom == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(b.custom);
        b.custom = null;
        b.built = true;
    }

    /**
     * A builder with no field set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No field at all.
     *
     * @return the empty field set
     */
    public static ProductFields none() {
        return NONE;
    }

    /**
     * Returns a field.
     *
     * @return the product's name to write
     */
    public Optional<Assignment<String>> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Returns a field.
     *
     * @return the status to write
     */
    public Optional<Assignment<ProductStatus>> status() {
        return Optional.ofNullable(status);
    }

    /**
     * Returns a field.
     *
     * @return the brand to write
     */
    public Optional<Assignment<String>> brand() {
        return Optional.ofNullable(brand);
    }

    /**
     * Returns a field.
     *
     * @return the GTIN to write, as its digits (validated by the catalog)
     */
    public Optional<Assignment<String>> gtin() {
        return Optional.ofNullable(gtin);
    }

    /**
     * Returns a field.
     *
     * @return the price to write
     */
    public Optional<Assignment<BigDecimal>> price() {
        return Optional.ofNullable(price);
    }

    /**
     * Returns a field.
     *
     * @return the category to put the product in
     */
    public Optional<Assignment<CategoryRef>> category() {
        return Optional.ofNullable(category);
    }

    /**
     * Returns a field.
     *
     * @return the net weight to write
     */
    public Optional<Assignment<Weight>> netWeight() {
        return Optional.ofNullable(netWeight);
    }

    /**
     * Returns a field.
     *
     * @return the gross weight to write
     */
    public Optional<Assignment<Weight>> grossWeight() {
        return Optional.ofNullable(grossWeight);
    }

    /**
     * Returns a field.
     *
     * @return the dimensions to write
     */
    public Optional<Assignment<Dimensions>> dimensions() {
        return Optional.ofNullable(dimensions);
    }

    /**
     * Returns a field.
     *
     * @return free attributes (custom fields in the ERP) to write, by field name
     */
    public SortedMap<String, Assignment<String>> custom() {
        return custom;
    }

    /**
     * Returns a field.
     *
     * @return whether no field is set
     */
    public boolean isEmpty() {
        return name == null && status == null && brand == null && gtin == null && price == null && category == null
                && netWeight == null && grossWeight == null && dimensions == null && custom.isEmpty();
    }

    /**
     * The fields as people read them, in the plan's order.
     *
     * @return one entry per field set
     */
    public List<FieldChange> describe() {
        List<FieldChange> out = new ArrayList<>();
        add(out, "name", name, v -> v);
        add(out, "status", status, Display::status);
        add(out, "brand", brand, v -> v);
        add(out, "gtin", gtin, v -> v);
        add(out, "price", price, BigDecimal::toPlainString);
        add(out, "category", category, CategoryRef::key);
        add(out, "net_weight", netWeight, Weight::toString);
        add(out, "gross_weight", grossWeight, Weight::toString);
        add(out, "dimensions", dimensions, Display::dimensions);
        custom.forEach((field, a) -> add(out, FieldChange.CUSTOM_PREFIX + field, a, v -> v));
        return out;
    }

    private static <T> void add(List<FieldChange> out, String field, Assignment<T> a,
                                java.util.function.Function<T, String> text) {
        if (a != null) {
            out.add(new FieldChange(field, a.before(), Optional.of(text.apply(a.after())), a.decidedBy()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductFields f && Objects.equals(name, f.name) && Objects.equals(status, f.status)
                && Objects.equals(brand, f.brand) && Objects.equals(gtin, f.gtin) && Objects.equals(price, f.price)
                && Objects.equals(category, f.category) && Objects.equals(netWeight, f.netWeight)
                && Objects.equals(grossWeight, f.grossWeight) && Objects.equals(dimensions, f.dimensions)
                && custom.equals(f.custom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, status, brand, gtin, price, category, netWeight, grossWeight, dimensions, custom);
    }

    @Override
    public String toString() {
        return "ProductFields" + describe();
    }

    /** Sets fields one by one; each may be set once. */
    public static final class Builder {
        private Assignment<String> name;
        private Assignment<ProductStatus> status;
        private Assignment<String> brand;
        private Assignment<String> gtin;
        private Assignment<BigDecimal> price;
        private Assignment<CategoryRef> category;
        private Assignment<Weight> netWeight;
        private Assignment<Weight> grossWeight;
        private Assignment<Dimensions> dimensions;
        private SortedMap<String, Assignment<String>> custom;
        private boolean built;

        private Builder() {
        }

        /**
         * Sets a field.
         *
         * @param a the name to write
         * @return this builder
         */
        public Builder name(Assignment<String> a) {
            name = once(name, a, "name");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the status to write
         * @return this builder
         */
        public Builder status(Assignment<ProductStatus> a) {
            status = once(status, a, "status");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the brand to write
         * @return this builder
         */
        public Builder brand(Assignment<String> a) {
            brand = once(brand, a, "brand");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the GTIN's digits to write
         * @return this builder
         */
        public Builder gtin(Assignment<String> a) {
            gtin = once(gtin, a, "gtin");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the price to write
         * @return this builder
         */
        public Builder price(Assignment<BigDecimal> a) {
            price = once(price, a, "price");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the category to put the product in
         * @return this builder
         */
        public Builder category(Assignment<CategoryRef> a) {
            category = once(category, a, "category");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the net weight to write
         * @return this builder
         */
        public Builder netWeight(Assignment<Weight> a) {
            netWeight = once(netWeight, a, "net_weight");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the gross weight to write
         * @return this builder
         */
        public Builder grossWeight(Assignment<Weight> a) {
            grossWeight = once(grossWeight, a, "gross_weight");
            return this;
        }

        /**
         * Sets a field.
         *
         * @param a the dimensions to write
         * @return this builder
         */
        public Builder dimensions(Assignment<Dimensions> a) {
            dimensions = once(dimensions, a, "dimensions");
            return this;
        }

        /**
         * A free attribute (a custom field in the ERP).
         *
         * @param field the custom field's name
         * @param a     the value to write
         * @return this builder
         */
        public Builder custom(String field, Assignment<String> a) {
            Objects.requireNonNull(field, "field");
            if (field.isBlank()) {
                throw new IllegalArgumentException("a custom field needs a name");
            }
            requireOpen();
            if (custom == null) {
                custom = new TreeMap<>();
            }
            if (custom.putIfAbsent(field, Objects.requireNonNull(a, "custom value")) != null) {
                throw new IllegalStateException("custom field '" + field + "' is set twice");
            }
            return this;
        }

        /**
         * Returns a field.
         *
         * @return whether no field is set yet
         */
        public boolean isEmpty() {
            return name == null && status == null && brand == null && gtin == null && price == null
                    && category == null && netWeight == null && grossWeight == null && dimensions == null
                    && (custom == null || custom.isEmpty());
        }

        /**
         * Returns a field.
         *
         * @return the immutable field set
         */
        public ProductFields build() {
            requireOpen();
            return new ProductFields(this);
        }

        private void requireOpen() {
            if (built) {
                throw new IllegalStateException("this builder has built its fields already");
            }
        }

        private static <T> Assignment<T> once(Assignment<T> current, Assignment<T> a, String field) {
            Objects.requireNonNull(a, field);
            if (current != null) {
                throw new IllegalStateException("'" + field + "' is set twice");
            }
            return a;
        }
    }
}
