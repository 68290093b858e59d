package io.cathalog.spring;

import java.util.Objects;

/** This application instance's id: the owner of the leases it takes. Unique per instance. */
record InstanceId(String id) {
    InstanceId {
        Objects.requireNonNull(id, "id");
    }
}
