package io.cathalog.core.remote;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A product's value of a custom field.
 *
 * @param fieldId the custom field
 * @param linkId  the id of the stored value (Bling's {@code idVinculo}); present when the value
 *                exists, and it must be sent back to update it rather than add a second value
 * @param value   the value as text
 */
public record CustomFieldValue(long fieldId, OptionalLong linkId, String value) {
    /**
     * @param fieldId the custom field
     * @param linkId  the id of the stored value (Bling's {@code idVinculo}); present when the value
     *                exists, and it must be sent back to update it rather than add a second value
     * @param value   the value as text
     * @throws NullPointerException if a component is null
     */
    public CustomFieldValue {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(value, "value");
    }
}
