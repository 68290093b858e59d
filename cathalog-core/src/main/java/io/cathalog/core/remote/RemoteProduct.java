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
 *
 * @param id           its id in the ERP
 * @param sku          its code; empty when it has none
 * @param name         its name
 * @param status       its status
 * @param brand        its brand as raw text
 * @param gtin         its GTIN as raw text
 * @param price        its price
 * @param categoryId   its product category's id in the ERP
 * @param dimensions   its package dimensions
 * @param netWeight    its net weight
 * @param grossWeight  its gross weight
 * @param customFields its custom-field values
 * @param variations   a family's variations, read with it; empty for a simple product
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
        List<CustomFieldValue> customFields,
        List<RemoteVariation> variations) {

    /**
     * @param id           its id in the ERP
     * @param sku          its code; empty when it has none
     * @param name         its name
     * @param status       its status
     * @param brand        its brand as raw text
     * @param gtin         its GTIN as raw text
     * @param price        its price
     * @param categoryId   its product category's id in the ERP
     * @param dimensions   its package dimensions
     * @param netWeight    its net weight
     * @param grossWeight  its gross weight
     * @param customFields its custom-field values
     * @param variations   a family's variations, read with it; empty for a simple product
     * @throws NullPointerException if a component is null
     */
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
        variations = List.copyOf(Objects.requireNonNull(variations, "variations"));
    }

    /**
     * A product without variations.
     *
     * @param id           its id in the ERP
     * @param sku          its code
     * @param name         its name
     * @param status       its status
     * @param brand        its brand
     * @param gtin         its GTIN as raw text
     * @param price        its price
     * @param categoryId   its category's id
     * @param dimensions   its dimensions
     * @param netWeight    its net weight
     * @param grossWeight  its gross weight
     * @param customFields its custom-field values
     */
    public RemoteProduct(long id, Optional<String> sku, String name, ProductStatus status, Optional<String> brand,
                         Optional<String> gtin, Optional<BigDecimal> price, OptionalLong categoryId,
                         Optional<Dimensions> dimensions, Optional<Weight> netWeight, Optional<Weight> grossWeight,
                         List<CustomFieldValue> customFields) {
        this(id, sku, name, status, brand, gtin, price, categoryId, dimensions, netWeight, grossWeight, customFields,
                List.of());
    }

    /**
     * The same product with other variations.
     *
     * @param variations its variations
     * @return a copy
     */
    public RemoteProduct withVariations(List<RemoteVariation> variations) {
        return new RemoteProduct(id, sku, name, status, brand, gtin, price, categoryId, dimensions, netWeight,
                grossWeight, customFields, variations);
    }
}
