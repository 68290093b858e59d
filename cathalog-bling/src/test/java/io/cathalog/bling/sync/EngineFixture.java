package io.cathalog.bling.sync;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RetryPolicy;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.sync.ChangeEvent;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncEngineBuilder;
import io.cathalog.core.sync.SyncStateStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo account in a sandbox, and engines over it (sandbox limits off: these tests are about data). */
final class EngineFixture implements AutoCloseable {
    final BlingSandbox sandbox;
    final String account;
    final SyncStateStore state = new InMemorySyncStateStore();
    final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();

    EngineFixture() {
        this(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false).seedDemo());
    }

    final java.time.Clock clock;

    EngineFixture(BlingSandbox.Builder builder) {
        this(builder, java.time.Clock.systemUTC());
    }

    /** Sandbox, client and engine on one clock, so that change times agree. */
    EngineFixture(BlingSandbox.Builder builder, java.time.Clock clock) {
        this.clock = clock;
        this.sandbox = builder.clock(clock).start();
        this.account = sandbox.defaultAccountId();
    }

    static Catalog demoCatalog() {
        return JsonCatalogFile.reader().read(DemoCatalog.json(), "demo-catalog.json");
    }

    BlingClient client() {
        return BlingClient.builder().baseUrl(sandbox.baseUrl())
                .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1000)
                        .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                .clock(clock)
                .sleeper(d -> { })
                .build();
    }

    CatalogRemote remote() {
        return new BlingCatalogRemote(client());
    }

    SyncEngineBuilder engine(CatalogSource source, CatalogRemote remote) {
        return SyncEngine.builder().account(account).source(source).remote(remote).state(state).clock(clock)
                .listener(events::add).runIds(() -> "run-" + runs.incrementAndGet());
    }

    SyncEngine demoEngine() {
        Catalog catalog = demoCatalog();
        return engine(CatalogSource.of(catalog), remote()).build();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
