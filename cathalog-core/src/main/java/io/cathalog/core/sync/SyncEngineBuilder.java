package io.cathalog.core.sync;

import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.sync.internal.DefaultSyncEngine;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.sync.internal.MarketplaceCheck;
import io.cathalog.core.sync.internal.RegistryCheck;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds a {@link SyncEngine} for one ERP account. The account, the source and the remote are
 * required; everything else has a default.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *         .account("acme")
 *         .source(JsonCatalogFile.source(Path.of("catalog.json")))
 *         .remote(blingRemote)
 *         .state(stateStore)
 *         .build();
 * SyncPlan plan = engine.plan(PlanOptions.defaults());
 * }</pre>
 */
public final class SyncEngineBuilder {
    private String account;
    private CatalogSource source;
    private CatalogRemote remote;
    private SyncStateStore state = new InMemorySyncStateStore();
    private ProductScope scope = ProductScope.everything();
    private final List<ChangeListener> listeners = new ArrayList<>();
    private MarketplaceCheck marketplaces = MarketplaceCheck.NONE;
    private Clock clock = Clock.systemUTC();
    private double requestsPerSecond = 2.85;
    private Supplier<String> runIds = () -> UUID.randomUUID().toString();
    private SyncProgress.Listener progress = SyncProgress.Listener.NONE;

    SyncEngineBuilder() {
    }

    /** The ERP account (Bling company) this engine syncs; the key of its state. */
    public SyncEngineBuilder account(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        this.account = accountId;
        return this;
    }

    /** The source of truth. */
    public SyncEngineBuilder source(CatalogSource source) {
        this.source = Objects.requireNonNull(source, "source");
        return this;
    }

    /** The account's ERP, e.g. the Bling module's remote. */
    public SyncEngineBuilder remote(CatalogRemote remote) {
        this.remote = Objects.requireNonNull(remote, "remote");
        return this;
    }

    /** Where ids, snapshots, cursors and the journal live; default in memory (lost on exit). */
    public SyncEngineBuilder state(SyncStateStore state) {
        this.state = Objects.requireNonNull(state, "state");
        return this;
    }

    /** Which products are managed; default every product of the account plus the declared ones. */
    public SyncEngineBuilder scope(ProductScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
        return this;
    }

    /** Hears of every applied change; may be called several times. */
    public SyncEngineBuilder listener(ChangeListener listener) {
        this.listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The marketplace rules, through their plugins: for each store, its marketplace's plugin
     * checks and fills every product it would list. Without a registry no marketplace rule is
     * applied.
     */
    public SyncEngineBuilder marketplaces(MarketplaceRegistry registry) {
        this.marketplaces = new RegistryCheck(Objects.requireNonNull(registry, "registry"));
        return this;
    }

    public SyncEngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The account's request rate, for a plan's duration estimate; default 2.85 per second. */
    public SyncEngineBuilder requestsPerSecond(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.requestsPerSecond = rate;
        return this;
    }

    /** Hears of a run's progress: phase, items done and total, rate and ETA. */
    public SyncEngineBuilder progress(SyncProgress.Listener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Where run ids come from; default random UUIDs. */
    public SyncEngineBuilder runIds(Supplier<String> runIds) {
        this.runIds = Objects.requireNonNull(runIds, "runIds");
        return this;
    }

    public SyncEngine build() {
        if (account == null || source == null || remote == null) {
            throw new IllegalStateException("a SyncEngine needs account(...), source(...) and remote(...)");
        }
        return new DefaultSyncEngine(account, source, remote, state, scope, marketplaces, listeners, clock,
                requestsPerSecond, runIds, progress);
    }
}
