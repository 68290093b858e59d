package io.cathalog.core.sync;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A product a change refers to: by its SKU, and by its ERP id when the product already exists
 * there. Without an id it is a product that an earlier change of the same plan creates.
 *
 * @param sku      the product's SKU, its natural key
 * @param remoteId its id in the ERP; empty when this plan creates it
 */
public record ProductRef(String sku, OptionalLong remoteId) {
    /**
     * Validates that no component is null.
     *
     * @param sku      the product's SKU, its natural key
     * @param remoteId its id in the ERP; empty when this plan creates it
     * @throws NullPointerException when a component is null
     */
    public ProductRef {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(remoteId, "remoteId");
    }

    /**
     * A product the ERP already has.
     *
     * @param sku the SKU
     * @param id  the ERP id
     * @return the reference
     */
    public static ProductRef existing(String sku, long id) {
        return new ProductRef(sku, OptionalLong.of(id));
    }

    /**
     * A product an earlier change of the same plan creates.
     *
     * @param sku the SKU
     * @return the reference
     */
    public static ProductRef planned(String sku) {
        return new ProductRef(sku, OptionalLong.empty());
    }
}
