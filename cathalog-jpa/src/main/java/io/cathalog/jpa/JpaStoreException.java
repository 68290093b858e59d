package io.cathalog.jpa;

import io.cathalog.core.CathalogException;

/** A database operation of a JPA store failed (connection lost, table missing, ...). */
public final class JpaStoreException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what the store was doing, and for which account
     * @param cause   the persistence provider's exception
     */
    public JpaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
