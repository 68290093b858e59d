package io.cathalog.jpa;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Many accounts on one, two or three instances (each its own JVM, {@link ScaleBenchInstance}),
 * sharing a PostgreSQL schema and one sandbox in this process, on a simulated clock {@code speed}
 * times faster than the wall clock (the sandbox enforces Bling's 3 requests a second per account
 * in that time; every limiter paces at 2.85). Every account's catalog has {@code products}
 * products; every account's incremental run is due every 15 minutes (plus up to 1 minute of
 * jitter). The first syncs fill the accounts; the runs measured are those that start after every
 * account has completed its first. Not a test: run by hand (docs/benchmarks.md).
 *
 * <p>Arguments: accounts, products, instances, speed, simulated minutes, concurrent runs per instance.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(args[0]);
        int products = Integer.parseInt(args[1]);
        int instances = Integer.parseInt(args[2]);
        double speed = Double.parseDouble(args[3]);
        long minutes = Long.parseLong(args[4]);
        int runs = Integer.parseInt(args[5]);
        long realStart = System.currentTimeMillis() + 2_000;
        long simStart = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        Clock clock = ScaleBenchInstance.fastClock(simStart, realStart, speed);
        Path dir = Files.createTempDirectory("cathalog-scale");

        BlingSandbox.Builder b = BlingSandbox.builder().clock(clock).enforceIpBlocks(false)
                .accessTokenLifetime(Duration.ofDays(60)).requestLogCapacity(3_000_000);
        for (int i = 1; i <= instances; i++) {
            b.app(OAuthApp.withAllScopes("instance-" + i, "instance-" + i + "-secret-0123456789abcdef",
                    URI.create("http://127.0.0.1:1/cb")));
        }
        for (int i = 0; i < accounts; i++) {
            b.account(ScaleInstance.accountId(i), "Conta " + i);
        }
        try (TestDatabase db = TestDatabase.postgres(); BlingSandbox bling = b.start()) {
            List<Process> children = new ArrayList<>();
            List<Path> reports = new ArrayList<>();
            for (int n = 1; n <= instances; n++) {
                String owner = "instance-" + n;
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < accounts; i++) {
                    lines.add(ScaleInstance.accountId(i) + " " + products + " "
                            + bling.issueTokens(owner, ScaleInstance.accountId(i)).accessToken());
                }
                Path file = dir.resolve(owner + ".accounts");
                Files.write(file, lines);
                Path report = dir.resolve(owner + ".report");
                reports.add(report);
                String java = ProcessHandle.current().info().command().orElse("java");
                ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                        ScaleBenchInstance.class.getName(), db.url + "&ApplicationName=" + owner, db.user,
                        bling.baseUrl().toString(), owner, file.toString(), Long.toString(simStart),
                        Long.toString(realStart), Double.toString(speed), Long.toString(minutes), Integer.toString(runs),
                        report.toString()));
                pb.environment().put("CATHALOG_CHILD_DB_PASSWORD", db.password);
                pb.redirectError(dir.resolve(owner + ".log").toFile());
                pb.redirectOutput(dir.resolve(owner + ".out").toFile());
                children.add(pb.start());
            }
            System.out.println("scale benchmark: " + accounts + " accounts x " + products + " products, " + instances
                    + " instance(s), simulated clock x" + speed + ", " + minutes + " simulated minutes; logs in " + dir);
            Map<String, Integer> maxConnections = new TreeMap<>();
            try (Connection c = db.connect()) {
                while (children.stream().anyMatch(Process::isAlive)) {
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                            "select application_name, count(*) from pg_stat_activity where application_name like 'instance-%'"
                                    + " group by application_name")) {
                        while (r.next()) {
                            maxConnections.merge(r.getString(1), r.getInt(2), Math::max);
                        }
                    }
                    Thread.sleep(500);
                }
            }
            for (Process p : children) {
                p.waitFor(1, TimeUnit.MINUTES);
            }
            report(reports, maxConnections, bling, accounts, speed);
        }
    }

    record Run(String instance, String account, long start, long end, String outcome, long requests) {
    }

    private static void report(List<Path> reports, Map<String, Integer> connections, BlingSandbox bling, int accounts,
                               double speed) throws Exception {
        List<Run> all = new ArrayList<>();
        Map<String, Map<String, Long>> stats = new TreeMap<>();
        for (Path p : reports) {
            String instance = p.getFileName().toString().replace(".report", "");
            for (String line : Files.readAllLines(p)) {
                String[] f = line.split(" ");
                if (f[0].equals("RUN")) {
                    all.add(new Run(instance, f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], Long.parseLong(f[5])));
                } else {
                    stats.computeIfAbsent(instance, k -> new TreeMap<>()).put(f[1], Long.parseLong(f[2]));
                }
            }
        }
        // The first syncs end at the last first-run end; the runs measured start after it.
        Map<String, Long> firstEnd = new HashMap<>();
        for (Run r : all) {
            if (r.outcome.startsWith("COMPLETED")) {
                firstEnd.merge(r.account, r.end, Math::min);
            }
        }
        long seeded = firstEnd.values().stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
        System.out.printf("accounts with a completed first sync: %d of %d; the last at %s simulated%n",
                firstEnd.size(), accounts, Instant.ofEpochMilli(seeded));
        List<Run> measured = all.stream().filter(r -> r.start > seeded).toList();
        Map<String, List<Run>> byAccount = new TreeMap<>();
        all.stream().sorted(java.util.Comparator.comparingLong(Run::start))
                .forEach(r -> byAccount.computeIfAbsent(r.account, k -> new ArrayList<>()).add(r));
        long worstGap = 0;
        int accountsMeasured = 0;
        for (List<Run> runs : byAccount.values()) {
            boolean any = false;
            for (int k = 1; k < runs.size(); k++) {
                if (runs.get(k).start > seeded) {
                    worstGap = Math.max(worstGap, runs.get(k).start - runs.get(k - 1).end);
                    any = true;
                }
            }
            accountsMeasured += any ? 1 : 0;
        }
        long[] latency = measured.stream().mapToLong(r -> r.end - r.start).sorted().toArray();
        long notCompleted = measured.stream().filter(r -> !r.outcome.startsWith("COMPLETED")).count();
        long requests = measured.stream().mapToLong(Run::requests).sum();
        System.out.printf("runs measured: %d (%d not completed), %d accounts with a measured run, %d requests%n",
                measured.size(), notCompleted, accountsMeasured, requests);
        if (latency.length > 0) {
            System.out.printf("run latency (simulated): p50 %.1f s, p99 %.1f s, max %.1f s%n",
                    latency[latency.length / 2] / 1000.0, latency[(int) Math.min(latency.length - 1, latency.length * 0.99)] / 1000.0,
                    latency[latency.length - 1] / 1000.0);
        }
        System.out.printf("longest time from a run's end to the account's next run's start: %.1f s simulated "
                + "(interval 900 s + jitter up to 60 s)%n", worstGap / 1000.0);
        Instant from = Instant.ofEpochMilli(seeded);
        long measuredRequests = bling.requestLog().entries().stream().filter(r -> r.at().isAfter(from)).count();
        long measured429 = bling.requestLog().entries().stream().filter(r -> r.at().isAfter(from) && r.status() == 429)
                .count();
        System.out.printf("HTTP 429 answered by the sandbox: %d of %d requests (after the first syncs: %d of %d)%n",
                bling.requestLog().countWithStatus(429), bling.requestLog().size(), measured429, measuredRequests);
        System.out.println();
        System.out.println("| instance | runs (all) | heap live, no account | heap live, accounts registered | per idle account "
                + "| heap live at end | heap peak (pools) | threads ours, peak | JVM threads, peak | DB connections, peak (pool) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Map<String, Long>> e : stats.entrySet()) {
            Map<String, Long> s = e.getValue();
            long runs = all.stream().filter(r -> r.instance.equals(e.getKey())).count();
            System.out.printf("| %s | %d | %.1f MB | %.1f MB | %d bytes | %.1f MB | %.1f MB | %d | %d | %d (%d) |%n", e.getKey(),
                    runs, mb(s.get("heapBeforeAccounts")), mb(s.get("heapAccountsRegistered")),
                    (s.get("heapAccountsRegistered") - s.get("heapBeforeAccounts")) / accounts,
                    mb(s.get("heapLiveAtEnd")), mb(s.get("heapPoolsPeak")), s.get("threadsOursPeak"),
                    s.get("threadsJvmPeak"), connections.getOrDefault(e.getKey(), 0), s.get("dbPool"));
        }
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
