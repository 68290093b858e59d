package io.cathalog.bling.bench;

import io.cathalog.bling.BlingPacing;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.ProductFilter;
import io.cathalog.bling.dto.BlingProduct;
import io.cathalog.bling.dto.BlingProductSummary;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Requests per job, Cathalog Sync against a naive client (list, GET each, PUT each) on the same
 * seeded sandbox account: the first normalisation, a no-change re-sync, and a re-sync after a few
 * products were edited by hand. The sandbox's own request log counts.
 *
 * <p>Run: {@code mvn -B -q -pl cathalog-bling exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cathalog.bling.bench.SyncRequestsBenchmark -Dexec.args="10000 10 100"}
 * (products, then the rounds of products edited by hand).
 */
public final class SyncRequestsBenchmark {

    private SyncRequestsBenchmark() {
    }

    /** Kept so the logger configuration is not collected: one INFO line per change would drown the table. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.cathalog");

    public static void main(String[] args) {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        // Each further argument is a round of products edited by hand, then a re-sync.
        List<Integer> rounds = args.length > 1
                ? Stream.of(args).skip(1).map(Integer::parseInt).toList() : List.of(10, Math.max(1, n / 100));
        MutableClock clock = new MutableClock(Instant.now());
        // Simulated time at Bling's real pace: the limiter paces at its default 2.85 requests per
        // second, but waits by moving the shared clock instead of sleeping, so a job of hours of
        // Bling time runs in seconds and change times, cursors and overlaps are as they would be.
        try (BlingSandbox sandbox = BlingSandbox.builder().clock(clock).enforceIpBlocks(false)
                .accessTokenLifetime(Duration.ofDays(30))
                .dailyQuota(10_000_000).requestLogCapacity(2_000_000).start()) {
            String account = sandbox.defaultAccountId();
            BenchAccount.Stores stores = BenchAccount.seed(sandbox, n);
            // The catalog was last edited long before the first sync, as in life.
            clock.advance(Duration.ofHours(1));
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl()).clock(clock)
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).clock(clock).sleeper(clock::advance)
                            .dailyBudget(10_000_000).build())
                    .build();
            SyncEngine engine = SyncEngine.builder().account(account).clock(clock)
                    .source(CatalogSource.of(BenchAccount.catalog(stores))).remote(new BlingCatalogRemote(client))
                    .state(new InMemorySyncStateStore()).build();

            System.out.printf(Locale.ROOT, "%-44s %-10s %-10s %-8s %s%n", "job (" + n + " products, 2 stores)", "requests",
                    "writes", "seconds", "Bling time");
            long first = measure(sandbox, clock, "first sync (normalise everything)", () -> engine.sync(PlanOptions.defaults()));
            clock.advance(Duration.ofMinutes(15));
            long second = measure(sandbox, clock, "re-sync right after, no change", () -> engine.sync(PlanOptions.defaults()));
            clock.advance(Duration.ofMinutes(15));
            long steady = measure(sandbox, clock, "re-sync, no change (steady state)", () -> engine.sync(PlanOptions.defaults()));
            Map<Integer, Long> afterEdits = new TreeMap<>();
            int offset = 0;
            for (int edited : rounds) {
                clock.advance(Duration.ofMinutes(15));
                editByHand(sandbox, offset, edited);
                offset += edited;
                clock.advance(Duration.ofMinutes(1));
                afterEdits.put(edited, measure(sandbox, clock, "re-sync after " + edited + " edited in Bling",
                        () -> engine.sync(PlanOptions.defaults())));
            }
            clock.advance(Duration.ofMinutes(15));
            long naive = measure(sandbox, clock, "naive client: list, GET each, PUT each", () -> naive(client));
            System.out.printf(Locale.ROOT, "%nno-change re-sync vs naive: %.2f%% (steady state), %.2f%% (right after the first sync)%n",
                    100.0 * steady / naive, 100.0 * second / naive);
            afterEdits.forEach((edited, requests) -> System.out.printf(Locale.ROOT,
                    "re-sync after %d edits: %d requests (%.2f%% of naive)%n", edited, requests, 100.0 * requests / naive));
            System.out.printf(Locale.ROOT, "first sync: %d requests (%.2f of naive)%n", first, (double) first / naive);
        }
    }

    private static long measure(BlingSandbox sandbox, MutableClock clock, String job, Runnable run) {
        sandbox.resetRequestLog();
        Instant simulatedStart = clock.instant();
        long start = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = sandbox.requestLog().size();
        System.out.printf(Locale.ROOT, "%-44s %-10d %-10d %-8.1f %s%n", job, requests, sandbox.requestLog().writes().size(),
                seconds, simulated(Duration.between(simulatedStart, clock.instant())));
        if (Boolean.getBoolean("bench.routes")) {
            sandbox.requestLog().countsByRoute().forEach((route, count) ->
                    System.out.printf(Locale.ROOT, "    %-40s %d%n", route, count));
        }
        return requests;
    }

    private static String simulated(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** People move a few products to another category by hand. */
    private static void editByHand(BlingSandbox sandbox, int from, int count) {
        List<ObjectNode> products = sandbox.account().products();
        long other = sandbox.account().categories().get(0).path("id").asLong();
        for (int i = 0; i < count; i++) {
            ObjectNode p = products.get((from + i) * 37 % products.size());
            p.putObject("categoria").put("id", other);
            sandbox.account().putProduct(p);
        }
    }

    /** What integrations without a plan do: read everything, write everything back. */
    private static void naive(BlingClient client) {
        List<Long> ids;
        try (Stream<BlingProductSummary> all = client.products().list(ProductFilter.all())) {
            ids = all.map(BlingProductSummary::id).toList();
        }
        for (long id : ids) {
            BlingProduct p = client.products().get(id).orElseThrow();
            client.products().replace(id, p);
        }
    }
}
