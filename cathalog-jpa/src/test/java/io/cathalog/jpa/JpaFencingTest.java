package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.FencedOutException;
import io.cathalog.core.sync.SyncStateStore;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fence check is in the write's own transaction: a writer stalled between any two transactions
 * of one write cannot land that write after a newer fence took the account over.
 */
class JpaFencingTest {

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aWriterStalledInsideAWriteCannotLandItAfterANewerFence(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaTransactions real = JpaTransactions.resourceLocal(db.newFactory());
            // Stalls the old writer at the start of every transaction of a write after its first:
            // if the check and the write were two transactions, the stall would fall between them.
            AtomicInteger transactionsOfTheWrite = new AtomicInteger(-1);
            CountDownLatch stalled = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            JpaTransactions stalling = new JpaTransactions() {
                @Override
                public <T> T run(Function<EntityManager, T> work) {
                    if (transactionsOfTheWrite.get() >= 0 && transactionsOfTheWrite.getAndIncrement() >= 1) {
                        stalled.countDown();
                        try {
                            resume.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return real.run(work);
                }
            };
            JpaSyncStateStore store = new JpaSyncStateStore(real);
            SyncStateStore old = new JpaSyncStateStore(stalling).fenced("acme", 1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                transactionsOfTheWrite.set(0);
                Future<?> oldWrite = pool.submit(() -> old.putCursor("acme", "c", "old"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!oldWrite.isDone() && stalled.getCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                store.fenced("acme", 2).putCursor("acme", "c", "new");
                resume.countDown();
                try {
                    oldWrite.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(FencedOutException.class);
                }
                assertThat(store.cursor("acme", "c")).contains("new");
            } finally {
                resume.countDown();
                pool.shutdownNow();
            }
        }
    }
}
