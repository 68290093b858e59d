package io.cathalog.jpa;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.jobs.AccountJob;
import io.cathalog.core.jobs.JobContext;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncStateStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One instance of a host that syncs many accounts, as the scale tests and benchmarks run it: one
 * {@link SyncScheduler} with a bounded pool, the database's leases and state (fenced by each run's
 * lease), one shared {@link HttpClient} for every account (one selector thread and a bounded
 * executor, not one client per account), and per account a catalog generated on each
 * {@code load()} (nothing of an idle account's catalog stays in the heap), a limiter and an engine.
 */
final class ScaleInstance {
    private ScaleInstance() {
    }

    /** The 32-hex-digit id of account number {@code i}. */
    static String accountId(int i) {
        return "a".repeat(24) + String.format("%08x", i);
    }

    /** A catalog of {@code products} products under five categories of one root, the same for every account of that size. */
    static String catalogJson(int products) {
        StringBuilder json = new StringBuilder("{\"format_version\":1,\"categories\":[{\"key\":\"root\",\"name\":\"Loja\"}");
        for (int c = 0; c < 5; c++) {
            json.append(",{\"key\":\"c").append(c).append("\",\"name\":\"Categoria ").append(c)
                    .append("\",\"parent\":\"root\"}");
        }
        json.append("],\"products\":[");
        for (int p = 0; p < products; p++) {
            json.append(p == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(String.format("%06d", p))
                    .append("\",\"name\":\"Produto ").append(p).append("\",\"brand\":\"Marca ").append(p % 7)
                    .append("\",\"price\":\"").append(10 + p % 90).append(".90\",\"category\":\"c").append(p % 5)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    /** A source that builds the catalog when a run loads it, and keeps nothing between runs. */
    static CatalogSource source(int products) {
        return () -> JsonCatalogFile.reader().read(catalogJson(products), "scale-" + products + ".json");
    }

    /** One HTTP client for all the accounts of an instance: its selector thread and a small executor. */
    static HttpClient sharedHttpClient(ExecutorService executor) {
        return HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A bounded executor for {@link #sharedHttpClient}. */
    static ExecutorService httpExecutor(int threads) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The job of one account: its limiter (at {@code ratePerSecond}, Bling's 2.85 or faster for
     * tests), a client on the shared HTTP client with the account's token, and an engine over the
     * shared state store, fenced by the run's lease.
     */
    static AccountJob job(String accountId, int products, String accessToken, URI sandbox, HttpClient http,
                          SyncStateStore state, Clock clock, io.cathalog.core.http.Sleeper sleeper,
                          double ratePerSecond, Duration interval, Duration jitter) {
        return job(accountId, products, accessToken, sandbox, http, state, clock, sleeper, ratePerSecond, interval, jitter,
                l -> l, io.cathalog.core.http.RequestListener.NONE);
    }

    /**
     * {@link #job(String, int, String, URI, HttpClient, SyncStateStore, Clock, io.cathalog.core.http.Sleeper, double,
     * Duration, Duration)} with the account's limiter wrapped (the benchmark records each permit's
     * time) and a listener on the client's attempts (their send times and statuses).
     */
    static AccountJob job(String accountId, int products, String accessToken, URI sandbox, HttpClient http,
                          SyncStateStore state, Clock clock, io.cathalog.core.http.Sleeper sleeper,
                          double ratePerSecond, Duration interval, Duration jitter,
                          java.util.function.UnaryOperator<io.cathalog.core.http.RequestLimiter> wrap,
                          io.cathalog.core.http.RequestListener listener) {
        LocalRequestLimiter.Builder limiter = LocalRequestLimiter.builder(accountId, BlingPacing.standard()).clock(clock).sleeper(sleeper);
        if (ratePerSecond != 2.85) {
            int perSecond = (int) Math.ceil(ratePerSecond);
            limiter.ratePerSecond(ratePerSecond).window(perSecond, Duration.ofSeconds(1), Duration.ZERO);
        }
        return AccountJob.builder(accountId).limiter(wrap.apply(limiter.build())).interval(interval).jitter(jitter)
                .engine((JobContext ctx) -> {
                    BlingClient client = BlingClient.builder().baseUrl(sandbox).httpClient(http)
                            .tokens(AccessTokenProvider.fixed(accessToken)).limiter(ctx.limiter()).clock(clock)
                            .sleeper(sleeper).listener(listener).build();
                    return SyncEngine.builder().account(accountId).source(source(products))
                            .remote(new BlingCatalogRemote(client)).state(ctx.fenced(state)).clock(clock)
                            .progress(ctx.progress()).build();
                }).build();
    }
}
