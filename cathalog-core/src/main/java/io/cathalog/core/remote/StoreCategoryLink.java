package io.cathalog.core.remote;

import java.util.Objects;

/**
 * Links one of the ERP's product categories to a marketplace category in a store (Bling's
 * {@code /categorias/lojas}).
 *
 * @param id                  the link's id; 0 for a link not yet created
 * @param storeId             the ERP's id of the store
 * @param categoryId          the ERP's product category linked
 * @param marketplaceCategory the marketplace's category id, e.g. {@code MLB196208}
 * @param description         the marketplace category's name, for people
 */
public record StoreCategoryLink(long id, long storeId, long categoryId, String marketplaceCategory,
                                String description) {
    /**
     * @param id                  the link's id; 0 for a link not yet created
     * @param storeId             the ERP's id of the store
     * @param categoryId          the ERP's product category linked
     * @param marketplaceCategory the marketplace's category id, e.g. {@code MLB196208}
     * @param description         the marketplace category's name, for people
     * @throws NullPointerException if a component is null
     */
    public StoreCategoryLink {
        Objects.requireNonNull(marketplaceCategory, "marketplaceCategory");
        Objects.requireNonNull(description, "description");
    }
}
