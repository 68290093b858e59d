package io.cathalog.core.model;

/** Whether a product is on sale. */
public enum ProductStatus {
    ACTIVE,
    INACTIVE
}
