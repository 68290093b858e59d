package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Checks;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A product as the source of truth declares it. Everything but the SKU and the name is optional:
 * what is absent is left to the rules, and to what Bling already holds.
 *
 * @param sku         the product's code in Bling ({@code codigo}): its natural key
 * @param name        at most {@value #MAX_NAME_LENGTH} characters, Bling's limit
 * @param brand       free text
 * @param gtin        a valid GTIN
 * @param price       non-negative
 * @param dimensions  the package's width, height and depth
 * @param netWeight   weight of the product
 * @param grossWeight weight with its package
 * @param status      active or inactive
 * @param categoryKey the category of the source of truth; when absent, the categorisation rules
 *                    decide
 * @param attributes  typed attribute values by attribute name, in name order
 * @param variations  the family's variations (a parent, Bling's {@code formato} {@code V}); empty for a simple product
 * @param absentCombinations combinations of the family's option values it lacks on purpose (each
 *                    names every option of the family, with values its variations use); empty for none
 */
public record Product(
        String sku,
        String name,
        Optional<String> brand,
        Optional<Gtin> gtin,
        Optional<BigDecimal> price,
        Optional<Dimensions> dimensions,
        Optional<Weight> netWeight,
        Optional<Weight> grossWeight,
        ProductStatus status,
        Optional<String> categoryKey,
        Map<String, AttributeValue> attributes,
        List<Variation> variations,
        List<Map<String, String>> absentCombinations) {

    /** Bling's limit on a product name ({@code nome}, maxLength 120 in the API). */
    public static final int MAX_NAME_LENGTH = 120;
    /** Longest SKU accepted. */
    public static final int MAX_SKU_LENGTH = 60;
    /** Longest brand accepted. */
    public static final int MAX_BRAND_LENGTH = 120;
    /** Longest attribute name accepted. */
    public static final int MAX_ATTRIBUTE_NAME_LENGTH = 100;

    /**
     * @param sku         the product's code in Bling ({@code codigo}): its natural key
     * @param name        at most {@value #MAX_NAME_LENGTH} characters, Bling's limit
     * @param brand       free text
     * @param gtin        a valid GTIN
     * @param price       non-negative
     * @param dimensions  the package's width, height and depth
     * @param netWeight   weight of the product
     * @param grossWeight weight with its package
     * @param status      active or inactive
     * @param categoryKey the category of the source of truth; when absent, the categorisation rules
     *                    decide
     * @param attributes  typed attribute values by attribute name, in name order
     * @param variations  the family's variations (a parent, Bling's {@code formato} {@code V}); empty for a simple product
     * @param absentCombinations combinations of the family's option values it lacks on purpose; copied, in order
     * @throws NullPointerException if a component is null
     * @throws ValidationException when a value is invalid: a blank or too long SKU, name, brand or
     *                             attribute name, a negative price, a net weight above the gross weight, an invalid category key,
     *                             or a family whose variations differ in option names or repeat options or SKUs;
     *                             an absent combination on a simple product, one that does not name exactly the
     *                             family's options, uses a value no variation uses, is also a variation or is repeated
     */
    public Product {
        Checks.text("sku", sku, MAX_SKU_LENGTH);
        Checks.text("name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(brand, "brand").ifPresent(b -> Checks.text("brand", b, MAX_BRAND_LENGTH));
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(price, "price").ifPresent(p ->
                Checks.that(p.signum() >= 0, "price", "price must not be negative: " + p.toPlainString()));
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(netWeight, "netWeight");
        Objects.requireNonNull(grossWeight, "grossWeight");
        if (netWeight.isPresent() && grossWeight.isPresent() && netWeight.get().compareTo(grossWeight.get()) > 0) {
            throw ValidationException.of("/net_weight", "net weight " + netWeight.get()
                    + " is more than gross weight " + grossWeight.get());
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(categoryKey, "categoryKey").ifPresent(k -> Category.checkKey("category", k));
        TreeMap<String, AttributeValue> copy = new TreeMap<>();
        for (Map.Entry<String, AttributeValue> e : Objects.requireNonNull(attributes, "attributes").entrySet()) {
            String attribute = Objects.requireNonNull(e.getKey(), "attribute name");
            if (attribute.isBlank() || attribute.length() > MAX_ATTRIBUTE_NAME_LENGTH || !attribute.strip().equals(attribute)) {
                throw ValidationException.of("/attributes", "invalid attribute name '" + attribute
                        + "': 1 to " + MAX_ATTRIBUTE_NAME_LENGTH + " characters, no white space at the ends");
            }
            copy.put(attribute, Objects.requireNonNull(e.getValue(), "value of " + attribute));
        }
        attributes = Collections.unmodifiableSortedMap(copy);
        variations = List.copyOf(Objects.requireNonNull(variations, "variations"));
        checkFamily(sku, variations);
        absentCombinations = checkAbsent(variations, Objects.requireNonNull(absentCombinations, "absentCombinations"));
    }

    /**
     * A product, possibly a family, with no absent combinations declared.
     *
     * @param sku         its SKU
     * @param name        its name
     * @param brand       its brand
     * @param gtin        its GTIN
     * @param price       its price
     * @param dimensions  its dimensions
     * @param netWeight   its net weight
     * @param grossWeight its gross weight
     * @param status      its status
     * @param categoryKey its category
     * @param attributes  its free attributes
     * @param variations  its variations; empty for a simple product
     * @throws ValidationException when a value is invalid
     */
    public Product(String sku, String name, Optional<String> brand, Optional<Gtin> gtin, Optional<BigDecimal> price,
                   Optional<Dimensions> dimensions, Optional<Weight> netWeight, Optional<Weight> grossWeight,
                   ProductStatus status, Optional<String> categoryKey, Map<String, AttributeValue> attributes,
                   List<Variation> variations) {
        this(sku, name, brand, gtin, price, dimensions, netWeight, grossWeight, status, categoryKey, attributes,
                variations, List.of());
    }

    /**
     * A simple product (no variations), as before families.
     *
     * @param sku         its SKU
     * @param name        its name
     * @param brand       its brand
     * @param gtin        its GTIN
     * @param price       its price
     * @param dimensions  its dimensions
     * @param netWeight   its net weight
     * @param grossWeight its gross weight
     * @param status      its status
     * @param categoryKey its category
     * @param attributes  its free attributes
     * @throws ValidationException when a value is invalid
     */
    public Product(String sku, String name, Optional<String> brand, Optional<Gtin> gtin, Optional<BigDecimal> price,
                   Optional<Dimensions> dimensions, Optional<Weight> netWeight, Optional<Weight> grossWeight,
                   ProductStatus status, Optional<String> categoryKey, Map<String, AttributeValue> attributes) {
        this(sku, name, brand, gtin, price, dimensions, netWeight, grossWeight, status, categoryKey, attributes,
                List.of(), List.of());
    }

    /** Every variation has the family's option names; no two the same options or SKU. */
    private static void checkFamily(String sku, List<Variation> variations) {
        if (variations.isEmpty()) {
            return;
        }
        Set<String> names = variations.get(0).options().keySet();
        Set<String> skus = new HashSet<>();
        Map<Map<String, String>, String> combos = new HashMap<>();
        skus.add(sku);
        for (int i = 0; i < variations.size(); i++) {
            Variation v = variations.get(i);
            if (!v.options().keySet().equals(names)) {
                throw ValidationException.of("/variations/" + i + "/options", "variation '" + v.sku()
                        + "' has the options " + v.options().keySet() + " where the family's are " + names);
            }
            if (!skus.add(v.sku())) {
                throw ValidationException.of("/variations/" + i + "/sku", "duplicate SKU '" + v.sku()
                        + "' in the family of '" + sku + "'");
            }
            String other = combos.putIfAbsent(new TreeMap<>(v.options()), v.sku());
            if (other != null) {
                throw ValidationException.of("/variations/" + i + "/options", "variation '" + v.sku()
                        + "' has the same options as '" + other + "': " + v.optionsText());
            }
        }
    }

    /**
     * Absent combinations: each names exactly the family's option names (kept in the family's
     * order), with values some variation uses; none is a declared variation, none repeated.
     */
    private static List<Map<String, String>> checkAbsent(List<Variation> variations,
                                                         List<Map<String, String>> absent) {
        if (absent.isEmpty()) {
            return List.of();
        }
        if (variations.isEmpty()) {
            throw ValidationException.of("/absent_combinations", "only a family (a product with variations) declares"
                    + " absent combinations");
        }
        List<String> names = List.copyOf(variations.get(0).options().keySet());
        Map<String, Set<String>> used = new HashMap<>();
        Map<Map<String, String>, String> present = new HashMap<>();
        for (Variation v : variations) {
            v.options().forEach((k, val) -> used.computeIfAbsent(k, x -> new HashSet<>()).add(val));
            present.put(new HashMap<>(v.options()), v.sku());
        }
        Set<Map<String, String>> seen = new HashSet<>();
        List<Map<String, String>> out = new java.util.ArrayList<>();
        List<io.cathalog.core.Problem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < absent.size(); i++) {
            String at = "/absent_combinations/" + i;
            Map<String, String> combo = Objects.requireNonNull(absent.get(i), "absent combination");
            if (!combo.keySet().equals(Set.copyOf(names))) {
                problems.add(io.cathalog.core.Problem.at(at, "an absent combination names exactly the family's options "
                        + names + ", not " + combo.keySet()));
                continue;
            }
            String unknown = null;
            for (String n : names) {
                if (unknown == null && !used.get(n).contains(combo.get(n))) {
                    unknown = "no variation of the family has " + n + " '" + combo.get(n) + "' (its values of " + n
                            + " are " + new java.util.TreeSet<>(used.get(n)) + ")";
                }
            }
            if (unknown != null) {
                problems.add(io.cathalog.core.Problem.at(at, unknown));
                continue;
            }
            Map<String, String> ordered = new java.util.LinkedHashMap<>();
            names.forEach(n -> ordered.put(n, combo.get(n)));
            String variation = present.get(new HashMap<>(ordered));
            if (variation != null) {
                problems.add(io.cathalog.core.Problem.at(at, "variation '" + variation
                        + "' has this combination: it is not absent"));
            } else if (!seen.add(new HashMap<>(ordered))) {
                problems.add(io.cathalog.core.Problem.at(at, "the absent combination " + ordered + " is declared twice"));
            } else {
                out.add(Collections.unmodifiableMap(ordered));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("invalid absent combinations", problems);
        }
        return List.copyOf(out);
    }

    /**
     * Whether this is the parent of a family.
     *
     * @return true when it declares variations
     */
    public boolean isFamily() {
        return !variations.isEmpty();
    }

    /**
     * Starts an active product with nothing but its SKU and name.
     *
     * @param sku  the product's code in Bling
     * @param name its name
     * @return a builder
     */
    public static Builder builder(String sku, String name) {
        return new Builder(sku, name);
    }

    /**
     * A builder that starts from this product, for copies with changes.
     *
     * @return a builder holding every value of this product
     */
    public Builder toBuilder() {
        Builder b = new Builder(sku, name);
        b.brand = brand;
        b.gtin = gtin;
        b.price = price;
        b.dimensions = dimensions;
        b.netWeight = netWeight;
        b.grossWeight = grossWeight;
        b.status = status;
        b.categoryKey = categoryKey;
        b.attributes.putAll(attributes);
        b.variations.addAll(variations);
        b.absentCombinations.addAll(absentCombinations);
        return b;
    }

    /**
     * One of the product's attribute values.
     *
     * @param name the attribute's name, exactly as declared
     * @return its value; empty when the product has none of that name
     */
    public Optional<AttributeValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Collects a product's fields; {@link #build()} validates them all. */
    public static final class Builder {
        private String sku;
        private String name;
        private Optional<String> brand = Optional.empty();
        private Optional<Gtin> gtin = Optional.empty();
        private Optional<BigDecimal> price = Optional.empty();
        private Optional<Dimensions> dimensions = Optional.empty();
        private Optional<Weight> netWeight = Optional.empty();
        private Optional<Weight> grossWeight = Optional.empty();
        private ProductStatus status = ProductStatus.ACTIVE;
        private Optional<String> categoryKey = Optional.empty();
        private final TreeMap<String, AttributeValue> attributes = new TreeMap<>();
        private final java.util.ArrayList<Variation> variations = new java.util.ArrayList<>();
        private final java.util.ArrayList<Map<String, String>> absentCombinations = new java.util.ArrayList<>();

        private Builder(String sku, String name) {
            this.sku = Objects.requireNonNull(sku, "sku");
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Replaces the SKU.
         *
         * @param sku the product's code in Bling
         * @return this builder
         */
        public Builder sku(String sku) {
            this.sku = Objects.requireNonNull(sku, "sku");
            return this;
        }

        /**
         * Replaces the name.
         *
         * @param name at most {@value Product#MAX_NAME_LENGTH} characters
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the brand.
         *
         * @param brand free text
         * @return this builder
         */
        public Builder brand(String brand) {
            this.brand = Optional.of(brand);
            return this;
        }

        /**
         * Sets the GTIN.
         *
         * @param gtin a valid GTIN
         * @return this builder
         */
        public Builder gtin(Gtin gtin) {
            this.gtin = Optional.of(gtin);
            return this;
        }

        /**
         * Parses, validates and sets the GTIN.
         *
         * @param gtin the GTIN's digits
         * @return this builder
         * @throws ValidationException if the text is not a valid GTIN
         */
        public Builder gtin(String gtin) {
            return gtin(Gtin.of(gtin));
        }

        /**
         * Sets the price.
         *
         * @param price non-negative
         * @return this builder
         */
        public Builder price(BigDecimal price) {
            this.price = Optional.of(price);
            return this;
        }

        /**
         * Sets the package dimensions.
         *
         * @param dimensions the package's width, height and depth
         * @return this builder
         */
        public Builder dimensions(Dimensions dimensions) {
            this.dimensions = Optional.of(dimensions);
            return this;
        }

        /**
         * Sets the net weight.
         *
         * @param weight the product's weight, at most the gross weight
         * @return this builder
         */
        public Builder netWeight(Weight weight) {
            this.netWeight = Optional.of(weight);
            return this;
        }

        /**
         * Sets the gross weight.
         *
         * @param weight the weight with the package
         * @return this builder
         */
        public Builder grossWeight(Weight weight) {
            this.grossWeight = Optional.of(weight);
            return this;
        }

        /**
         * Sets the status ({@link ProductStatus#ACTIVE} unless set).
         *
         * @param status active or inactive
         * @return this builder
         */
        public Builder status(ProductStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets the category of the source of truth.
         *
         * @param categoryKey a category key of the catalog
         * @return this builder
         */
        public Builder category(String categoryKey) {
            this.categoryKey = Optional.of(categoryKey);
            return this;
        }

        /**
         * Sets an attribute value, replacing one of the same name.
         *
         * @param name  the attribute's name
         * @param value its typed value
         * @return this builder
         */
        public Builder attribute(String name, AttributeValue value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a variation, making the product the parent of a family.
         *
         * @param variation the variation
         * @return this builder
         */
        public Builder variation(Variation variation) {
            variations.add(Objects.requireNonNull(variation, "variation"));
            return this;
        }

        /**
         * Declares a combination of option values the family lacks on purpose (Shopee's grid then
         * does not ask for it).
         *
         * @param options option name to value, naming every option of the family
         * @return this builder
         */
        public Builder absentCombination(Map<String, String> options) {
            absentCombinations.add(new java.util.LinkedHashMap<>(Objects.requireNonNull(options, "options")));
            return this;
        }

        /**
         * Validates and builds the product.
         *
         * @return the product
         * @throws ValidationException when a value is invalid
         */
        public Product build() {
            return new Product(sku, name, brand, gtin, price, dimensions, netWeight, grossWeight, status,
                    categoryKey, attributes, variations, absentCombinations);
        }
    }
}
