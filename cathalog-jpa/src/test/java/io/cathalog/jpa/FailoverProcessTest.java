package io.cathalog.jpa;

import io.cathalog.bling.BlingPacing;
import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Three instance processes share PostgreSQL and one sandbox (in this process, over a socket) with
 * 30 accounts; the instance syncing the one large account is killed (SIGKILL) in the middle of
 * that run; another takes the account over once the lease has expired and finishes. Each instance
 * uses its own OAuth app, which the sandbox records on every request, so its request log shows who
 * wrote each account: one writer at a time, never the killed one again, and every account ends as
 * an uninterrupted sync leaves it, without a duplicate. Skipped without {@code CATHALOG_PG_URL}.
 */
@EnabledIfEnvironmentVariable(named = "CATHALOG_PG_URL", matches = ".+",
        disabledReason = "needs PostgreSQL: set CATHALOG_PG_URL, CATHALOG_PG_USER, CATHALOG_PG_PASSWORD")
class FailoverProcessTest {
    static final int ACCOUNTS = 30;
    static final int SMALL = 6;
    static final int LARGE = 200;
    static final Duration TTL = Duration.ofSeconds(4);
    static final Duration INTERVAL = Duration.ofSeconds(3);
    static final double RATE = 15;
    /** Concurrent runs per instance: one below its connection pool (4), which the lease renewals share. */
    static final int RUNS = 3;
    static final List<String> INSTANCES = List.of("instance-a", "instance-b", "instance-c");

    static BlingSandbox.Builder sandbox() {
        BlingSandbox.Builder b = BlingSandbox.builder().requestsPerSecond(20).enforceIpBlocks(false)
                .accessTokenLifetime(Duration.ofDays(1));
        INSTANCES.forEach(i -> b.app(OAuthApp.withAllScopes(i, i + "-secret-0123456789abcdef",
                URI.create("http://127.0.0.1:1/cb"))));
        return b;
    }

    static int products(int account) {
        return account == 0 ? LARGE : SMALL;
    }

    @Test
    void anInstanceKilledMidRunIsTakenOverAfterItsLeaseAndEveryAccountEndsAsAnUninterruptedSyncLeavesIt()
            throws Exception {
        Map<Integer, List<String>> reference = new LinkedHashMap<>();
        for (int size : List.of(SMALL, LARGE)) {
            reference.put(size, uninterrupted(size));
        }

        BlingSandbox.Builder b = sandbox();
        for (int i = 0; i < ACCOUNTS; i++) {
            b.account(ScaleInstance.accountId(i), "Conta " + i);
        }
        try (TestDatabase db = TestDatabase.postgres(); BlingSandbox bling = b.start()) {
            List<Process> processes = new ArrayList<>();
            Map<String, Process> byOwner = new LinkedHashMap<>();
            try {
                for (String owner : INSTANCES) {
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < ACCOUNTS; i++) {
                        lines.add(ScaleInstance.accountId(i) + " " + products(i) + " "
                                + bling.issueTokens(owner, ScaleInstance.accountId(i)).accessToken());
                    }
                    Path logs = Path.of("target", "failover-logs");
                    Files.createDirectories(logs);
                    Process p = start(db, bling, owner, logs.resolve(owner + ".log"));
                    // The tokens go through the child's standard input, never into a file (CI's
                    // secrets scan reads everything the tests leave in target/).
                    // A blank line ends the list; the stream stays open (its end stops the child).
                    p.getOutputStream().write((String.join("\n", lines) + "\n\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    p.getOutputStream().flush();
                    processes.add(p);
                    byOwner.put(owner, p);
                }
                // Each instance tells every lease it acquires (after the commit, before its run writes).
                List<Acquired> acquired = new java.util.concurrent.CopyOnWriteArrayList<>();
                for (Map.Entry<String, Process> e : byOwner.entrySet()) {
                    BufferedReader from = new BufferedReader(new InputStreamReader(e.getValue().getInputStream(),
                            StandardCharsets.UTF_8));
                    assertThat(from.readLine()).as("an instance started").startsWith("STARTED ");
                    Thread reader = new Thread(() -> {
                        try {
                            for (String line; (line = from.readLine()) != null; ) {
                                String[] f = line.split(" ");
                                if (f[0].equals("ACQUIRED")) {
                                    acquired.add(new Acquired(f[1].substring("sync:".length()), e.getKey(),
                                            Long.parseLong(f[2]), Instant.ofEpochMilli(Long.parseLong(f[3]))));
                                }
                            }
                        } catch (IOException gone) {
                            // the process ended
                        }
                    });
                    reader.setDaemon(true);
                    reader.start();
                }

                // The large account's first sync: kill its writer a third of the way through.
                String large = ScaleInstance.accountId(0);
                List<RecordedRequest> writes = awaitWrites(bling, large, LARGE / 3);
                String victim = writes.get(writes.size() - 1).clientId().orElseThrow();
                byOwner.get(victim).destroyForcibly(); // SIGKILL
                assertThat(byOwner.get(victim).waitFor(10, TimeUnit.SECONDS)).isTrue();
                Instant killedAt = Instant.now();
                int writtenBeforeKill = writes(bling, large).size();

                // Every account, the large one included, ends as an uninterrupted sync leaves it.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
                while (!allMatch(bling, reference) && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                for (int i = 0; i < ACCOUNTS; i++) {
                    List<String> contents = bling.account(ScaleInstance.accountId(i)).contents();
                    assertThat(contents).as("account %d", i).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(reference.get(products(i)));
                }

                // One writer at a time per account: every write in the sandbox's log was made by the
                // instance that had acquired the account's lease last (a lease taken over after
                // expiry included), never by an earlier holder.
                int checked = 0;
                for (int i = 0; i < ACCOUNTS; i++) {
                    String account = ScaleInstance.accountId(i);
                    List<Acquired> mine = acquired.stream().filter(a -> a.account.equals(account))
                            .sorted(java.util.Comparator.comparing(Acquired::at)).toList();
                    for (RecordedRequest w : writes(bling, account)) {
                        Optional<Acquired> holder = mine.stream().filter(a -> !a.at.isAfter(w.at()))
                                .reduce((x, y) -> y);
                        assertThat(holder).as("account %d: a lease was acquired before the write %s", i, w).isPresent();
                        assertThat(w.clientId()).as("account %d: %s %s at %s, lease holder since %s", i, w.method(),
                                w.path(), w.at(), holder.get()).contains(holder.get().owner);
                        checked++;
                    }
                    for (int k = 1; k < mine.size(); k++) {
                        // A holder whose release failed takes its own lease again with the same fence.
                        Acquired before = mine.get(k - 1);
                        Acquired after = mine.get(k);
                        assertThat(after.fence > before.fence || after.fence == before.fence && after.owner.equals(before.owner))
                                .as("account %d: %s after %s", i, after, before).isTrue();
                    }
                }
                assertThat(checked).isGreaterThan(ACCOUNTS * SMALL);
                List<RecordedRequest> all = writes(bling, large);
                List<String> turns = writerTurns(all);
                assertThat(turns).as("the large account: the killed instance, then one that took it over")
                        .startsWith(victim).hasSizeGreaterThanOrEqualTo(2);
                assertThat(turns.subList(1, turns.size())).doesNotContain(victim);
                assertThat(writtenBeforeKill).as("killed in the middle of the run").isLessThan(all.size() / 2);
                RecordedRequest lastOfVictim = all.stream().filter(r -> r.clientId().orElseThrow().equals(victim))
                        .reduce((x, y) -> y).orElseThrow();
                RecordedRequest firstOfTaker = all.stream().filter(r -> !r.clientId().orElseThrow().equals(victim))
                        .findFirst().orElseThrow();
                assertThat(lastOfVictim.at()).isBefore(killedAt);
                // The taker waited for the lease to run out: renewed at most a third of it before the last write.
                assertThat(Duration.between(lastOfVictim.at(), firstOfTaker.at()))
                        .as("the taker's first write comes after the killed instance's lease expired")
                        .isGreaterThan(TTL.multipliedBy(2).dividedBy(3).minusMillis(200));
                System.out.printf("failover: %d of %d writes of the large account by %s before SIGKILL; %s took over "
                                + "%d ms after its last write%n", writtenBeforeKill, all.size(), victim, turns.get(1),
                        Duration.between(lastOfVictim.at(), firstOfTaker.at()).toMillis());
            } finally {
                for (Process p : processes) {
                    p.getOutputStream().close(); // a clean shutdown for those still alive
                }
                for (Process p : processes) {
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }
        }
    }

    /** An instance acquired an account's lease with a fence, at a time. */
    record Acquired(String account, String owner, long fence, Instant at) {
    }

    /** The account as one sync, never interrupted, in this process with an in-memory state, leaves it. */
    private static List<String> uninterrupted(int products) {
        String account = ScaleInstance.accountId(999);
        try (BlingSandbox bling = sandbox().account(account, "Referência").start()) {
            BlingClient client = BlingClient.builder().baseUrl(bling.baseUrl())
                    .tokens(AccessTokenProvider.fixed(bling.issueTokens(INSTANCES.get(0), account).accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(19)
                            .window(19, Duration.ofSeconds(1), Duration.ZERO).build())
                    .build();
            SyncEngine engine = SyncEngine.builder().account(account).source(ScaleInstance.source(products))
                    .remote(new BlingCatalogRemote(client)).state(new InMemorySyncStateStore()).build();
            assertThat(engine.sync(PlanOptions.defaults()).counts().getOrDefault(Outcome.FAILED, 0L)).isZero();
            return bling.account(account).contents();
        }
    }

    private static boolean allMatch(BlingSandbox bling, Map<Integer, List<String>> reference) {
        for (int i = 0; i < ACCOUNTS; i++) {
            List<String> c = new ArrayList<>(bling.account(ScaleInstance.accountId(i)).contents());
            List<String> want = new ArrayList<>(reference.get(products(i)));
            c.sort(null);
            want.sort(null);
            if (!c.equals(want)) {
                return false;
            }
        }
        return true;
    }

    private static List<RecordedRequest> writes(BlingSandbox bling, String account) {
        return bling.requestLog().forAccount(account).stream().filter(RecordedRequest::write).toList();
    }

    /** The writers of an account in the order they wrote, each turn once: A A B B B gives [A, B]. */
    private static List<String> writerTurns(List<RecordedRequest> writes) {
        List<String> turns = new ArrayList<>();
        for (RecordedRequest r : writes) {
            String who = r.clientId().orElse("?");
            if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(who)) {
                turns.add(who);
            }
        }
        return turns;
    }

    private static List<RecordedRequest> awaitWrites(BlingSandbox bling, String account, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150); // slow only on a loaded machine
        List<RecordedRequest> w = writes(bling, account);
        while (w.size() < n) {
            assertThat(System.nanoTime()).as("%d writes of the large account", n).isLessThan(deadline);
            Thread.sleep(20);
            w = writes(bling, account);
        }
        return w;
    }

    private static Process start(TestDatabase db, BlingSandbox bling, String owner, Path log)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx192m", "-cp", System.getProperty("java.class.path"),
                ScaleInstanceProcess.class.getName(), db.url, db.user, bling.baseUrl().toString(), owner,
                "-", Long.toString(TTL.toMillis()), Long.toString(INTERVAL.toMillis()),
                Double.toString(RATE), Integer.toString(RUNS)));
        pb.environment().put("CATHALOG_CHILD_DB_PASSWORD", db.password);
        pb.redirectError(log.toFile());
        return pb.start();
    }
}
