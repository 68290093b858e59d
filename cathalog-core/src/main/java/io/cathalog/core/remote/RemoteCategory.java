package io.cathalog.core.remote;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A product category as the ERP holds it.
 *
 * @param id       its id in the ERP
 * @param name     its name
 * @param parentId the parent category's id; empty for a top-level category
 */
public record RemoteCategory(long id, String name, OptionalLong parentId) {
    /**
     * @param id       its id in the ERP
     * @param name     its name
     * @param parentId the parent category's id; empty for a top-level category
     * @throws NullPointerException if a component is null
     */
    public RemoteCategory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parentId, "parentId");
    }
}
