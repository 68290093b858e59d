package io.cathalog.core.marketplace;

/** Where a normalised value came from, so a plan can say why it is there. */
public enum ValueOrigin {
    /** A field of the product (SKU, name, brand, GTIN, package dimensions, weight). */
    PRODUCT_FIELD,
    /** One of the product's attributes, matched by the marketplace's attribute id or name. */
    PRODUCT_ATTRIBUTE,
    /** Supplied for the marketplace by the caller (attribute rules, per-store values). */
    SUPPLIED,
    /** Filled by the plugin from the marketplace's rules (e.g. "no brand", "no GTIN"). */
    MARKETPLACE_DEFAULT
}
