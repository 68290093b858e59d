package io.cathalog.core.marketplace;

/**
 * Where a normalised value belongs on the ERP side: one of the product's own fields, or a free
 * attribute (which the ERP keeps as a custom field, see {@link ErpLanding}).
 */
public enum ProductSlot {
    SKU,
    TITLE,
    BRAND,
    GTIN,
    PACKAGE_WIDTH,
    PACKAGE_HEIGHT,
    PACKAGE_LENGTH,
    PACKAGE_WEIGHT,
    /** A category-specific attribute. */
    ATTRIBUTE;

    /** Whether the ERP product has a field of its own for it. */
    public boolean isProductField() {
        return this != ATTRIBUTE;
    }
}
