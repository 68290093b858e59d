package io.cathalog.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of a cursor row. */
final class CursorId implements Serializable {
    private static final long serialVersionUID = 1L;

    String accountId;
    String name;

    CursorId() {
        // for JPA
    }

    CursorId(String accountId, String name) {
        this.accountId = accountId;
        this.name = name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CursorId o && Objects.equals(accountId, o.accountId) && Objects.equals(name, o.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, name);
    }
}
