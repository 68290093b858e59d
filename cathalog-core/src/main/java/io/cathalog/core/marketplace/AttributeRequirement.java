package io.cathalog.core.marketplace;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a marketplace category asks of one attribute.
 *
 * @param id            the marketplace's attribute id (e.g. {@code BRAND}, {@code 100037})
 * @param name          for people
 * @param allowedValues the closed list of values, for choices; empty otherwise
 * @param allowedUnits  the units a number may take; empty when it takes none
 * @param maxLength     the longest value accepted, if capped
 * @param writable      false for attributes the marketplace fills itself (never written)
 */
public record AttributeRequirement(String id, String name, RequirementLevel level, ValueType type,
                                   List<String> allowedValues, List<String> allowedUnits, OptionalInt maxLength,
                                   boolean writable) {
    public AttributeRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        allowedValues = List.copyOf(allowedValues);
        allowedUnits = List.copyOf(allowedUnits);
        Objects.requireNonNull(maxLength, "maxLength");
    }
}
