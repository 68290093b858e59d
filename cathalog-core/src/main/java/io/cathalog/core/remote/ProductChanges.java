package io.cathalog.core.remote;

import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields to change on a product, and only those: an empty field is left as the ERP has it.
 * The Bling remote sends this as a {@code PATCH}, so nothing that is not named here is touched.
 *
 * @param name         the new name
 * @param status       the new status
 * @param brand        the new brand
 * @param gtin         the new GTIN
 * @param price        the new price
 * @param categoryId   the ERP's id of the new product category
 * @param dimensions   the new package dimensions
 * @param netWeight    the new net weight
 * @param grossWeight  the new gross weight
 * @param customFields values to set; each carries the link id of the existing value, if any
 */
public record ProductChanges(
        Optional<String> name,
        Optional<ProductStatus> status,
        Optional<String> brand,
        Optional<Gtin> gtin,
        Optional<BigDecimal> price,
        OptionalLong categoryId,
        Optional<Dimensions> dimensions,
        Optional<Weight> netWeight,
        Optional<Weight> grossWeight,
        List<CustomFieldValue> customFields) {

    /**
     * @param name         the new name
     * @param status       the new status
     * @param brand        the new brand
     * @param gtin         the new GTIN
     * @param price        the new price
     * @param categoryId   the ERP's id of the new product category
     * @param dimensions   the new package dimensions
     * @param netWeight    the new net weight
     * @param grossWeight  the new gross weight
     * @param customFields values to set; each carries the link id of the existing value, if any
     * @throws NullPointerException if a component is null
     */
    public ProductChanges {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(netWeight, "netWeight");
        Objects.requireNonNull(grossWeight, "grossWeight");
        customFields = List.copyOf(customFields);
    }

    /**
     * Changes nothing.
     *
     * @return changes with every field empty
     */
    public static ProductChanges none() {
        return new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * Whether these changes change nothing.
     *
     * @return true when every field is empty, so no write is needed
     */
    public boolean isEmpty() {
        return equals(none());
    }
}
