package io.cathalog.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The product fields that attribute rules may fill besides free attributes. Any other attribute
 * name in a rule is a free attribute (a custom field in Bling).
 */
public enum ProductField {
    BRAND("brand"),
    NET_WEIGHT("net_weight"),
    GROSS_WEIGHT("gross_weight"),
    WIDTH("width"),
    HEIGHT("height"),
    DEPTH("depth");

    private final String attributeName;

    ProductField(String attributeName) {
        this.attributeName = attributeName;
    }

    /** The name rules use for this field. */
    public String attributeName() {
        return attributeName;
    }

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
