package io.cathalog.spring;

import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.jobs.JobContext;
import io.cathalog.core.jobs.ManagedAccessTokens;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.sync.ChangeListener;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.sync.SyncStateStore;

import java.time.Clock;
import java.util.Objects;

/**
 * One Bling account's pieces: its configuration, its limiter (shared by the scheduler's runs and
 * the admin page's, and with the JPA limiter by every instance), its source of truth, and how its
 * engine is built. The engine's log lines carry the account ({@link AccountLogging}).
 */
final class AccountRuntime {
    private final CathalogProperties.Account config;
    private final RequestLimiter limiter;
    private final CatalogSource source;
    private final BlingApp app;
    private final TokenManager tokens;
    private final SyncStateStore state;
    private final ChangeListener changes;
    private final CathalogMetrics metrics;
    private final MarketplaceRegistry marketplaces;
    private final Clock clock;

    AccountRuntime(CathalogProperties.Account config, RequestLimiter limiter, CatalogSource source, BlingApp app,
                   TokenManager tokens, SyncStateStore state, ChangeListener changes, CathalogMetrics metrics,
                   MarketplaceRegistry marketplaces, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.source = Objects.requireNonNull(source, "source");
        this.app = app;
        this.tokens = tokens;
        this.state = state;
        this.changes = changes;
        this.metrics = metrics;
        this.marketplaces = marketplaces;
        this.clock = clock;
    }

    String id() {
        return config.id();
    }

    CathalogProperties.Account config() {
        return config;
    }

    RequestLimiter limiter() {
        return limiter;
    }

    PlanOptions options() {
        return PlanOptions.defaults().withPrune(config.prune());
    }

    /** An engine whose requests go through {@code limiter} and whose progress goes to {@code progress}. */
    SyncEngine engine(RequestLimiter limiter, SyncProgress.Listener progress) {
        return engine(limiter, progress, state);
    }

    /** The scheduler's engine: its state writes carry the run's fencing token (the lease's). */
    SyncEngine engine(JobContext ctx) {
        return engine(ctx.limiter(), ctx.progress(), ctx.fenced(state));
    }

    private SyncEngine engine(RequestLimiter limiter, SyncProgress.Listener progress, SyncStateStore state) {
        BlingClient client = BlingClient.builder().baseUrl(app.apiBase())
                .tokens(ManagedAccessTokens.of(tokens, config.id()))
                .limiter(limiter)
                .listener(metrics.requests())
                .clock(clock)
                .build();
        SyncEngine engine = SyncEngine.builder().account(config.id())
                .source(source)
                .remote(new BlingCatalogRemote(client))
                .state(state)
                .listener(changes)
                .listener(metrics.changes())
                .marketplaces(marketplaces)
                .progress(progress)
                .clock(clock)
                .build();
        return AccountLogging.engine(config.id(), engine);
    }

    @Override
    public String toString() {
        return "AccountRuntime[" + config.id() + "]";
    }
}
