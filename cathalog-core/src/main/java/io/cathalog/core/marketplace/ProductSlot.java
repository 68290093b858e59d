package io.cathalog.core.marketplace;

/**
 * Where a normalised value belongs on the ERP side: one of the product's own fields, or a free
 * attribute (which the ERP keeps as a custom field, see {@link ErpLanding}).
 */
public enum ProductSlot {
    /** The product's SKU (its code). */
    SKU,
    /** The product's name: the listing's title. */
    TITLE,
    /** The product's brand. */
    BRAND,
    /** The product's GTIN (its GTIN/EAN field). */
    GTIN,
    /** The package's width. */
    PACKAGE_WIDTH,
    /** The package's height. */
    PACKAGE_HEIGHT,
    /** The package's length (depth). */
    PACKAGE_LENGTH,
    /** The package's weight (the gross weight). */
    PACKAGE_WEIGHT,
    /** A category-specific attribute. */
    ATTRIBUTE;

    /**
     * Whether the ERP product has a field of its own for it.
     *
     * @return true for every slot but {@link #ATTRIBUTE}
     */
    public boolean isProductField() {
        return this != ATTRIBUTE;
    }
}
