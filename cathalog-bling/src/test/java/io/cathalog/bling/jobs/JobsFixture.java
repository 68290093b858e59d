package io.cathalog.bling.jobs;

import io.cathalog.bling.BlingPacing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.bling.sandbox.SandboxAccount;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.RetryPolicy;
import io.cathalog.core.jobs.AccountJob;
import io.cathalog.core.jobs.JobContext;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncStateStore;
import io.cathalog.core.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sandbox's demo account on a fake clock shared by the sandbox, the limiter (whose waits move
 * the clock instead of sleeping) and the engine; sandbox limits off (the limiter's budget is what
 * these tests are about).
 */
final class JobsFixture implements AutoCloseable {
    /** 10:00 in São Paulo, a Monday: the day has 14 hours left. */
    static final Instant START = Instant.parse("2026-03-02T13:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final BlingSandbox sandbox;
    final String account;
    final SyncStateStore state = new InMemorySyncStateStore();
    private final String token;

    JobsFixture() {
        this.sandbox = BlingSandbox.builder().clock(clock).rateLimits(false).enforceIpBlocks(false)
                .accessTokenLifetime(Duration.ofDays(60)).seedDemo().start();
        this.account = sandbox.defaultAccountId();
        this.token = sandbox.issueTokens().accessToken();
    }

    RequestLimiter limiter(long dailyBudget) {
        return LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(50).window(1000, Duration.ofSeconds(1), Duration.ZERO)
                .dailyBudget(dailyBudget).clock(clock).sleeper(clock::advance).build();
    }

    SyncEngine engine(JobContext ctx) {
        BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl()).tokens(AccessTokenProvider.fixed(token))
                .limiter(ctx.limiter()).clock(clock)
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                .sleeper(d -> { }).build();
        return SyncEngine.builder().account(account)
                .source(CatalogSource.of(JsonCatalogFile.reader().read(DemoCatalog.json(), "demo-catalog.json")))
                .remote(new BlingCatalogRemote(client)).state(state).clock(clock).progress(ctx.progress()).build();
    }

    AccountJob.Builder job(RequestLimiter limiter) {
        return AccountJob.builder(account).limiter(limiter).interval(Duration.ofHours(1)).jitter(Duration.ZERO)
                .engine(this::engine);
    }

    /**
     * The account's catalog data with ids replaced by natural keys (SKU, category name), so that
     * two sandboxes that got the same data in a different order compare equal.
     */
    static Map<String, JsonNode> contents(SandboxAccount account) {
        Map<Long, String> skus = new HashMap<>();
        account.products().forEach(p -> skus.put(p.path("id").asLong(), p.path("codigo").asText()));
        Map<Long, String> categories = new HashMap<>();
        account.categories().forEach(c -> categories.put(c.path("id").asLong(), c.path("descricao").asText()));
        Map<String, JsonNode> out = new TreeMap<>();
        for (ObjectNode p : account.products()) {
            out.put("product " + p.path("codigo").asText() + " #" + p.path("nome").asText(), keyed(p, skus, categories));
        }
        for (ObjectNode c : account.categories()) {
            out.put("category " + c.path("descricao").asText() + " <" + categories.getOrDefault(
                    c.path("categoriaPai").path("id").asLong(), "-"), keyed(c, skus, categories));
        }
        List<ObjectNode> links = account.productStoreLinks();
        for (ObjectNode l : links) {
            out.put("link " + l.path("loja").path("id").asLong() + "/" + skus.get(l.path("produto").path("id").asLong())
                    + " " + l.path("codigo").asText(), keyed(l, skus, categories));
        }
        for (ObjectNode l : account.categoryStoreLinks()) {
            out.put("store-category " + l.path("loja").path("id").asLong() + "/" + l.path("descricao").asText() + "/"
                    + categories.get(l.path("categoriaProduto").path("id").asLong()), keyed(l, skus, categories));
        }
        return out;
    }

    private static JsonNode keyed(ObjectNode node, Map<Long, String> skus, Map<Long, String> categories) {
        ObjectNode copy = node.deepCopy();
        copy.remove("id");
        replace(copy, skus, categories);
        return copy;
    }

    private static void replace(JsonNode node, Map<Long, String> skus, Map<Long, String> categories) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v instanceof ObjectNode ref && ref.has("id") && ref.size() == 1) {
                    long id = ref.path("id").asLong();
                    switch (e.getKey()) {
                        case "produto", "idProdutoPai" -> ref.put("id", skus.getOrDefault(id, String.valueOf(id)));
                        case "categoria", "categoriaPai", "categoriaProduto" ->
                                ref.put("id", categories.getOrDefault(id, String.valueOf(id)));
                        default -> { }
                    }
                } else {
                    replace(v, skus, categories);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(n -> replace(n, skus, categories));
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
