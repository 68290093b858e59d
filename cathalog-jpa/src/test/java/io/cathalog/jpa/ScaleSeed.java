package io.cathalog.jpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.bling.sandbox.SandboxAccount;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RetryPolicy;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bling accounts that already hold the catalog {@link ScaleInstance#catalogJson} describes, as an
 * account onboarding onto the library with an existing Bling catalog does: the benchmark's first
 * runs then adopt them instead of writing 1 000 products each. The template is what the engine
 * itself writes (a first sync into a scratch sandbox, no rate limits), copied into each account
 * through the sandbox's in-process API, with the category ids of that account.
 */
final class ScaleSeed {
    /** The scratch account's categories (parents first) and products, in Bling's shape. */
    record Template(List<ObjectNode> categories, List<ObjectNode> products) {
    }

    private ScaleSeed() {
    }

    /** The engine's own first sync of a catalog of {@code products} products, read back from a scratch sandbox. */
    static Template template(int products) {
        try (BlingSandbox bling = BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false).start()) {
            sync(bling, bling.defaultAccountId(), products);
            SandboxAccount a = bling.account();
            List<ObjectNode> categories = new ArrayList<>(a.categories());
            categories.sort(Comparator.comparingLong(c -> c.path("id").asLong()));
            return new Template(categories, a.products());
        }
    }

    /** One first sync with a fresh state; returns the report. */
    static ApplyReport sync(BlingSandbox bling, String account, int products) {
        BlingClient client = BlingClient.builder().baseUrl(bling.baseUrl())
                .tokens(AccessTokenProvider.fixed(bling.issueTokens(io.cathalog.bling.sandbox.OAuthApp.DEMO_CLIENT_ID, account).accessToken()))
                .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1000)
                        .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                .sleeper(d -> { }).build();
        SyncEngine engine = SyncEngine.builder().account(account).source(ScaleInstance.source(products))
                .remote(new BlingCatalogRemote(client)).state(new InMemorySyncStateStore()).build();
        return engine.sync(PlanOptions.defaults());
    }

    /**
     * The account's first run, adopting what its Bling account holds, written to the benchmark's
     * shared state store: the engine's real first sync (the reads of every product, the ids and
     * snapshots it records), only not paced at Bling's rate, so that the measured windows can start
     * from 500 accounts of 1 000 products without an hour of first runs (the caller runs the
     * sandbox's clock fast meanwhile, so its per-second limit is not met either).
     *
     * @return the run's report
     */
    static ApplyReport adopt(BlingSandbox bling, java.net.http.HttpClient http, String account, int products,
                             io.cathalog.core.sync.SyncStateStore state, java.time.Clock clock, String tokenClient) {
        BlingClient client = BlingClient.builder().baseUrl(bling.baseUrl()).httpClient(http)
                .tokens(AccessTokenProvider.fixed(bling.issueTokens(tokenClient, account).accessToken()))
                .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).clock(clock).ratePerSecond(1000)
                        .window(1000, Duration.ofSeconds(1), Duration.ZERO).sleeper(d -> { }).build())
                .clock(clock).retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                .sleeper(d -> { }).build();
        SyncEngine engine = SyncEngine.builder().account(account).source(ScaleInstance.source(products))
                .remote(new BlingCatalogRemote(client)).state(state).clock(clock).build();
        return engine.sync(PlanOptions.defaults());
    }

    /**
     * Copies the template into an account that has no category and no product yet: its categories
     * first (parents before children, each with the new id of its parent), then every product
     * without its id, pointing at the account's category of the same place.
     */
    static void copyInto(SandboxAccount target, Template template) {
        Map<Long, Long> ids = new HashMap<>();
        ids.put(0L, 0L);
        for (ObjectNode c : template.categories()) {
            long parent = c.path("categoriaPai").path("id").asLong(0);
            ids.put(c.path("id").asLong(), target.addCategory(c.path("descricao").asText(), ids.get(parent)));
        }
        for (ObjectNode p : template.products()) {
            ObjectNode body = p.deepCopy();
            body.remove("id");
            JsonNode category = body.path("categoria");
            if (category.isObject() && category.path("id").asLong(0) != 0) {
                ((ObjectNode) category).put("id", ids.get(category.path("id").asLong()));
            }
            target.putProduct(body);
        }
    }

    /**
     * Checks on a scratch sandbox that a first run adopts a seeded account: the requests and the
     * writes it sends.
     *
     * @return "requests writes" of the adopting first run, and of a second run
     */
    static String adoptionCheck(Template template, int products) {
        try (BlingSandbox bling = BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false).start()) {
            String account = bling.defaultAccountId();
            copyInto(bling.account(), template);
            int before = bling.requestLog().size();
            ApplyReport report = sync(bling, account, products);
            List<RecordedRequest> log = bling.requestLog().entries();
            long writes = log.stream().skip(before).filter(RecordedRequest::write).count();
            Map<String, Long> byRoute = new java.util.TreeMap<>();
            log.stream().skip(before).forEach(r -> byRoute.merge(r.route(), 1L, Long::sum));
            return "adopting first run of " + products + " products: " + (log.size() - before) + " requests, "
                    + writes + " writes, " + report.outcomes().size() + " changes; by route " + byRoute;
        }
    }
}
