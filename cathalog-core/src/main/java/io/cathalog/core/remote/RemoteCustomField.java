package io.cathalog.core.remote;

import java.util.List;
import java.util.Objects;

/**
 * A custom field of the ERP's product module.
 *
 * @param id      its id in the ERP
 * @param name    its name as people see it
 * @param type    the ERP's field type name (text, list, integer, decimal...)
 * @param options the options of a list field, empty otherwise
 * @param active  whether the field is enabled
 */
public record RemoteCustomField(long id, String name, String type, List<String> options, boolean active) {
    /**
     * @param id      its id in the ERP
     * @param name    its name as people see it
     * @param type    the ERP's field type name (text, list, integer, decimal...)
     * @param options the options of a list field, empty otherwise
     * @param active  whether the field is enabled
     * @throws NullPointerException if a component is null
     */
    public RemoteCustomField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
    }
}
