package io.cathalog.core.sync.internal;

import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.ProductStatus;

import java.util.Locale;

/**
 * The fields a plan names, and the text form of their values: what a plan shows a person is also
 * what the applier reads back, so a saved plan applies exactly as it reads.
 */
final class Fields {
    static final String NAME = "name";
    static final String PARENT = "parent";
    static final String STATUS = "status";
    static final String BRAND = "brand";
    static final String GTIN = "gtin";
    static final String PRICE = "price";
    static final String CATEGORY = "category";
    static final String DIMENSIONS = "dimensions";
    static final String NET_WEIGHT = "net_weight";
    static final String GROSS_WEIGHT = "gross_weight";
    static final String STORE = "store";
    static final String PRODUCT = "product";
    static final String CODE = "code";
    static final String DESCRIPTION = "description";
    static final String SKU = "sku";
    /** Prefix of a free attribute, a custom field in the ERP: {@code custom:Voltagem}. */
    static final String CUSTOM = "custom:";

    private Fields() {
    }

    static String status(ProductStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static ProductStatus parseStatus(String s) {
        return ProductStatus.valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** "18 cm x 20 cm x 8 cm": width, height, depth. */
    static String dimensions(Dimensions d) {
        return d.width() + " x " + d.height() + " x " + d.depth();
    }

    static Dimensions parseDimensions(String s) {
        String[] parts = s.split(" x ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("dimensions are 'W x H x D', got '" + s + "'");
        }
        return new Dimensions(Length.parse(parts[0]), Length.parse(parts[1]), Length.parse(parts[2]));
    }

    static boolean isCustom(String field) {
        return field.startsWith(CUSTOM);
    }

    static String customName(String field) {
        return field.substring(CUSTOM.length());
    }
}
