package io.cathalog.core.remote;

import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A product as the ERP holds it, with the fields the engine manages. GTIN and brand are kept as the
 * ERP's raw text: they may be invalid there, and the audit must be able to say so.
 */
public record RemoteProduct(
        long id,
        Optional<String> sku,
        String name,
        ProductStatus status,
        Optional<String> brand,
        Optional<String> gtin,
        Optional<BigDecimal> price,
        OptionalLong categoryId,
        Optional<Dimensions> dimensions,
        Optional<Weight> netWeight,
        Optional<Weight> grossWeight,
        List<CustomFieldValue> customFields) {

    public RemoteProduct {
        Objects.requireNonNull(sku, "sku");
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
}
