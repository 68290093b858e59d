package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Checks;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One variation of a product family (a parent with variations, Bling's {@code formato} {@code V}):
 * its own SKU, its options ({@code {"Cor": "Azul", "Tamanho": "M"}}, in the order declared) and
 * the values it overrides of its parent's. A value it leaves out is its parent's.
 *
 * @param sku         the variation's own SKU, unique across the catalog (parents and variations)
 * @param options     option name to value, in declaration order; at least one
 * @param gtin        its own GTIN (a GTIN is per variation: the parent's is never inherited)
 * @param price       its own price, else the parent's
 * @param dimensions  its own dimensions, else the parent's
 * @param netWeight   its own net weight, else the parent's
 * @param grossWeight its own gross weight, else the parent's
 * @param attributes  free attributes that override the parent's of the same name
 */
public record Variation(
        String sku,
        Map<String, String> options,
        Optional<Gtin> gtin,
        Optional<BigDecimal> price,
        Optional<Dimensions> dimensions,
        Optional<Weight> netWeight,
        Optional<Weight> grossWeight,
        Map<String, AttributeValue> attributes) {

    /** The longest option name or value: what fits Bling's {@code nome} ("Cor:Azul;Tamanho:M"). */
    public static final int MAX_OPTION_LENGTH = 60;

    /**
     * Validates and copies.
     *
     * @param sku         the variation's own SKU, unique across the catalog (parents and variations)
     * @param options     option name to value, in declaration order; at least one
     * @param gtin        its own GTIN (a GTIN is per variation: the parent's is never inherited)
     * @param price       its own price, else the parent's
     * @param dimensions  its own dimensions, else the parent's
     * @param netWeight   its own net weight, else the parent's
     * @param grossWeight its own gross weight, else the parent's
     * @param attributes  free attributes that override the parent's of the same name
     * @throws NullPointerException if a component is null
     * @throws ValidationException when a value is invalid (a blank or too long SKU, no option, an empty
     *                             option name or value, one with {@code :} or {@code ;}, which Bling's variation name reserves, a
     *                             negative price)
     */
    public Variation {
        Checks.text("sku", sku, Product.MAX_SKU_LENGTH);
        Objects.requireNonNull(options, "options");
        if (options.isEmpty()) {
            throw ValidationException.of("/options", "a variation has at least one option");
        }
        LinkedHashMap<String, String> opts = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            checkOption("option name", name);
            checkOption("value of option '" + name + "'", value);
            opts.put(name, value);
        });
        options = Collections.unmodifiableMap(opts);
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(price, "price").ifPresent(p ->
                Checks.that(p.signum() >= 0, "price", "price must not be negative: " + p.toPlainString()));
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(netWeight, "netWeight");
        Objects.requireNonNull(grossWeight, "grossWeight");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    private static void checkOption(String what, String text) {
        if (text == null || text.isBlank() || !text.strip().equals(text) || text.length() > MAX_OPTION_LENGTH
                || text.indexOf(':') >= 0 || text.indexOf(';') >= 0) {
            throw ValidationException.of("/options", "invalid " + what + " '" + text + "': 1 to "
                    + MAX_OPTION_LENGTH + " characters, no white space at the ends, no ':' or ';'");
        }
    }

    /**
     * Bling's name of a variation: {@code "Cor:Azul;Tamanho:M"}, options in their order.
     *
     * @return the options as one text
     */
    public String optionsText() {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(k).append(':').append(v);
        });
        return b.toString();
    }

    /**
     * Reads {@link #optionsText()} back; pairs without a {@code :} are skipped.
     *
     * @param text Bling's variation name
     * @return the options in their order (possibly empty)
     */
    public static Map<String, String> parseOptions(String text) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
            }
        }
        return out;
    }

    /**
     * Starts a variation.
     *
     * @param sku its SKU
     * @return a builder
     */
    public static Builder builder(String sku) {
        return new Builder(sku);
    }

    /** Builds a {@link Variation}. */
    public static final class Builder {
        private final String sku;
        private final LinkedHashMap<String, String> options = new LinkedHashMap<>();
        private Optional<Gtin> gtin = Optional.empty();
        private Optional<BigDecimal> price = Optional.empty();
        private Optional<Dimensions> dimensions = Optional.empty();
        private Optional<Weight> netWeight = Optional.empty();
        private Optional<Weight> grossWeight = Optional.empty();
        private final TreeMap<String, AttributeValue> attributes = new TreeMap<>();

        private Builder(String sku) {
            this.sku = Objects.requireNonNull(sku, "sku");
        }

        /**
         * Adds an option, after those added before.
         *
         * @param name  the option's name ("Cor")
         * @param value its value ("Azul")
         * @return this builder
         */
        public Builder option(String name, String value) {
            options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param gtin its GTIN
         * @return this builder
         */
        public Builder gtin(String gtin) {
            return gtin(Gtin.of(gtin));
        }

        /**
         * @param gtin its GTIN
         * @return this builder
         */
        public Builder gtin(Gtin gtin) {
            this.gtin = Optional.of(Objects.requireNonNull(gtin, "gtin"));
            return this;
        }

        /**
         * @param price its price
         * @return this builder
         */
        public Builder price(BigDecimal price) {
            this.price = Optional.of(price);
            return this;
        }

        /**
         * @param dimensions its dimensions
         * @return this builder
         */
        public Builder dimensions(Dimensions dimensions) {
            this.dimensions = Optional.of(dimensions);
            return this;
        }

        /**
         * @param weight its net weight
         * @return this builder
         */
        public Builder netWeight(Weight weight) {
            this.netWeight = Optional.of(weight);
            return this;
        }

        /**
         * @param weight its gross weight
         * @return this builder
         */
        public Builder grossWeight(Weight weight) {
            this.grossWeight = Optional.of(weight);
            return this;
        }

        /**
         * @param name  the attribute's name
         * @param value its value
         * @return this builder
         */
        public Builder attribute(String name, AttributeValue value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the variation
         * @throws ValidationException when a value is invalid
         */
        public Variation build() {
            return new Variation(sku, options, gtin, price, dimensions, netWeight, grossWeight, attributes);
        }
    }
}
