package io.cathalog.marketplaces.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.ResolvedValue;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a normalisation found, collected in the order the rules ran (which is stable). */
public final class Findings {
    public final Map<String, ResolvedValue> values = new TreeMap<>();
    public final List<Violation> violations = new ArrayList<>();
    public final List<Warning> warnings = new ArrayList<>();

    public void violation(String attribute, Violation.Code code, String message) {
        violations.add(new Violation(attribute, code, message));
    }

    public void warning(String attribute, Warning.Code code, String message) {
        warnings.add(new Warning(attribute, code, message));
    }

    public void value(ResolvedValue value) {
        values.put(value.attributeId(), value);
    }

    /**
     * The requirements of a category a listing can go to; empty, with the violation recorded, when
     * they cannot be read or the category is not a leaf. Unreadable requirements make the product
     * need attention; they never fail the run.
     */
    public Optional<CategoryRequirements> listableCategory(RequirementsProvider requirements, String marketplace,
                                                           String categoryId) {
        CategoryRequirements category;
        try {
            category = requirements.requirements(categoryId);
        } catch (RuntimeException e) {
            violation("category", Violation.Code.CATEGORY_UNAVAILABLE, String.valueOf(e.getMessage()));
            return Optional.empty();
        }
        if (!category.leaf()) {
            violation("category", Violation.Code.NOT_LEAF_CATEGORY, marketplace + " category " + categoryId + " ("
                    + category.name() + ") has subcategories; map the product to a leaf category");
            return Optional.empty();
        }
        return Optional.of(category);
    }

    /** The normalisation these findings make, with the payload as it stands. */
    public Normalisation normalisation(String marketplaceId, String categoryId, ObjectNode payload) {
        return new Normalisation(marketplaceId, categoryId, values, violations, warnings, Json.write(payload));
    }
}
