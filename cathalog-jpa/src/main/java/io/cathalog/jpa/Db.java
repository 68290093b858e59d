package io.cathalog.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The stores' access to their transactions: failures as {@link JpaStoreException}, and upserts. */
final class Db {
    private final JpaTransactions tx;

    Db(JpaTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "transactions");
    }

    JpaTransactions transactions() {
        return tx;
    }

    <T> T run(String what, Function<EntityManager, T> work) {
        try {
            return tx.run(work);
        } catch (PersistenceException e) {
            throw new JpaStoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    void exec(String what, Consumer<EntityManager> work) {
        run(what, em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * Updates the row with {@code id}, or inserts it. Two processes inserting the same new row at
     * once: one insert fails on the primary key, and its retry finds the row and updates it.
     */
    <T> void upsert(String what, Class<T> type, Object id, Supplier<T> create, Consumer<T> update) {
        Consumer<EntityManager> work = em -> {
            T row = em.find(type, id);
            if (row == null) {
                em.persist(create.get());
            } else {
                update.accept(row);
            }
        };
        try {
            tx.run(em -> {
                work.accept(em);
                return null;
            });
        } catch (PersistenceException raced) {
            exec(what, work);
        }
    }
}
