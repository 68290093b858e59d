package io.cathalog.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The product fields that attribute rules may fill besides free attributes. Any other attribute
 * name in a rule is a free attribute (a custom field in Bling).
 */
public enum ProductField {
    /**
     * The GTIN, {@code gtin}: text (or a number) that is a valid GTIN. Per item: a simple
     * product's own, and in a family each variation's (never the parent's).
     */
    GTIN("gtin"),
    /** The product's brand, {@code brand}: text. */
    BRAND("brand"),
    /** The weight of the product alone, {@code net_weight}: a weight. */
    NET_WEIGHT("net_weight"),
    /** The weight with its package, {@code gross_weight}: a weight. */
    GROSS_WEIGHT("gross_weight"),
    /** The package's width, {@code width}: a length. */
    WIDTH("width"),
    /** The package's height, {@code height}: a length. */
    HEIGHT("height"),
    /** The package's depth, {@code depth}: a length. */
    DEPTH("depth");

    private final String attributeName;

    ProductField(String attributeName) {
        this.attributeName = attributeName;
    }

    /**
     * The name rules use for this field.
     *
     * @return e.g. {@code net_weight}
     */
    public String attributeName() {
        return attributeName;
    }

    /**
     * The field a rule's attribute name stands for.
     *
     * @param name an attribute name, exactly as written in a rule
     * @return the field; empty when the name is a free attribute
     */
    public static Optional<ProductField> byAttributeName(String name) {
        return Arrays.stream(values()).filter(f -> f.attributeName.equals(name)).findFirst();
    }

    boolean isWeight() {
        return this == NET_WEIGHT || this == GROSS_WEIGHT;
    }

    boolean isLength() {
        return this == WIDTH || this == HEIGHT || this == DEPTH;
    }
}
