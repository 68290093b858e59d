package io.cathalog.core.remote;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Links a product to a store (Bling's {@code /produtos/lojas}, "multiloja").
 *
 * @param id          the link's id; 0 for a link not yet created
 * @param productId   the ERP's id of the linked product
 * @param storeId     the ERP's id of the store
 * @param code        the product's code in the store (a listing id, or the SKU)
 * @param price       the store's own price, if it has one
 * @param categoryIds the product categories linked for this store
 */
public record ProductStoreLink(long id, long productId, long storeId, String code, Optional<BigDecimal> price,
                               List<Long> categoryIds) {
    /**
     * @param id          the link's id; 0 for a link not yet created
     * @param productId   the ERP's id of the linked product
     * @param storeId     the ERP's id of the store
     * @param code        the product's code in the store (a listing id, or the SKU)
     * @param price       the store's own price, if it has one
     * @param categoryIds the product categories linked for this store
     * @throws NullPointerException if a component is null
     */
    public ProductStoreLink {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(price, "price");
        categoryIds = List.copyOf(categoryIds);
    }
}
