package io.cathalog.bling.bench;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.IpBlockEvent;
import io.cathalog.bling.sandbox.RequestLog;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Throughput at the limit: the wall time of a write-heavy first sync against the sandbox at
 * Bling's real 3 requests per second (sliding second, IP blocks on, real time: no simulated clock),
 * through a client with the default {@link LocalRequestLimiter} (2.85/s), against the theoretical
 * minimum (requests / 3 per second). The account is {@link BenchAccount}'s: the first sync
 * categorises, fills brands and links every product to two stores.
 *
 * <p>Run: {@code mvn -B -q -pl cathalog-bling exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cathalog.bling.bench.WriteHeavySyncBenchmark -Dexec.args="100"} (products).
 */
public final class WriteHeavySyncBenchmark {
    private static final double BLING_LIMIT = 3.0;

    /** Kept so the logger configuration is not collected: one INFO line per change would drown the table. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.cathalog");

    private WriteHeavySyncBenchmark() {
    }

    /** The machine's 1-minute load average where Linux tells it: timing at the limit suffers on a busy machine. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    public static void main(String[] args) {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        // Bling's real limits, all defaults: 3 per sliding second, 120 000 a day, IP blocks enforced.
        try (BlingSandbox sandbox = BlingSandbox.builder().start()) {
            BenchAccount.Stores stores = BenchAccount.seed(sandbox, products);
            String account = sandbox.defaultAccountId();
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).build())   // the default: 2.85/s
                    .build();
            SyncEngine engine = SyncEngine.builder().account(account)
                    .source(CatalogSource.of(BenchAccount.catalog(stores)))
                    .remote(new BlingCatalogRemote(client))
                    .state(new InMemorySyncStateStore())
                    .build();

            sandbox.resetRequestLog();
            String loadBefore = loadAverage();
            java.time.Instant began = java.time.Instant.now();
            long start = System.nanoTime();
            ApplyReport report = engine.sync(PlanOptions.defaults());
            double seconds = (System.nanoTime() - start) / 1e9;

            RequestLog log = sandbox.requestLog();
            long requests = log.size();
            long writes = log.writes().size();
            double minimum = requests / BLING_LIMIT;
            List<IpBlockEvent> blocks = sandbox.ipBlockEvents();
            System.out.printf(Locale.ROOT, "%-9s %-9s %-7s %-9s %-9s %-7s %-8s %-6s %-9s %-8s%n", "products", "requests",
                    "writes", "wall s", "min s", "ratio", "req/s", "429s", "IP blocks", "peak/1s");
            System.out.printf(Locale.ROOT, "%-9d %-9d %-7d %-9.1f %-9.1f %-7.3f %-8.3f %-6d %-9d %-8d%n", products, requests,
                    writes, seconds, minimum, seconds / minimum, requests / seconds, log.countWithStatus(429),
                    blocks.size(), log.peakInWindow(Duration.ofSeconds(1), Optional.of(account)));
            System.out.printf(Locale.ROOT, "%nat the limiter's own target (2.85/s) the minimum is %.1f s (ratio %.3f)%n",
                    requests / 2.85, seconds / (requests / 2.85));
            System.out.println("outcomes: " + report.counts() + (report.hasFailures() ? "  (FAILURES)" : ""));
            System.out.println("load average (1 min) before/after: " + loadBefore + " / " + loadAverage());
            log.entries().stream().filter(r -> r.status() == 429).forEach(r -> System.out.printf(Locale.ROOT,
                    "  429 at +%.3f s: %s%n", Duration.between(began, r.at()).toNanos() / 1e9, r.route()));
            blocks.forEach(b -> System.out.println("IP block: " + b));
            if (Boolean.getBoolean("bench.routes")) {
                log.countsByRoute().forEach((route, count) -> System.out.printf(Locale.ROOT, "    %-40s %d%n", route, count));
            }
        }
    }
}
