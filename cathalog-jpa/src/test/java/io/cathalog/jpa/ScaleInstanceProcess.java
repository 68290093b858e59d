package io.cathalog.jpa;

import io.cathalog.core.http.Sleeper;
import io.cathalog.core.jobs.SyncScheduler;
import jakarta.persistence.EntityManagerFactory;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * A child process for {@link FailoverProcessTest}: one instance of a host syncing many accounts
 * through the database's leases and state, against a sandbox in the parent's process, until its
 * stdin closes (then it shuts its scheduler down) or it is killed.
 *
 * <p>Arguments: JDBC URL, user, sandbox base URL, owner (also the OAuth app whose tokens it uses),
 * accounts file, or {@code -} for standard input (one line per account: id, products, access token), lease time to live in ms,
 * interval in ms, requests per second per account, concurrent runs. The database password comes in
 * {@code CATHALOG_CHILD_DB_PASSWORD}, the tokens in a file: neither on the command line.
 */
public final class ScaleInstanceProcess {
    private ScaleInstanceProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String password = System.getenv().getOrDefault("CATHALOG_CHILD_DB_PASSWORD", "");
        URI sandbox = URI.create(args[2]);
        String owner = args[3];
        // "-": the accounts (with their tokens) come on standard input, so no file holds a token.
        // The list ends at a blank line; the input stays open, and its end stops the instance.
        java.io.BufferedReader stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        List<String> accounts = new java.util.ArrayList<>();
        if (args[4].equals("-")) {
            for (String line = stdin.readLine(); line != null && !line.isBlank(); line = stdin.readLine()) {
                accounts.add(line);
            }
        } else {
            accounts.addAll(Files.readAllLines(Path.of(args[4])));
        }
        Duration ttl = Duration.ofMillis(Long.parseLong(args[5]));
        Duration interval = Duration.ofMillis(Long.parseLong(args[6]));
        double rate = Double.parseDouble(args[7]);
        int runs = Integer.parseInt(args[8]);

        EntityManagerFactory emf = TestDatabase.factory(args[0], args[1], password, "scale-" + owner);
        JpaTransactions tx = JpaTransactions.resourceLocal(emf);
        Clock clock = Clock.systemUTC();
        JpaLeaseLock jpaLeases = new JpaLeaseLock(tx, clock);
        // Every acquisition is told to the parent (after it committed, before the run writes anything).
        io.cathalog.core.lease.LeaseLock leases = new io.cathalog.core.testing.ForwardingLeaseLock(jpaLeases) {
            @Override
            public java.util.Optional<io.cathalog.core.lease.Lease> tryAcquire(String name, String who, Duration t) {
                java.util.Optional<io.cathalog.core.lease.Lease> got = super.tryAcquire(name, who, t);
                got.ifPresent(l -> out.println("ACQUIRED " + name + " " + l.fence() + " " + clock.millis()));
                return got;
            }
        };
        JpaSyncStateStore state = new JpaSyncStateStore(tx);
        leases.holder("warm-up"); // Hibernate's first queries are slow: not inside a lease
        ExecutorService httpThreads = ScaleInstance.httpExecutor(2);
        HttpClient http = ScaleInstance.sharedHttpClient(httpThreads);
        SyncScheduler scheduler = SyncScheduler.builder().owner(owner).clock(clock).leases(leases).leaseTtl(ttl)
                .leaseRetry(interval).maxConcurrentRuns(runs).tickEvery(Duration.ofMillis(100))
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)).build();
        for (String line : accounts) {
            String[] f = line.split(" ");
            scheduler.register(ScaleInstance.job(f[0], Integer.parseInt(f[1]), f[2], sandbox, http, state, clock,
                    Sleeper.SYSTEM, rate, interval, interval.dividedBy(5)));
        }
        scheduler.start();
        out.println("STARTED " + owner + " " + ProcessHandle.current().pid());
        while (stdin.read() >= 0) {
            // Runs until the parent closes stdin (or kills it).
        }
        scheduler.shutdown(Duration.ofSeconds(10));
        httpThreads.shutdownNow();
        emf.close();
        out.println("BYE");
    }
}
