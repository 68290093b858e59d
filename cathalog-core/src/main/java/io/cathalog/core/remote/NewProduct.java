package io.cathalog.core.remote;

import io.cathalog.core.model.ProductStatus;

import java.util.Objects;

/**
 * What the ERP needs to create a product; everything else is then set with
 * {@link ProductChanges}. A family (a parent with {@code variations}) is created in one write
 * with all its variations.
 *
 * @param sku        the product's code (SKU)
 * @param name       its name
 * @param status     its status
 * @param fields     its other fields; {@link ProductChanges#none()} for none
 * @param variations the variations of a family, in order; empty for a simple product
 */
public record NewProduct(String sku, String name, ProductStatus status, ProductChanges fields,
                         java.util.List<VariationWrite> variations) {
    /**
     * @param sku        the product's code (SKU)
     * @param name       its name
     * @param status     its status
     * @param fields     its other fields; {@link ProductChanges#none()} for none
     * @param variations the variations of a family, in order; empty for a simple product
     * @throws NullPointerException if a component is null
     */
    public NewProduct {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fields, "fields");
        variations = java.util.List.copyOf(Objects.requireNonNull(variations, "variations"));
    }

    /**
     * A simple product (no variations).
     *
     * @param sku    its code
     * @param name   its name
     * @param status its status
     * @param fields its other fields
     */
    public NewProduct(String sku, String name, ProductStatus status, ProductChanges fields) {
        this(sku, name, status, fields, java.util.List.of());
    }
}
