package io.cathalog.core.marketplace;

import java.util.List;
import java.util.Objects;

/**
 * What a marketplace category asks of the products listed in it.
 *
 * @param leaf whether products may be listed in it (marketplaces list in leaf categories only)
 */
public record CategoryRequirements(String marketplace, String categoryId, String name, boolean leaf,
                                   List<AttributeRequirement> attributes) {
    public CategoryRequirements {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
    }
}
