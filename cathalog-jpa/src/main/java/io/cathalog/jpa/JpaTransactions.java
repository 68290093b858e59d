package io.cathalog.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import java.util.Objects;
import java.util.function.Function;

/**
 * How the stores of this module get a transaction. Each call of {@link #run} must run its work in a
 * transaction of its own that is committed when {@code run} returns (rolled back if the work
 * throws), never joined to a transaction of the caller: the stores promise durability per call,
 * their row locks must be held for milliseconds, and a lease taken must be visible to other
 * processes at once. No store calls HTTP inside {@code run}.
 *
 * <p>{@link #resourceLocal} serves hosts that use the factory directly. A host on Spring or JTA
 * gives its own: e.g. a {@code TransactionTemplate} with {@code PROPAGATION_REQUIRES_NEW} around a
 * shared {@code EntityManager}.
 */
public interface JpaTransactions {

    /**
     * Runs {@code work} in a new transaction, commits it, and returns the work's result.
     *
     * @param <T>  what the work returns
     * @param work the work, given the transaction's entity manager
     * @return what {@code work} returned, after the commit
     */
    <T> T run(Function<EntityManager, T> work);

    /**
     * Resource-local transactions: a new {@link EntityManager} of {@code factory} per call, closed after.
     *
     * @param factory the host's entity manager factory, with the module's entities
     * @return the transactions
     */
    static JpaTransactions resourceLocal(EntityManagerFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return new JpaTransactions() {
            @Override
            public <T> T run(Function<EntityManager, T> work) {
                Objects.requireNonNull(work, "work");
                EntityManager em = factory.createEntityManager();
                EntityTransaction tx = em.getTransaction();
                try {
                    tx.begin();
                    T result = work.apply(em);
                    tx.commit();
                    return result;
                } catch (RuntimeException | Error e) {
                    if (tx.isActive()) {
                        try {
                            tx.rollback();
                        } catch (RuntimeException suppressed) {
                            e.addSuppressed(suppressed);
                        }
                    }
                    throw e;
                } finally {
                    em.close();
                }
            }

            @Override
            public String toString() {
                return "JpaTransactions.resourceLocal";
            }
        };
    }
}
