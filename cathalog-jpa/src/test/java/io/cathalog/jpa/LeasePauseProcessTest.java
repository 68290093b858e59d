package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.lease.Lease;
import io.cathalog.core.sync.SyncStateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance frozen (SIGSTOP) past its lease and resumed (SIGCONT) writes nothing more to the
 * account's state: a real child process holds the lease through the database (PostgreSQL when
 * {@code CATHALOG_PG_URL} is set, else H2 served over TCP by this process), this process takes the
 * account over while the child is frozen, and the child's next write is refused by the fence.
 */
class LeasePauseProcessTest {
    private static final Duration CHILD_TTL = Duration.ofSeconds(5);

    @Test
    void aHolderFrozenPastItsLeaseCannotWriteAfterAnotherTookTheAccountOver(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.sharedWithProcesses(dir)) {
            JpaTransactions tx = JpaTransactions.resourceLocal(db.newFactory());
            JpaLeaseLock lock = new JpaLeaseLock(tx, Clock.systemUTC());
            JpaSyncStateStore store = new JpaSyncStateStore(tx);
            Process child = startChild(db);
            try {
                BufferedReader from = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintStream to = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
                String held = from.readLine();
                assertThat(held).as("the child took the lease").startsWith("HELD ");
                long childFence = Long.parseLong(held.split(" ")[1]);
                assertThat(ask(to, from, "write before-pause")).isEqualTo("WROTE before-pause");
                assertThat(ask(to, from, "beat")).isEqualTo("RENEWED");
                assertThat(store.cursor("acme", "written-by")).contains("before-pause");

                signal("STOP", child.pid());
                awaitState(child.pid(), 'T');
                // Frozen past its lease: this instance takes the account over.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (lock.holder(RunLease.leaseName("acme")).isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Lease taken = lock.tryAcquire(RunLease.leaseName("acme"), "parent", Duration.ofMinutes(5)).orElseThrow();
                assertThat(taken.fence()).isGreaterThan(childFence);
                SyncStateStore mine = store.fenced("acme", taken.fence());
                mine.putCursor("acme", "written-by", "the-new-holder");

                signal("CONT", child.pid());
                assertThat(ask(to, from, "status")).as("the child's clock tells it at once").isEqualTo("LOST");
                assertThat(ask(to, from, "write after-resume"))
                        .as("its write is refused whatever it believes").isEqualTo("REFUSED " + childFence + " " + taken.fence());
                assertThat(ask(to, from, "beat")).isEqualTo("LOST");
                assertThat(store.cursor("acme", "written-by")).contains("the-new-holder");
                assertThat(lock.holder(RunLease.leaseName("acme"))).contains(taken);

                assertThat(ask(to, from, "exit")).isEqualTo("BYE");
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isZero();
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static Process startChild(TestDatabase db) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                LeaseHolderProcess.class.getName(), db.url, db.user, Long.toString(CHILD_TTL.toMillis())));
        pb.environment().put("CATHALOG_CHILD_DB_PASSWORD", db.password);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static String ask(PrintStream to, BufferedReader from, String command) throws IOException {
        to.println(command);
        return from.readLine();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %d", signal, pid).isZero();
    }

    /** Waits until the process's state in /proc is {@code state} (T: stopped). */
    private static void awaitState(long pid, char state) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        char now = '?';
        while (System.nanoTime() < deadline) {
            String s = Files.readString(stat);
            now = s.charAt(s.lastIndexOf(')') + 2);
            if (now == state) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process " + pid + " is in state " + now + ", not " + state);
    }
}
