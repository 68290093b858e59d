package io.cathalog.core.marketplace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of an attribute's list, or one brand.
 *
 * @param id                the marketplace's value id, as text ({@code "52049"}, {@code "0"})
 * @param name              the value as the marketplace shows it
 * @param unit              the unit the value carries, for quantitative lists ({@code "kg"})
 * @param childAttributeIds attributes that choosing this value opens (Shopee's
 *                          {@code child_attribute_list}), in the marketplace's order
 */
public record AllowedValue(String id, String name, Optional<String> unit, List<String> childAttributeIds) {

    /**
     * @param id                the marketplace's value id, as text ({@code "52049"}, {@code "0"})
     * @param name              the value as the marketplace shows it
     * @param unit              the unit the value carries, for quantitative lists ({@code "kg"})
     * @param childAttributeIds attributes that choosing this value opens (Shopee's
     *                          {@code child_attribute_list}), in the marketplace's order
     * @throws NullPointerException if a component is null
     */
    public AllowedValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        childAttributeIds = List.copyOf(childAttributeIds);
    }

    /**
     * A plain list value: no unit, opens no attribute.
     *
     * @param id   the marketplace's value id, as text
     * @param name the value as the marketplace shows it
     * @return the value
     */
    public static AllowedValue of(String id, String name) {
        return new AllowedValue(id, name, Optional.empty(), List.of());
    }
}
