package io.cathalog.core.marketplace;

import io.cathalog.core.model.AttributeValue;

import java.util.List;
import java.util.Objects;

/**
 * One value a plugin will send, checked and converted.
 *
 * @param attributeId   the marketplace's attribute id (or the field name for listing fields:
 *                      {@code title}, {@code brand}, {@code weight}, ...)
 * @param attributeName for people and for the ERP's custom field name
 * @param value         the value, typed and converted (units as the marketplace wants them)
 * @param valueIds      the marketplace's value ids for it, when it matched list values
 * @param text          the value as the marketplace's text ("20 cm", "300 g", "Preto"); also what
 *                      the ERP keeps in a custom field
 * @param slot          where it belongs on the ERP side
 * @param origin        where it came from
 */
public record ResolvedValue(String attributeId, String attributeName, AttributeValue value, List<String> valueIds,
                            String text, ProductSlot slot, ValueOrigin origin) {

    /**
     * @param attributeId   the marketplace's attribute id (or the field name for listing fields:
     *                      {@code title}, {@code brand}, {@code weight}, ...)
     * @param attributeName for people and for the ERP's custom field name
     * @param value         the value, typed and converted (units as the marketplace wants them)
     * @param valueIds      the marketplace's value ids for it, when it matched list values
     * @param text          the value as the marketplace's text ("20 cm", "300 g", "Preto"); also what
     *                      the ERP keeps in a custom field
     * @param slot          where it belongs on the ERP side
     * @param origin        where it came from
     * @throws NullPointerException if a component is null
     */
    public ResolvedValue {
        Objects.requireNonNull(attributeId, "attributeId");
        Objects.requireNonNull(attributeName, "attributeName");
        Objects.requireNonNull(value, "value");
        valueIds = List.copyOf(valueIds);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(origin, "origin");
    }
}
