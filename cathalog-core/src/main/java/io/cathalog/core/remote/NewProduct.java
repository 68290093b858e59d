package io.cathalog.core.remote;

import io.cathalog.core.model.ProductStatus;

import java.util.Objects;

/**
 * What the ERP needs to create a product; everything else is then set with
 * {@link ProductChanges}.
 */
public record NewProduct(String sku, String name, ProductStatus status, ProductChanges fields) {
    public NewProduct {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fields, "fields");
    }
}
