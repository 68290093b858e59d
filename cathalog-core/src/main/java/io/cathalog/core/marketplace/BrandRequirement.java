package io.cathalog.core.marketplace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a category asks about brands, where the marketplace treats the brand apart from the
 * attributes (Shopee's {@code get_brand_list}). Marketplaces that carry the brand as an attribute
 * (Mercado Livre's {@code BRAND}) leave this out.
 *
 * @param mandatory     whether a brand is required
 * @param brands        the brands the category accepts, in the marketplace's order
 * @param noBrand       the "no brand" value (Shopee: id {@code 0}) where the category accepts it
 * @param customAllowed whether a brand outside the list may be sent as text
 */
public record BrandRequirement(boolean mandatory, List<AllowedValue> brands, Optional<AllowedValue> noBrand,
                               boolean customAllowed) {

    /**
     * @param mandatory     whether a brand is required
     * @param brands        the brands the category accepts, in the marketplace's order
     * @param noBrand       the "no brand" value (Shopee: id {@code 0}) where the category accepts it
     * @param customAllowed whether a brand outside the list may be sent as text
     * @throws NullPointerException if {@code brands} or {@code noBrand} is null
     */
    public BrandRequirement {
        brands = List.copyOf(brands);
        Objects.requireNonNull(noBrand, "noBrand");
    }
}
