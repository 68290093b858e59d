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
 * sharing a PostgreSQL schema and one sandbox in this process, on a simulated clock faster than the
 * wall clock (the sandbox enforces Bling's 3 requests a second per account in that time; every
 * limiter paces at 2.85). Every account's catalog has {@code products} products; every account's
 * incremental run is due every 15 minutes (plus up to 1 minute of jitter). With {@code seed} the
 * sandbox's accounts first get the products their catalogs describe ({@link ScaleSeed}), so the
 * first runs adopt them; with {@code seed+adopt} this process then runs every account's adopting
 * first sync itself, unpaced, into the shared schema ({@link ScaleSeed#adopt}), so that the phases
 * start from accounts that have completed their first run. Then the phases, one after the other on the same sandbox and schema, each
 * with its instances started afresh and the simulated clock going on from the previous phase:
 * {@code instances:speed:first} runs until every account has completed a run,
 * {@code instances:speed:minutes} for that many simulated minutes. For each phase it prints the
 * runs, the requests, the 429s with their evidence (each one's four requests: permit, send and
 * arrival on the one simulated clock), the retries, one writer per account, and per instance heap,
 * threads and database connections. Not a test: run by hand (docs/benchmarks.md).
 *
 * <p>Arguments: accounts, products ({@code 1000}, or {@code 1000x50+100}: the first 50 accounts 1 000
 * products, the others 100), concurrent runs per instance, {@code seed}, {@code seed+adopt} or
 * {@code noseed}, phases. System properties: {@code scale.waitFor} (a file to wait for before the
 * phases) and {@code scale.childClasspath} (the instances' classpath, when it differs from this
 * process's).
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 4 && args[4].contains(":")) {
            phased(args);
            return;
        }
        throw new IllegalArgumentException("arguments: accounts products runs seed|noseed phase... "
                + "(phase = instances:speed:minutes, or instances:speed:first to run until every account completed a run)");
    }

    /**
     * Phases on one sandbox and one schema: e.g. {@code 1:10:first} (one instance at ten times the
     * wall clock until every account has completed its first run), then {@code 1:2:32},
     * {@code 2:2:32}, {@code 3:2:32} (one, two, three instances for 32 simulated minutes at twice the
     * wall clock). Each phase starts its instances afresh; the simulated clock goes on from where the
     * previous phase left it.
     */
    private static void phased(String[] args) throws Exception {
        int accounts = Integer.parseInt(args[0]);
        // "1000" or "1000x50+100": the first 50 accounts with 1 000 products, the others with 100.
        int bigProducts;
        int bigAccounts;
        int products;
        if (args[1].contains("x")) {
            String[] big = args[1].split("\\+")[0].split("x");
            bigProducts = Integer.parseInt(big[0]);
            bigAccounts = Integer.parseInt(big[1]);
            products = Integer.parseInt(args[1].split("\\+")[1]);
        } else {
            bigProducts = products = Integer.parseInt(args[1]);
            bigAccounts = 0;
        }
        java.util.function.IntUnaryOperator productsOf = i -> i < bigAccounts ? bigProducts : products;
        int runs = Integer.parseInt(args[2]);
        // "seed": the sandbox's accounts hold their catalog, the first runs adopt it (a phase "first");
        // "seed+adopt": also the first runs, in this process, unpaced, before the phases.
        boolean seed = args[3].startsWith("seed");
        boolean adopt = args[3].equals("seed+adopt");
        List<String> phases = List.of(args).subList(4, args.length);
        int maxInstances = phases.stream().mapToInt(ph -> Integer.parseInt(ph.split(":")[0])).max().orElse(1);
        long simStart = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        // Fixed while the accounts are seeded; each phase sets the formula its instances run.
        java.util.concurrent.atomic.AtomicReference<Clock> time = new java.util.concurrent.atomic.AtomicReference<>(
                Clock.fixed(Instant.ofEpochMilli(simStart), java.time.ZoneOffset.UTC));
        Clock clock = following(time);
        Path dir = Files.createTempDirectory("cathalog-scale");

        BlingSandbox.Builder b = BlingSandbox.builder().clock(clock).enforceIpBlocks(false)
                .accessTokenLifetime(Duration.ofDays(60)).requestLogCapacity(3_000_000);
        for (int i = 1; i <= maxInstances; i++) {
            b.app(OAuthApp.withAllScopes("instance-" + i, "instance-" + i + "-secret-0123456789abcdef",
                    URI.create("http://127.0.0.1:1/cb")));
        }
        for (int i = 0; i < accounts; i++) {
            b.account(ScaleInstance.accountId(i), "Conta " + i);
        }
        try (TestDatabase db = TestDatabase.postgres(); BlingSandbox bling = b.start()) {
            System.out.println("scale benchmark: " + accounts + " accounts (" + bigAccounts + " of " + bigProducts
                    + " products, the others " + products + "), phases " + phases
                    + ", " + runs + " concurrent runs per instance; logs in " + dir);
            if (seed) {
                long t0 = System.nanoTime();
                Map<Integer, ScaleSeed.Template> templates = new HashMap<>();
                for (int size : new java.util.TreeSet<>(List.of(products, bigProducts))) {
                    ScaleSeed.Template template = ScaleSeed.template(size);
                    templates.put(size, template);
                    System.out.println("seed template: " + template.categories().size() + " categories, "
                            + template.products().size() + " products, the engine's own first sync");
                    System.out.println(ScaleSeed.adoptionCheck(template, size));
                }
                java.util.stream.IntStream.range(0, accounts).parallel().forEach(i -> ScaleSeed.copyInto(
                        bling.account(ScaleInstance.accountId(i)), templates.get(productsOf.applyAsInt(i))));
                System.out.printf("seeded %d accounts through the sandbox's API in %.1f s%n", accounts,
                        (System.nanoTime() - t0) / 1e9);
            }
            long sim = simStart;
            if (adopt) {
                sim = adoptAll(bling, db, time, sim, accounts, productsOf);
            }
            // Optionally wait, before the phases, until a file exists (e.g. until the instances'
            // classes named by -Dscale.childClasspath are built).
            String gate = System.getProperty("scale.waitFor");
            if (gate != null) {
                System.out.println("waiting for " + gate + " before the phases");
                while (!Files.exists(Path.of(gate))) {
                    Thread.sleep(1000);
                }
            }
            String childClasspath = System.getProperty("scale.childClasspath", System.getProperty("java.class.path"));
            int phaseNo = 0;
            for (String phase : phases) {
                phaseNo++;
                String[] f = phase.split(":");
                int instances = Integer.parseInt(f[0]);
                double speed = Double.parseDouble(f[1]);
                boolean untilFirst = f[2].equals("first");
                long minutes = untilFirst ? 100_000 : Long.parseLong(f[2]);
                long realStart = System.currentTimeMillis() + 5_000;
                long phaseStart = sim;
                time.set(ScaleBenchInstance.fastClock(phaseStart, realStart, speed));
                System.out.println();
                System.out.printf("## phase %d: %d instance(s), simulated clock x%s, %s; simulated start %s, %s%n", phaseNo,
                        instances, f[1], untilFirst ? "until every account has completed a run" : minutes + " simulated minutes",
                        Instant.ofEpochMilli(phaseStart), Instant.now());
                List<Process> children = new ArrayList<>();
                List<Path> reports = new ArrayList<>();
                for (int n = 1; n <= instances; n++) {
                    String owner = "instance-" + n;
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < accounts; i++) {
                        lines.add(ScaleInstance.accountId(i) + " " + productsOf.applyAsInt(i) + " "
                                + bling.issueTokens(owner, ScaleInstance.accountId(i)).accessToken());
                    }
                    Path file = dir.resolve(owner + ".accounts");
                    Files.write(file, lines);
                    Path report = dir.resolve("p" + phaseNo + "-" + owner + ".report");
                    reports.add(report);
                    String java = ProcessHandle.current().info().command().orElse("java");
                    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", childClasspath,
                            ScaleBenchInstance.class.getName(), db.url + "&ApplicationName=" + owner, db.user,
                            bling.baseUrl().toString(), owner, file.toString(), Long.toString(phaseStart),
                            Long.toString(realStart), Double.toString(speed), Long.toString(minutes), Integer.toString(runs),
                            report.toString(), "1000000000", Double.toString(speed), untilFirst ? "first" : "window"));
                    pb.environment().put("CATHALOG_CHILD_DB_PASSWORD", db.password);
                    pb.redirectError(dir.resolve("p" + phaseNo + "-" + owner + ".log").toFile());
                    pb.redirectOutput(dir.resolve("p" + phaseNo + "-" + owner + ".out").toFile());
                    children.add(pb.start());
                }
                Map<String, Integer> maxConnections = new TreeMap<>();
                List<Double> loads = new ArrayList<>();
                CpuSampler cpu = new CpuSampler(children);
                int samples = 0;
                try (Connection c = db.connect()) {
                    while (children.stream().anyMatch(Process::isAlive)) {
                        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(
                                "select application_name, count(*) from pg_stat_activity where application_name like 'instance-%'"
                                        + " group by application_name")) {
                            while (r.next()) {
                                maxConnections.merge(r.getString(1), r.getInt(2), Math::max);
                            }
                        }
                        Thread.sleep(500);
                        if (untilFirst && samples % 4 == 0) {
                            java.util.Set<String> done = new java.util.HashSet<>();
                            for (Path r : reports) {
                                Path completed = Path.of(r + ".completed");
                                if (Files.exists(completed)) {
                                    try {
                                        done.addAll(Files.readAllLines(completed));
                                    } catch (java.io.IOException | java.io.UncheckedIOException e) {
                                        // being written: read it at the next look
                                    }
                                }
                            }
                            if (done.size() >= accounts) {
                                for (Path r : reports) {
                                    Files.writeString(Path.of(r + ".stop"), "");
                                }
                            }
                        }
                        if (++samples % 20 == 0) {
                            cpu.sample();
                            loads.add(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
                        }
                        if (samples % 240 == 0) {
                            System.out.println(Instant.now() + " simulated " + clock.instant() + ", load average "
                                    + Files.readString(Path.of("/proc/loadavg")).trim() + "; " + cpu.sample()
                                    + "; sandbox requests so far " + bling.requestLog().size());
                        }
                    }
                }
                for (Process p : children) {
                    p.waitFor(1, TimeUnit.MINUTES);
                }
                sim = clock.instant().toEpochMilli() + 1_000;
                time.set(Clock.fixed(Instant.ofEpochMilli(sim), java.time.ZoneOffset.UTC));
                System.out.printf("phase %d ended %s, simulated %s; load average (1 min) during the phase: min %.1f, "
                        + "median %.1f, max %.1f; CPU over the phase: %s%n", phaseNo, Instant.now(), Instant.ofEpochMilli(sim),
                        loads.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        loads.isEmpty() ? 0 : loads.stream().sorted().toList().get(loads.size() / 2),
                        loads.stream().mapToDouble(Double::doubleValue).max().orElse(0), cpu.total());
                java.util.Set<String> big = new java.util.HashSet<>();
                for (int i = 0; i < bigAccounts; i++) {
                    big.add(ScaleInstance.accountId(i));
                }
                report(reports, maxConnections, bling, accounts, phaseStart, !untilFirst, big);
            }
        }
    }

    /** A clock that reads whichever clock {@code time} holds (each phase sets its own formula). */
    private static Clock following(java.util.concurrent.atomic.AtomicReference<Clock> time) {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.get().instant();
            }
        };
    }

    /**
     * Every account's first run, in this process and not paced, into the benchmark's schema: the
     * engine's real adopting sync (it reads every product and records its id and snapshot), on a
     * simulated clock at a thousand times the wall clock so that the sandbox's per-second limit is
     * not met. Prints the requests and the writes (0 expected), and the state rows it left.
     *
     * @return the simulated instant after it, where the phases start
     */
    private static long adoptAll(BlingSandbox bling, TestDatabase db, java.util.concurrent.atomic.AtomicReference<Clock> time,
                                 long sim, int accounts, java.util.function.IntUnaryOperator productsOf) throws Exception {
        long t0 = System.nanoTime();
        time.set(ScaleBenchInstance.fastClock(sim, System.currentTimeMillis(), 1000));
        Clock clock = following(time);
        int threads = 4;
        int logBefore = bling.requestLog().size();
        jakarta.persistence.EntityManagerFactory emf = TestDatabase.factory(db.url + "&ApplicationName=adopt", db.user,
                db.password, "bench-adopt", threads + 2);
        java.util.concurrent.ExecutorService httpThreads = ScaleInstance.httpExecutor(2);
        java.net.http.HttpClient http = ScaleInstance.sharedHttpClient(httpThreads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            JpaSyncStateStore state = new JpaSyncStateStore(JpaTransactions.resourceLocal(emf));
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    io.cathalog.core.sync.ApplyReport r = ScaleSeed.adopt(bling, http, ScaleInstance.accountId(n),
                            productsOf.applyAsInt(n), state, clock, "instance-1");
                    if (r.hasFailures()) {
                        throw new IllegalStateException(ScaleInstance.accountId(n) + ": " + r.summary());
                    }
                    int k = done.incrementAndGet();
                    if (k % 50 == 0) {
                        System.out.printf("adopted %d accounts in %.0f s%n", k, (System.nanoTime() - t0) / 1e9);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            httpThreads.shutdownNow();
            emf.close();
        }
        List<io.cathalog.bling.sandbox.RecordedRequest> log = bling.requestLog().entries();
        long requests = log.size() - logBefore;
        long writes = log.stream().skip(logBefore).filter(io.cathalog.bling.sandbox.RecordedRequest::write).count();
        long after = clock.instant().toEpochMilli() + 1_000;
        time.set(Clock.fixed(Instant.ofEpochMilli(after), java.time.ZoneOffset.UTC));
        StringBuilder rows = new StringBuilder();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String table : List.of("cathalog_remote_id", "cathalog_snapshot", "cathalog_cursor", "cathalog_journal")) {
                try (ResultSet r = st.executeQuery("select count(*) from " + table)) {
                    r.next();
                    rows.append(table).append(' ').append(r.getLong(1)).append("; ");
                }
            }
        }
        System.out.printf("adopting first runs of %d accounts, in this process, unpaced: %d requests, %d writes, %.0f s; "
                + "state rows: %s%n", accounts, requests, writes, (System.nanoTime() - t0) / 1e9, rows);
        return after;
    }

    /**
     * CPU seconds used by the instances, by this process (the sandbox, the client's and the
     * server's side of every request) and by PostgreSQL's processes: where the time goes.
     */
    private static final class CpuSampler {
        private final List<Process> children;
        private final Map<String, Double> start;
        private final long t0 = System.nanoTime();

        CpuSampler(List<Process> children) {
            this.children = children;
            this.start = now();
        }

        /** The last CPU time seen per process: a process that has ended keeps its last sample. */
        private final Map<Long, Double> seen = new HashMap<>();
        private final java.util.Set<Long> pgPids = new java.util.HashSet<>();

        private double cpuSeen(long pid) {
            double v = cpu(pid);
            return seen.merge(pid, v, Math::max);
        }

        private Map<String, Double> now() {
            Map<String, Double> m = new TreeMap<>();
            m.put("instances", children.stream().mapToDouble(p -> cpuSeen(p.pid())).sum());
            m.put("sandbox", cpu(ProcessHandle.current().pid()));
            java.util.Set<Long> pgNow = new java.util.HashSet<>();
            double pg = 0;
            java.io.File[] procs = new java.io.File("/proc").listFiles();
            if (procs != null) {
                for (java.io.File f : procs) {
                    if (f.getName().chars().allMatch(Character::isDigit)) {
                        try {
                            if (Files.readString(f.toPath().resolve("comm")).trim().startsWith("postgres")) {
                                long pid = Long.parseLong(f.getName());
                                cpuSeen(pid);
                                pgNow.add(pid);
                                pgPids.add(pid);
                            }
                        } catch (Exception e) {
                            // a process that ended meanwhile
                        }
                    }
                }
            }
            for (long pid : pgPids) {
                pg += seen.getOrDefault(pid, 0.0);
            }
            m.put("postgres", pg);
            return m;
        }

        private static double cpu(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, in clock ticks
            } catch (Exception e) {
                return 0;
            }
        }

        String sample() {
            return total();
        }

        String total() {
            Map<String, Double> n = now();
            double wall = (System.nanoTime() - t0) / 1e9;
            StringBuilder sb = new StringBuilder();
            n.forEach((k, v) -> sb.append(String.format("%s %.0f s CPU (%.0f%% of a core) ", k, v - start.getOrDefault(k, 0.0),
                    100 * (v - start.getOrDefault(k, 0.0)) / wall)));
            return sb.append(String.format("over %.0f s", wall)).toString();
        }
    }

    record Run(String instance, String account, long start, long end, String outcome, long requests) {
    }

    private static void report(List<Path> reports, Map<String, Integer> connections, BlingSandbox bling, int accounts,
                               long phaseStart, boolean window, java.util.Set<String> big) throws Exception {
        List<Run> all = new ArrayList<>();
        Map<String, Map<String, Long>> stats = new TreeMap<>();
        for (Path p : reports) {
            String instance = p.getFileName().toString().replace(".report", "").replaceFirst("^p[0-9]+-", "");
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
        long lastFirst = firstEnd.values().stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
        System.out.printf("accounts with a completed run in this phase: %d of %d; the last account's first completed at %s "
                + "simulated (%.1f simulated minutes into the phase)%n", firstEnd.size(), accounts, Instant.ofEpochMilli(lastFirst),
                (lastFirst - phaseStart) / 60_000.0);
        if (!window) {
            long[] firsts = all.stream().filter(r -> r.outcome.startsWith("COMPLETED") && firstEnd.get(r.account) == r.end)
                    .mapToLong(r -> r.end - r.start).sorted().toArray();
            if (firsts.length > 0) {
                System.out.printf("first runs (adopting the seeded accounts), simulated: p50 %.1f s, p99 %.1f s, max %.1f s; "
                        + "requests %d%n", firsts[firsts.length / 2] / 1000.0,
                        firsts[(int) Math.min(firsts.length - 1, firsts.length * 0.99)] / 1000.0, firsts[firsts.length - 1] / 1000.0,
                        all.stream().mapToLong(Run::requests).sum());
            }
        }
        // A window phase measures every run of the phase (its instances start on accounts that
        // completed their first runs in an earlier phase); a first-run phase the runs after them.
        long seeded = window ? phaseStart : lastFirst;
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
        if (!big.isEmpty()) {
            for (boolean large : new boolean[] {true, false}) {
                long[] l = measured.stream().filter(r -> big.contains(r.account) == large).mapToLong(r -> r.end - r.start)
                        .sorted().toArray();
                if (l.length > 0) {
                    System.out.printf("run latency (simulated), %s accounts: p50 %.1f s, p99 %.1f s, max %.1f s (%d runs)%n",
                            large ? "large" : "small", l[l.length / 2] / 1000.0, l[(int) Math.min(l.length - 1, l.length * 0.99)] / 1000.0,
                            l[l.length - 1] / 1000.0, l.length);
                }
            }
            if (!window) {
                for (boolean large : new boolean[] {true, false}) {
                    long[] l = all.stream().filter(r -> big.contains(r.account) == large && r.outcome.startsWith("COMPLETED")
                            && firstEnd.get(r.account) == r.end).mapToLong(r -> r.end - r.start).sorted().toArray();
                    if (l.length > 0) {
                        System.out.printf("first runs, %s accounts (simulated): p50 %.1f s, p99 %.1f s, max %.1f s (%d)%n",
                                large ? "large" : "small", l[l.length / 2] / 1000.0,
                                l[(int) Math.min(l.length - 1, l.length * 0.99)] / 1000.0, l[l.length - 1] / 1000.0, l.length);
                    }
                }
            }
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
        Instant phaseFrom = Instant.ofEpochMilli(phaseStart);
        // The accounts' requests (not the instances' unauthenticated warm-up requests).
        List<io.cathalog.bling.sandbox.RecordedRequest> log = bling.requestLog().entries().stream()
                .filter(r -> r.accountId().isPresent()).toList();
        long phase429 = log.stream().filter(r -> r.at().isAfter(phaseFrom) && r.status() == 429).count();
        long phaseRequests = log.stream().filter(r -> r.at().isAfter(phaseFrom)).count();
        long measuredRequests = log.stream().filter(r -> r.at().isAfter(from)).count();
        long measured429 = log.stream().filter(r -> r.at().isAfter(from) && r.status() == 429).count();
        System.out.printf("HTTP 429 answered by the sandbox: %d of %d requests in this phase (in the measured runs' time: %d of %d)%n",
                phase429, phaseRequests, measured429, measuredRequests);
        long writes = bling.requestLog().entries().stream().filter(r -> r.write() && r.at().isAfter(phaseFrom)).count();
        System.out.printf("writes to the sandbox in this phase: %d%n", writes);
        evidence(reports, bling, phaseStart, all);
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

    /** One attempt as the instance saw it: its send (simulated ms), its end, the status, the attempt number. */
    record Send(long start, long end, int status, int attempt) {
    }

    /**
     * For every 429 the sandbox answered: the account's four requests in the sandbox's window (the
     * three it had accepted in the second before, and the refused one), each with the permit the
     * account's limiter gave it (the instance's record), its send and its arrival, all on the one
     * simulated clock. If the four permits lie within Bling's window the limiter broke the rule;
     * otherwise the requests left within the rule and arrived bunched. Then: every retry took a
     * permit of its own; and no account had two instances writing to it at once.
     */
    private static void evidence(List<Path> reports, BlingSandbox bling, long seeded, List<Run> runs) throws Exception {
        Map<String, List<Long>> permits = new HashMap<>();
        Map<String, List<Send>> sends = new HashMap<>();
        for (Path p : reports) {
            Path file = Path.of(p + ".requests");
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(" ");
                if (f[0].equals("P")) {
                    permits.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Long.parseLong(f[2]));
                } else {
                    sends.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Send(Long.parseLong(f[2]),
                            Long.parseLong(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])));
                }
            }
        }
        permits.values().forEach(java.util.Collections::sort);
        sends.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(Send::start)));
        Map<String, List<io.cathalog.bling.sandbox.RecordedRequest>> arrivals = new HashMap<>();
        for (io.cathalog.bling.sandbox.RecordedRequest r : bling.requestLog().entries()) {
            if (r.at().toEpochMilli() > seeded) {
                r.accountId().ifPresent(a -> arrivals.computeIfAbsent(a, k -> new ArrayList<>()).add(r));
            }
        }
        long total = permits.values().stream().mapToLong(List::size).sum();
        long arrived = arrivals.values().stream().mapToLong(List::size).sum();
        System.out.printf("evidence: %d permits recorded by the instances, %d API requests in the sandbox's log%n", total, arrived);
        int limiterBroke = 0;
        int bunched = 0;
        int unmatched = 0;
        List<Long> firstDelay = new ArrayList<>();
        List<Long> firstGuard = new ArrayList<>();
        List<Long> excess = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, List<io.cathalog.bling.sandbox.RecordedRequest>> e : arrivals.entrySet()) {
            List<io.cathalog.bling.sandbox.RecordedRequest> log = e.getValue();
            List<Long> ps = permits.getOrDefault(e.getKey(), List.of());
            List<Send> ss = sends.getOrDefault(e.getKey(), List.of());
            for (int k = 0; k < log.size(); k++) {
                if (log.get(k).status() != 429) {
                    continue;
                }
                long a4 = log.get(k).at().toEpochMilli();
                List<Long> accepted = new ArrayList<>();
                for (int j = k - 1; j >= 0 && accepted.size() < 3; j--) {
                    long at = log.get(j).at().toEpochMilli();
                    if (log.get(j).status() != 429 && at > a4 - 1000) {
                        accepted.add(0, at);
                    }
                }
                if (accepted.size() < 3) {
                    unmatched++;
                    continue;
                }
                long[] a = {accepted.get(0), accepted.get(1), accepted.get(2), a4};
                long[] p = new long[4];
                long[] sent = new long[4];
                boolean ok = true;
                for (int i = 0; i < 4; i++) {
                    p[i] = latestAtOrBefore(ps, a[i]);
                    Send s = null;
                    for (Send x : ss) {
                        if (x.start() <= a[i]) {
                            s = x;
                        } else {
                            break;
                        }
                    }
                    sent[i] = s == null ? Long.MIN_VALUE : s.start();
                    ok &= p[i] != Long.MIN_VALUE;
                }
                if (!ok) {
                    unmatched++;
                    continue;
                }
                if (p[3] - p[0] < 1000) {
                    limiterBroke++;
                    System.out.println("  LIMITER " + e.getKey() + " permits " + java.util.Arrays.toString(p) + " arrivals "
                            + java.util.Arrays.toString(a));
                } else {
                    bunched++;
                }
                firstDelay.add(a[0] - p[0]);
                firstGuard.add(sent[0] - p[0]);
                excess.add((a[0] - p[0]) - (a[3] - p[3]));
                if (shown++ < 6) {
                    StringBuilder line = new StringBuilder("  429 " + e.getKey() + " at +" + (a4 - seededOr(seeded)) + " ms:");
                    for (int i = 0; i < 4; i++) {
                        line.append(String.format(" [permit %d, sent +%d, arrived +%d]", p[i] - p[0], sent[i] - p[i],
                                a[i] - p[i]));
                    }
                    line.append(" permits span ").append(p[3] - p[0]).append(" ms, arrivals span ").append(a4 - a[0]).append(" ms");
                    System.out.println(line);
                }
            }
        }
        System.out.printf("429s: %d with the four permits within 1 s (the limiter broke the rule), %d with the permits "
                + "1 s or more apart (bunched between permit and arrival), %d not matched%n", limiterBroke, bunched, unmatched);
        if (!firstDelay.isEmpty()) {
            System.out.println("  the window's first request, permit to arrival (simulated ms): " + summary(firstDelay)
                    + "; of which permit to send (the lease guard): " + summary(firstGuard)
                    + "; its delay minus the refused request's: " + summary(excess));
        }
        // Every delay between permit and arrival, all requests (not only the 429s): what the margin must cover.
        List<Long> all = new ArrayList<>();
        List<Long> guard = new ArrayList<>();
        for (Map.Entry<String, List<io.cathalog.bling.sandbox.RecordedRequest>> e : arrivals.entrySet()) {
            List<Long> ps = permits.getOrDefault(e.getKey(), List.of());
            List<Send> ss = sends.getOrDefault(e.getKey(), List.of());
            int si = 0;
            for (io.cathalog.bling.sandbox.RecordedRequest r : e.getValue()) {
                long at = r.at().toEpochMilli();
                long p = latestAtOrBefore(ps, at);
                if (p != Long.MIN_VALUE) {
                    all.add(at - p);
                    while (si + 1 < ss.size() && ss.get(si + 1).start() <= at) {
                        si++;
                    }
                    if (!ss.isEmpty() && ss.get(si).start() <= at) {
                        guard.add(ss.get(si).start() - p);
                    }
                }
            }
        }
        System.out.println("every request, permit to arrival (simulated ms): " + summary(all) + "; permit to send: " + summary(guard));
        // Retries: each attempt after the first took a permit after the previous attempt ended.
        int retries = 0;
        int retriesWithPermit = 0;
        for (Map.Entry<String, List<Send>> e : sends.entrySet()) {
            List<Long> ps = permits.getOrDefault(e.getKey(), List.of());
            List<Send> ss = e.getValue();
            for (int i = 1; i < ss.size(); i++) {
                if (ss.get(i).attempt() > 1) {
                    retries++;
                    long prevEnd = ss.get(i - 1).end();
                    long p = latestAtOrBefore(ps, ss.get(i).start());
                    if (p >= prevEnd - 1) {
                        retriesWithPermit++;
                    }
                }
            }
        }
        System.out.printf("retries: %d, of which %d took a permit after the previous attempt's answer%n", retries, retriesWithPermit);
        // One writer at a time: no two instances' runs of an account overlap, and every request
        // the sandbox saw came from the instance whose run was on at that moment.
        Map<String, List<Run>> byAccount = new HashMap<>();
        runs.forEach(r -> byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r));
        int overlaps = 0;
        int outside = 0;
        int checked = 0;
        for (Map.Entry<String, List<Run>> e : byAccount.entrySet()) {
            List<Run> rs = e.getValue();
            rs.sort(java.util.Comparator.comparingLong(Run::start));
            for (int i = 1; i < rs.size(); i++) {
                if (rs.get(i).start() < rs.get(i - 1).end() && !rs.get(i).instance().equals(rs.get(i - 1).instance())) {
                    overlaps++;
                }
            }
            long lastEnd = rs.stream().mapToLong(Run::end).max().orElse(0);
            for (io.cathalog.bling.sandbox.RecordedRequest r : arrivals.getOrDefault(e.getKey(), List.of())) {
                long at = r.at().toEpochMilli();
                if (at > lastEnd || r.clientId().isEmpty()) {
                    continue; // a run still on when the instances stopped has no record
                }
                checked++;
                String who = r.clientId().get();
                if (rs.stream().noneMatch(x -> x.instance().equals(who) && x.start() <= at && at <= x.end())) {
                    outside++;
                }
            }
        }
        System.out.printf("one writer at a time: %d overlapping runs of one account on two instances; %d of %d requests "
                + "not inside a run of the instance that sent them%n", overlaps, outside, checked);
    }

    private static long seededOr(long seeded) {
        return seeded == Long.MAX_VALUE ? 0 : seeded;
    }

    private static long latestAtOrBefore(List<Long> sorted, long t) {
        int i = java.util.Collections.binarySearch(sorted, t);
        if (i >= 0) {
            while (i + 1 < sorted.size() && sorted.get(i + 1) == t) {
                i++;
            }
            return sorted.get(i);
        }
        int ins = -i - 1;
        return ins == 0 ? Long.MIN_VALUE : sorted.get(ins - 1);
    }

    private static String summary(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %d, p99 %d, max %d (n %d)", v[v.length / 2], v[(int) Math.min(v.length - 1, v.length * 0.99)],
                v[v.length - 1], v.length);
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
