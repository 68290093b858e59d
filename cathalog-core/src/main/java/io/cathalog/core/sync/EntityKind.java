package io.cathalog.core.sync;

/** The kinds of things a sync creates, changes or removes in the ERP. */
public enum EntityKind {
    CATEGORY,
    PRODUCT,
    CUSTOM_FIELD,
    CUSTOM_FIELD_VALUE,
    STORE_CATEGORY_LINK,
    PRODUCT_STORE_LINK,
    /** A product's listing (anúncio) in a store's marketplace: key {@code store/sku}. */
    LISTING
}
