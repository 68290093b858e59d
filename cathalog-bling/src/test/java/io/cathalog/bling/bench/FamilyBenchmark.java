package io.cathalog.bling.bench;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.testing.MutableClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Product families at Bling's pace: an empty account, a catalog of {@code families} parents with
 * {@code variations} variations each (1 000 x 6 = 7 000 products in Bling), then the first sync,
 * a re-sync right after and a no-change re-sync in the steady state, the time to plan it and the
 * live heap while its plan is held; the same for an account of as many simple products, to
 * compare. Simulated time: the limiter paces at Bling's 2.85 requests per second by moving a
 * shared clock instead of sleeping.
 *
 * <p>Run: {@code mvn -B -q -pl cathalog-bling exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cathalog.bling.bench.FamilyBenchmark -Dexec.args="1000 6"}
 * (families, variations per family; -am and a test-compile first when the jars are not built).
 */
public final class FamilyBenchmark {
    private static final Runtime RUNTIME = Runtime.getRuntime();
    /** Kept so the logger configuration is not collected: one INFO line per change would drown the table. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.cathalog");

    private FamilyBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args families (default 1000), variations per family (default 6)
     */
    public static void main(String[] args) {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int families = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int variations = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        System.out.printf(Locale.ROOT, "%-48s %-9s %-7s %-10s %s%n", "job", "requests", "writes", "Bling time",
                "wall s");
        run("families: " + families + " x " + variations, families(families, variations));
        run("simple products: " + families * (variations + 1), simple(families * (variations + 1)));
    }

    private static void run(String title, Catalog catalog) {
        MutableClock clock = new MutableClock(Instant.now());
        try (BlingSandbox sandbox = BlingSandbox.builder().clock(clock).enforceIpBlocks(false)
                .accessTokenLifetime(Duration.ofDays(30)).dailyQuota(10_000_000).requestLogCapacity(2_000_000).start()) {
            String account = sandbox.defaultAccountId();
            clock.advance(Duration.ofHours(1));
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl()).clock(clock)
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).clock(clock).sleeper(clock::advance)
                            .dailyBudget(10_000_000).build())
                    .build();
            SyncEngine engine = SyncEngine.builder().account(account).clock(clock).source(CatalogSource.of(catalog))
                    .remote(new BlingCatalogRemote(client)).state(new InMemorySyncStateStore()).build();
            System.out.println(title);
            measure(sandbox, clock, "  first sync", () -> check(engine.sync(PlanOptions.defaults())));
            clock.advance(Duration.ofMinutes(15));
            measure(sandbox, clock, "  re-sync right after, no change", () -> check(engine.sync(PlanOptions.defaults())));
            clock.advance(Duration.ofMinutes(15));
            measure(sandbox, clock, "  re-sync, no change (steady state)", () -> check(engine.sync(PlanOptions.defaults())));
            clock.advance(Duration.ofMinutes(15));
            long start = System.nanoTime();
            SyncPlan plan = engine.plan(PlanOptions.defaults());
            double planMs = (System.nanoTime() - start) / 1e6;
            System.gc();
            long live = RUNTIME.totalMemory() - RUNTIME.freeMemory();
            System.out.printf(Locale.ROOT, "  plan (steady state): %d changes in %.0f ms; live heap with the plan held"
                    + " %d MB (sandbox account in the same JVM included)%n", plan.changes().size(), planMs,
                    live / (1024 * 1024));
            java.lang.ref.Reference.reachabilityFence(plan);
        }
    }

    private static void check(ApplyReport report) {
        if (report.hasFailures()) {
            throw new IllegalStateException(report.toString());
        }
    }

    private static void measure(BlingSandbox sandbox, MutableClock clock, String job, Runnable run) {
        sandbox.resetRequestLog();
        Instant simulatedStart = clock.instant();
        long start = System.nanoTime();
        run.run();
        Duration d = Duration.between(simulatedStart, clock.instant());
        System.out.printf(Locale.ROOT, "%-48s %-9d %-7d %-10s %.1f%n", job, sandbox.requestLog().size(),
                sandbox.requestLog().writes().size(),
                String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart()),
                (System.nanoTime() - start) / 1e9);
        if (Boolean.getBoolean("bench.routes")) {
            sandbox.requestLog().countsByRoute().forEach((route, count) ->
                    System.out.printf(Locale.ROOT, "    %-40s %d%n", route, count));
        }
    }

    private static final String[] COLORS = {"Azul", "Preto", "Branco", "Verde", "Vermelho", "Cinza"};
    private static final String[] SIZES = {"P", "M", "G"};

    static Catalog families(int families, int variations) {
        Catalog.Builder b = Catalog.builder().category(Category.root("fashion", "Moda"))
                .category(Category.child("tshirts", "Camisetas", "fashion"));
        for (int f = 0; f < families; f++) {
            Product.Builder p = Product.builder(String.format(Locale.ROOT, "FAM-%05d", f), "Camiseta modelo " + f)
                    .brand("Marca " + f % 7).price(new BigDecimal("49.90")).category("tshirts");
            for (int v = 0; v < variations; v++) {
                p.variation(Variation.builder(String.format(Locale.ROOT, "FAM-%05d-%02d", f, v))
                        .option("Cor", COLORS[(v / SIZES.length) % COLORS.length] + (v >= 18 ? " " + v : ""))
                        .option("Tamanho", SIZES[v % SIZES.length]).build());
            }
            b.product(p.build());
        }
        return b.build();
    }

    static Catalog simple(int products) {
        Catalog.Builder b = Catalog.builder().category(Category.root("fashion", "Moda"))
                .category(Category.child("tshirts", "Camisetas", "fashion"));
        for (int i = 0; i < products; i++) {
            b.product(Product.builder(String.format(Locale.ROOT, "SIM-%05d", i), "Camiseta avulsa " + i)
                    .brand("Marca " + i % 7).price(new BigDecimal("49.90")).category("tshirts").build());
        }
        return b.build();
    }
}
