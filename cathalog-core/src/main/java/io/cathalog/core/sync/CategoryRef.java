package io.cathalog.core.sync;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A category a change refers to: by its catalog key, and by its ERP id when the category already
 * exists there. Without an id it is a category that an earlier change of the same plan creates;
 * the applier takes the id that change produced.
 *
 * @param key      the category's key in the catalog
 * @param remoteId its id in the ERP; empty when this plan creates it
 */
public record CategoryRef(String key, OptionalLong remoteId) {
    /**
     * Validates that no component is null.
     *
     * @param key      the category's key in the catalog
     * @param remoteId its id in the ERP; empty when this plan creates it
     * @throws NullPointerException when a component is null
     */
    public CategoryRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(remoteId, "remoteId");
    }

    /**
     * A category the ERP already has.
     *
     * @param key the catalog key
     * @param id  the ERP id
     * @return the reference
     */
    public static CategoryRef existing(String key, long id) {
        return new CategoryRef(key, OptionalLong.of(id));
    }

    /**
     * A category an earlier change of the same plan creates.
     *
     * @param key the catalog key
     * @return the reference
     */
    public static CategoryRef planned(String key) {
        return new CategoryRef(key, OptionalLong.empty());
    }

    /**
     * Whether this plan creates the category.
     *
     * @return true when the ERP id is not known yet
     */
    public boolean isPlanned() {
        return remoteId.isEmpty();
    }
}
