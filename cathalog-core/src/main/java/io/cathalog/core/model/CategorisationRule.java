package io.cathalog.core.model;

import java.util.Objects;

/**
 * Puts the products that {@code match} into {@code categoryKey}. Rules are ordered; the first
 * that matches a product decides, and a plan names it by {@code id}.
 */
public record CategorisationRule(String id, String categoryKey, ProductMatch match) {

    public CategorisationRule {
        Category.checkKey("id", id);
        Category.checkKey("category", categoryKey);
        Objects.requireNonNull(match, "match");
    }
}
