package io.cathalog.core.model;

/** Whether a product is on sale. */
public enum ProductStatus {
    /** On sale: Bling's situação {@code A}. */
    ACTIVE,
    /** Kept but not on sale: Bling's situação {@code I}. */
    INACTIVE
}
