package io.cathalog.jpa;

import io.cathalog.core.FencedOutException;
import io.cathalog.core.lease.Lease;
import io.cathalog.core.lease.LeaseHeartbeat;
import io.cathalog.core.sync.SyncStateStore;
import jakarta.persistence.EntityManagerFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * A child process for {@link LeasePauseProcessTest}: an instance that takes account {@code acme}'s
 * lease through {@link JpaLeaseLock}, and then, line by line on stdin, writes the account's state
 * through a store fenced with that lease ({@code write <value>}), renews ({@code beat}), reports
 * ({@code status}) or ends ({@code exit}); it answers one line on stdout per command.
 *
 * <p>Arguments: JDBC URL, user, lease time to live in milliseconds. The password comes in the
 * environment variable {@code CATHALOG_CHILD_DB_PASSWORD}, off the command line.
 */
public final class LeaseHolderProcess {
    private LeaseHolderProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String password = System.getenv().getOrDefault("CATHALOG_CHILD_DB_PASSWORD", "");
        Duration ttl = Duration.ofMillis(Long.parseLong(args[2]));
        EntityManagerFactory emf = TestDatabase.factory(args[0], args[1], password, "lease-holder-child");
        JpaTransactions tx = JpaTransactions.resourceLocal(emf);
        JpaLeaseLock lock = new JpaLeaseLock(tx, Clock.systemUTC());
        JpaSyncStateStore store = new JpaSyncStateStore(tx);
        // Warm up (Hibernate's first queries take long) before the lease's time starts running.
        lock.holder("warm-up");
        store.fenced("warm-up", 1).putCursor("warm-up", "c", "v");
        Lease lease = lock.tryAcquire(RunLease.leaseName("acme"), "child", ttl).orElseThrow();
        LeaseHeartbeat heartbeat = LeaseHeartbeat.builder(lock, lease, ttl).build();
        SyncStateStore state = store.fenced("acme", lease.fence());
        out.println("HELD " + lease.fence() + " " + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("write ")) {
                String value = line.substring("write ".length());
                try {
                    state.putCursor("acme", "written-by", value); // whatever the heartbeat says: the fence decides
                    out.println("WROTE " + value);
                } catch (FencedOutException e) {
                    out.println("REFUSED " + e.fence() + " " + e.current());
                }
            } else if (line.equals("beat")) {
                out.println(heartbeat.beat() ? "RENEWED" : "LOST");
            } else if (line.equals("status")) {
                out.println(heartbeat.isLost() ? "LOST" : "HELD");
            } else if (line.equals("exit")) {
                break;
            } else {
                out.println("UNKNOWN " + line);
            }
        }
        emf.close();
        out.println("BYE");
    }
}
