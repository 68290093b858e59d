package io.cathalog.core.remote;

import java.util.Objects;

/**
 * Links one of the ERP's product categories to a marketplace category in a store (Bling's
 * {@code /categorias/lojas}).
 *
 * @param id                  the link's id; 0 for a link not yet created
 * @param marketplaceCategory the marketplace's category id, e.g. {@code MLB196208}
 * @param description         the marketplace category's name, for people
 */
public record StoreCategoryLink(long id, long storeId, long categoryId, String marketplaceCategory,
                                String description) {
    public StoreCategoryLink {
        Objects.requireNonNull(marketplaceCategory, "marketplaceCategory");
        Objects.requireNonNull(description, "description");
    }
}
