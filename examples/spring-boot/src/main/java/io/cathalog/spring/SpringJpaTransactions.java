package io.cathalog.spring;

import io.cathalog.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.function.Function;

/**
 * cathalog-jpa's stores on Spring's transactions: every call in a new transaction
 * ({@code PROPAGATION_REQUIRES_NEW}) on the application's own EntityManagerFactory and transaction
 * manager, committed when the call returns. Never joined to a caller's transaction: the stores
 * promise durability per call and hold their row locks for milliseconds (docs/jpa.md).
 */
final class SpringJpaTransactions implements JpaTransactions {
    private final EntityManagerFactory factory;
    private final TransactionTemplate template;

    SpringJpaTransactions(EntityManagerFactory factory, PlatformTransactionManager transactions) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public <T> T run(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        return template.execute(status -> {
            EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
            if (em == null) {
                throw new IllegalStateException("no EntityManager bound to the transaction: is the transaction"
                        + " manager a JpaTransactionManager of the same factory?");
            }
            return work.apply(em);
        });
    }

    @Override
    public String toString() {
        return "SpringJpaTransactions[REQUIRES_NEW]";
    }
}
