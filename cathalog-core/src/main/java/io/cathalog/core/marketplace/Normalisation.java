package io.cathalog.core.marketplace;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A product made ready for one store: what to write, what the marketplace would reject, and what
 * it would accept but degrade.
 *
 * @param marketplace    the plugin's id
 * @param categoryId     the marketplace category
 * @param values         the values to write, by attribute id, in id order
 * @param violations     what the marketplace would reject; nothing is guessed to avoid them
 * @param warnings       what it would accept but degrade, or what was adjusted
 * @param payloadPreview the marketplace's own payload for these values, as JSON text, for people
 *                       (stable for equal inputs)
 */
public record Normalisation(String marketplace, String categoryId, Map<String, ResolvedValue> values,
                            List<Violation> violations, List<Warning> warnings, String payloadPreview) {

    /**
     * @param marketplace    the plugin's id
     * @param categoryId     the marketplace category
     * @param values         the values to write, by attribute id, in id order
     * @param violations     what the marketplace would reject; nothing is guessed to avoid them
     * @param warnings       what it would accept but degrade, or what was adjusted
     * @param payloadPreview the marketplace's own payload for these values, as JSON text, for people
     *                       (stable for equal inputs)
     * @throws NullPointerException if a component is null
     */
    public Normalisation {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(categoryId, "categoryId");
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(payloadPreview, "payloadPreview");
    }

    /**
     * Whether the marketplace would accept the product as it is.
     *
     * @return true when there is no violation
     */
    public boolean isAcceptable() {
        return violations.isEmpty();
    }

    /**
     * Whether the product needs a person's attention before it can be listed in this store.
     *
     * @return true when there is a violation
     */
    public boolean needsAttention() {
        return !violations.isEmpty();
    }

    /**
     * The values the ERP keeps as custom fields (category-specific attributes).
     *
     * @return those values, in attribute id order
     */
    public List<ResolvedValue> customFieldValues() {
        return values.values().stream().filter(ErpLanding::landsInCustomField).toList();
    }
}
