package io.cathalog.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of an item of an account: entity kind and natural key. */
final class ItemId implements Serializable {
    private static final long serialVersionUID = 1L;

    String accountId;
    String entity;
    String key;

    ItemId() {
        // for JPA
    }

    ItemId(String accountId, String entity, String key) {
        this.accountId = accountId;
        this.entity = entity;
        this.key = key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemId o && Objects.equals(accountId, o.accountId) && Objects.equals(entity, o.entity) && Objects.equals(key, o.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, entity, key);
    }
}
