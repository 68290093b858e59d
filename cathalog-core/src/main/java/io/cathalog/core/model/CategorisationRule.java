package io.cathalog.core.model;

import java.util.Objects;

/**
 * Puts the products that {@code match} into {@code categoryKey}. Rules are ordered; the first
 * that matches a product decides, and a plan names it by {@code id}.
 *
 * @param id          unique among the catalog's categorisation rules
 * @param categoryKey the category the matched products go into
 * @param match       what the rule looks for in a product
 */
public record CategorisationRule(String id, String categoryKey, ProductMatch match) {

    /**
     * @param id          unique among the catalog's categorisation rules
     * @param categoryKey the category the matched products go into
     * @param match       what the rule looks for in a product
     * @throws io.cathalog.core.ValidationException if the id or the category key is not a valid key
     */
    public CategorisationRule {
        Category.checkKey("id", id);
        Category.checkKey("category", categoryKey);
        Objects.requireNonNull(match, "match");
    }
}
