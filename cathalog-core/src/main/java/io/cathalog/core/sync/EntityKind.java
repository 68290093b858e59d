package io.cathalog.core.sync;

/** The kinds of things a sync creates, changes or removes in the ERP. */
public enum EntityKind {
    /** A product category: key the category's key in the catalog. */
    CATEGORY,
    /** A product (a family's parent, or a variation): key its SKU. */
    PRODUCT,
    /** A custom field of the ERP's product module: key its name. */
    CUSTOM_FIELD,
    /** A product's value of a custom field. */
    CUSTOM_FIELD_VALUE,
    /** A category's link to a store's category: key {@code store/category}. */
    STORE_CATEGORY_LINK,
    /** A product's link to a store (its code, price and category there): key {@code store/sku}. */
    PRODUCT_STORE_LINK,
    /** A product's listing (anúncio) in a store's marketplace: key {@code store/sku}. */
    LISTING
}
