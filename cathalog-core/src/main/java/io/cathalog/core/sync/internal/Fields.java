package io.cathalog.core.sync.internal;

import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.ProductStatus;

import java.util.Locale;

/**
 * The names of the fields the planner compares, and how their values read for people in drift
 * reports and a change's {@code before}: text only ever shown, never read back.
 */
final class Fields {
    static final String NAME = "name";
    static final String STATUS = "status";
    static final String BRAND = "brand";
    static final String GTIN = "gtin";
    static final String PRICE = "price";
    static final String CATEGORY = "category";
    static final String DIMENSIONS = "dimensions";
    static final String NET_WEIGHT = "net_weight";
    static final String GROSS_WEIGHT = "gross_weight";
    /** Prefix of a free attribute, a custom field in the ERP: {@code custom:Voltagem}. */
    static final String CUSTOM = io.cathalog.core.sync.FieldChange.CUSTOM_PREFIX;

    private Fields() {
    }

    static String status(ProductStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** "18 cm x 20 cm x 8 cm": width, height, depth. */
    static String dimensions(Dimensions d) {
        return d.width() + " x " + d.height() + " x " + d.depth();
    }
}
