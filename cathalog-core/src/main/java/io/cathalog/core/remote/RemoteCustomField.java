package io.cathalog.core.remote;

import java.util.List;
import java.util.Objects;

/**
 * A custom field of the ERP's product module.
 *
 * @param type    the ERP's field type name (text, list, integer, decimal...)
 * @param options the options of a list field, empty otherwise
 * @param active  whether the field is enabled
 */
public record RemoteCustomField(long id, String name, String type, List<String> options, boolean active) {
    public RemoteCustomField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
    }
}
