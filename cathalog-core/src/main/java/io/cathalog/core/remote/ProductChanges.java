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

    public static ProductChanges none() {
        return new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public boolean isEmpty() {
        return equals(none());
    }
}
