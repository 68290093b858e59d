package io.cathalog.bling.bench;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap of a first sync of N products (categorise, fill the brand, link every product to two
 * stores) against the sandbox with its limits scaled up: no per-second or daily limit, IP blocks
 * not enforced, and a client limiter that never waits.
 *
 * <p>The sandbox's command line cannot seed N products or switch its limits off, so the sandbox
 * runs here and the engine runs in a child JVM started with {@code -Xmx}: the measured JVM holds
 * the engine, the Bling client and an {@link InMemorySyncStateStore}, and nothing of the sandbox.
 * In the child: heap used ({@code Runtime}, total minus free) sampled every 20 ms; the heap left
 * after every GC, from the child's own GC log ({@code -Xlog:gc}); and, by a forced full GC, the
 * live heap when the plan is made (in the {@code proceed} hook of
 * {@link SyncEngine#sync(PlanOptions, java.util.function.Predicate)}, which applies the plan
 * without observing again, as {@code sync(options)} does) and after the sync, with the engine and
 * its state still held; a class histogram is printed at both. The module does not read
 * {@code java.management}, so the benchmark does without the management beans.
 *
 * <p>Run: {@code mvn -B -q -pl cathalog-bling exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cathalog.bling.bench.MemoryBenchmark -Dexec.args="100000 512m"}
 * (products, the engine JVM's {@code -Xmx}); {@code -Dbench.routes=true} also prints requests by route.
 */
public final class MemoryBenchmark {
    private static final String RESULT = "@result ";
    private static final double MB = 1024 * 1024;
    /** A G1 or Parallel GC log line: {@code ... Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 12.3ms}. */
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /** Kept so the logger configuration is not collected: one INFO line per change would drown the table. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.cathalog");

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String xmx = args.length > 1 ? args[1] : "512m";
        Path gcLog = Files.createTempFile("membench-gc-", ".log");
        try (BlingSandbox sandbox = BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false)
                .dailyQuota(1_000_000_000L).requestLogCapacity(Math.max(200_000, products * 6)).start()) {
            long seedStart = System.nanoTime();
            BenchAccount.Stores stores = BenchAccount.seed(sandbox, products);
            System.out.printf(Locale.ROOT, "seeded %d products in %.1f s; engine JVM: -Xmx%s, GC log %s%n", products,
                    (System.nanoTime() - seedStart) / 1e9, xmx, gcLog);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + xmx, "-Xlog:gc:file=" + gcLog, "-cp", classPath(), Engine.class.getName(),
                    sandbox.baseUrl().toString(), sandbox.issueTokens().accessToken(), sandbox.defaultAccountId(),
                    Long.toString(stores.mercadoLivre()), Long.toString(stores.shopee()));
            sandbox.resetRequestLog();
            long start = System.nanoTime();
            Process engine = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Map<String, String> results = new ConcurrentHashMap<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(RESULT)) {
                        String[] kv = line.substring(RESULT.length()).split(" ", 2);
                        results.put(kv[0], kv.length > 1 ? kv[1] : "");
                    } else {
                        System.out.println("  [engine] " + line);
                    }
                }
            }
            int exit = engine.waitFor();
            double processSeconds = (System.nanoTime() - start) / 1e9;
            long requests = sandbox.requestLog().size();
            long writes = sandbox.requestLog().writes().size();
            GcSummary gc = GcSummary.of(gcLog);

            System.out.println();
            System.out.printf(Locale.ROOT, "%-9s %-6s %-10s %-9s %-8s %-8s %-8s %-10s %-8s %-9s %-12s%n",
                    "products", "Xmx", "completed", "requests", "writes", "sync s", "peak MB", "afterGC MB",
                    "plan MB", "after MB", "GCs (full)");
            System.out.printf(Locale.ROOT, "%-9d %-6s %-10s %-9d %-8d %-8s %-8s %-10.0f %-8s %-9s %-12s%n",
                    products, xmx, exit == 0 ? "yes" : "NO (exit " + exit + ")", requests, writes,
                    results.getOrDefault("syncSeconds", "-"), results.getOrDefault("peakUsedMb", "-"),
                    gc.peakAfterMb, results.getOrDefault("liveAtPlanMb", "-"),
                    results.getOrDefault("liveAfterSyncMb", "-"), gc.collections + " (" + gc.unforcedFull + ")");
            System.out.println();
            System.out.println("peak MB:    heap used (live and garbage), sampled every 20 ms");
            System.out.println("afterGC MB: the most heap left after any GC in the GC log: an upper bound of the live set");
            System.out.println("plan MB:    live heap when the plan is made (forced full GC), observation and plan held");
            System.out.println("after MB:   live heap after the sync (forced full GC), engine, client and state store held");
            System.out.println("GCs (full): collections in the GC log (full GCs not forced by the benchmark)");
            System.out.printf(Locale.ROOT, "plan: %s changes; outcomes: %s; engine process %.1f s; max heap %s MB;"
                            + " peak committed %s MB; peak heap before a GC %.0f MB%n",
                    results.getOrDefault("changes", "-"), results.getOrDefault("outcomes", "-"), processSeconds,
                    results.getOrDefault("maxHeapMb", "-"), results.getOrDefault("peakCommittedMb", "-"), gc.peakBeforeMb);
            if (results.containsKey("error")) {
                System.out.println("engine failed: " + results.get("error"));
            }
            if (Boolean.getBoolean("bench.routes")) {
                sandbox.requestLog().countsByRoute().forEach((route, count) ->
                        System.out.printf(Locale.ROOT, "    %-40s %d%n", route, count));
            }
        }
    }

    /** The class path of this run, for the child: exec:java loads it in a class loader, exec:exec on the command line. */
    private static String classPath() {
        if (MemoryBenchmark.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** What the child's {@code -Xlog:gc} says: collections, the most heap before and after one. */
    private record GcSummary(int collections, int unforcedFull, double peakBeforeMb, double peakAfterMb) {
        static GcSummary of(Path log) throws IOException {
            int collections = 0;
            int unforcedFull = 0;
            double before = 0;
            double after = 0;
            for (String line : Files.readAllLines(log)) {
                Matcher m = GC_LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                collections++;
                if (line.contains("Pause Full") && !line.contains("System.gc()") && !line.contains("Heap Inspection")) {
                    unforcedFull++;
                }
                before = Math.max(before, mb(m.group(1), m.group(2)));
                after = Math.max(after, mb(m.group(3), m.group(4)));
            }
            return new GcSummary(collections, unforcedFull, before, after);
        }

        private static double mb(String amount, String unit) {
            double n = Double.parseDouble(amount);
            return switch (unit) {
                case "K" -> n / 1024;
                case "G" -> n * 1024;
                default -> n;
            };
        }
    }

    /**
     * The measured JVM: engine, client and in-memory state store, against the sandbox at the URL
     * given. Arguments: base URL, access token, account id, Mercado Livre and Shopee store ids.
     * Prints {@code @result key value} lines for the parent.
     */
    static final class Engine {
        private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.cathalog");
        private static final Runtime RUNTIME = Runtime.getRuntime();
        private static final AtomicLong PEAK_USED = new AtomicLong();
        private static final AtomicLong PEAK_COMMITTED = new AtomicLong();

        private Engine() {
        }

        public static void main(String[] args) {
            QUIET.setLevel(java.util.logging.Level.WARNING);
            String account = args[2];
            BenchAccount.Stores stores = new BenchAccount.Stores(Long.parseLong(args[3]), Long.parseLong(args[4]));
            Thread sampler = new Thread(() -> {
                while (true) {
                    long committed = RUNTIME.totalMemory();
                    PEAK_USED.accumulateAndGet(committed - RUNTIME.freeMemory(), Math::max);
                    PEAK_COMMITTED.accumulateAndGet(committed, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
                if (e instanceof OutOfMemoryError) {
                    result("error", "OutOfMemoryError in thread " + t.getName() + ": " + e.getMessage());
                    printPeaks();
                    Runtime.getRuntime().halt(3);
                }
            });
            result("maxHeapMb", mb(RUNTIME.maxMemory()));

            BlingClient client = BlingClient.builder().baseUrl(URI.create(args[0]))
                    .tokens(AccessTokenProvider.fixed(args[1]))
                    // A limiter that never waits. Its window is switched off by making it one request
                    // long, not a million: the limiter keeps (and copies per permit) the last window's
                    // permit times, which at a million would be the largest thing this run measures.
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1_000_000)
                            .window(1, Duration.ofNanos(1), Duration.ZERO).dailyBudget(1_000_000_000L).build())
                    .build();
            long[] lastProgress = {System.nanoTime()};
            SyncEngine engine = SyncEngine.builder().account(account)
                    .source(CatalogSource.of(BenchAccount.catalog(stores)))
                    .remote(new BlingCatalogRemote(client))
                    .state(new InMemorySyncStateStore())
                    .progress(p -> {
                        if (System.nanoTime() - lastProgress[0] > 30_000_000_000L) {
                            lastProgress[0] = System.nanoTime();
                            System.out.printf(Locale.ROOT, "%s %d/%d, %.0f/s, heap used now %s MB, peak %s MB%n", p.phase(),
                                    p.done(), p.total(), p.rate(), mb(RUNTIME.totalMemory() - RUNTIME.freeMemory()),
                                    mb(PEAK_USED.get()));
                        }
                    })
                    .build();
            long start = System.nanoTime();
            ApplyReport report;
            try {
                report = engine.sync(PlanOptions.defaults(), plan -> {
                    result("changes", Integer.toString(plan.changes().size()));
                    printHistogram("when the plan is made");
                    result("liveAtPlanMb", mb(liveHeap()));
                    return true;
                });
            } catch (OutOfMemoryError e) {
                result("error", "OutOfMemoryError: " + e.getMessage());
                printPeaks();
                System.exit(3);
                return;
            }
            result("syncSeconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
            result("outcomes", report.counts().toString());
            result("liveAfterSyncMb", mb(liveHeap()));
            printHistogram("after the sync");
            printPeaks();
            // The engine and its state are what "after MB" measures: keep them reachable until here.
            java.lang.ref.Reference.reachabilityFence(engine);
            System.exit(report.hasFailures() ? 4 : 0);
        }

        /** Heap used after a forced full GC. */
        private static long liveHeap() {
            System.gc();
            return RUNTIME.totalMemory() - RUNTIME.freeMemory();
        }

        /** The live classes holding most, from {@code jcmd <this pid> GC.class_histogram} (a full GC itself). */
        private static void printHistogram(String when) {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            try {
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(ProcessHandle.current().pid()),
                        "GC.class_histogram").redirectErrorStream(true).start();
                List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                p.waitFor();
                System.out.println("live objects " + when + " (GC.class_histogram, top 15):");
                lines.stream().skip(1).limit(17).forEach(line -> System.out.println("  " + line));
                lines.stream().filter(l -> l.startsWith("Total")).forEach(line -> System.out.println("  " + line));
            } catch (IOException e) {
                System.out.println("no class histogram: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void printPeaks() {
            result("peakUsedMb", mb(PEAK_USED.get()));
            result("peakCommittedMb", mb(PEAK_COMMITTED.get()));
        }

        private static String mb(long bytes) {
            return Long.toString(Math.round(bytes / MB));
        }

        private static void result(String key, String value) {
            System.out.println(RESULT + key + " " + value);
            System.out.flush();
        }
    }
}
