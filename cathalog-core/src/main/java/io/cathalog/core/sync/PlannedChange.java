package io.cathalog.core.sync;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One change a plan would make in the ERP.
 *
 * @param key         the natural key of the thing changed (category key, SKU, store key + SKU...)
 * @param remoteId    its id in the ERP, when it exists there
 * @param fields      the fields that change, in a stable order
 * @param destructive whether it removes something from the ERP (needs an explicit option)
 */
public record PlannedChange(ChangeAction action, EntityKind entity, String key, OptionalLong remoteId,
                            List<FieldChange> fields, boolean destructive) {
    public PlannedChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(remoteId, "remoteId");
        fields = List.copyOf(fields);
    }
}
