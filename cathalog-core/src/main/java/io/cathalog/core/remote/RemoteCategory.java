package io.cathalog.core.remote;

import java.util.Objects;
import java.util.OptionalLong;

/** A product category as the ERP holds it. */
public record RemoteCategory(long id, String name, OptionalLong parentId) {
    public RemoteCategory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parentId, "parentId");
    }
}
