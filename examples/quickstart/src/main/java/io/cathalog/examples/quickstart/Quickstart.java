package io.cathalog.examples.quickstart;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Syncs the demo catalog into a Bling sandbox seeded with the messy demo account: a plan (a dry
 * run), an apply, and a second plan that finds nothing left to do.
 */
public final class Quickstart {

    private Quickstart() {
    }

    public static void main(String[] args) {
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start()) {
            run(sandbox, System.out);
        }
    }

    /** The embedding itself, against {@code sandbox}; returns the plan made after the apply. */
    static SyncPlan run(BlingSandbox sandbox, PrintStream out) {
        String account = sandbox.defaultAccountId();
        RequestLimiter limiter = LocalRequestLimiter.builder(account, BlingPacing.standard()) // one per Bling account
                .ratePerSecond(100).window(100, Duration.ofSeconds(1), Duration.ZERO)
                .build();                                                          // real Bling: keep Bling's rule (3/s)
        BlingClient bling = BlingClient.builder()
                .baseUrl(sandbox.baseUrl())                                        // real Bling: leave out
                .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                // a real host: .tokens(ManagedAccessTokens.of(tokenManager, account)), refreshed for you
                .limiter(limiter)
                .build();
        SyncEngine engine = SyncEngine.builder()
                .account(account)
                .source(CatalogSource.of(JsonCatalogFile.reader().read(DemoCatalog.json(), "demo-catalog.json")))
                // a real host: .source(JsonCatalogFile.source(Path.of("catalog.json"))), the source of truth
                .remote(new BlingCatalogRemote(bling))
                .state(new InMemorySyncStateStore())                 // ids, snapshots, journal; a real host: JpaSyncStateStore
                .marketplaces(MarketplaceRegistry.load(Quickstart.class.getClassLoader()))
                .build();

        SyncPlan plan = engine.plan(PlanOptions.defaults());   // a dry run: nothing is written
        out.println(plan.summary());
        ApplyReport report = engine.apply(plan);                // refused if Bling changed since the plan
        out.println(report.summary());
        SyncPlan again = engine.plan(PlanOptions.defaults());
        out.println(again.summary());
        return again;
    }
}
