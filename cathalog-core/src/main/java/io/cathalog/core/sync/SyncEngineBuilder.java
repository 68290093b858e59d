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
import java.util.Optional;
import io.cathalog.core.marketplace.StoreRequirements;
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
    private Optional<StoreRequirements> requirements = Optional.empty();

    SyncEngineBuilder() {
    }

    /**
     * The ERP account (Bling company) this engine syncs; the key of its state.
     *
     * @param accountId the account's id
     * @return this builder
     * @throws IllegalArgumentException when it is blank
     */
    public SyncEngineBuilder account(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        this.account = accountId;
        return this;
    }

    /**
     * The source of truth.
     *
     * @param source the catalog's source
     * @return this builder
     */
    public SyncEngineBuilder source(CatalogSource source) {
        this.source = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * The account's ERP, e.g. the Bling module's remote.
     *
     * @param remote the remote
     * @return this builder
     */
    public SyncEngineBuilder remote(CatalogRemote remote) {
        this.remote = Objects.requireNonNull(remote, "remote");
        return this;
    }

    /**
     * Where ids, snapshots, cursors and the journal live; default in memory (lost on exit).
     *
     * @param state the state store
     * @return this builder
     */
    public SyncEngineBuilder state(SyncStateStore state) {
        this.state = Objects.requireNonNull(state, "state");
        return this;
    }

    /**
     * Which products are managed; default every product of the account plus the declared ones.
     *
     * @param scope the scope
     * @return this builder
     */
    public SyncEngineBuilder scope(ProductScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
        return this;
    }

    /**
     * Hears of every applied change; may be called several times.
     *
     * @param listener the listener
     * @return this builder
     */
    public SyncEngineBuilder listener(ChangeListener listener) {
        this.listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The marketplace rules, through their plugins: for each store, its marketplace's plugin
     * checks and fills every product it would list. Without a registry no marketplace rule is
     * applied.
     *
     * @param registry the installed plugins
     * @return this builder
     */
    public SyncEngineBuilder marketplaces(MarketplaceRegistry registry) {
        this.marketplaces = new RegistryCheck(Objects.requireNonNull(registry, "registry"));
        return this;
    }

    /**
     * The requirements the plugins read live per store through the ERP (cathalog-bling's
     * {@code BlingRequirements}), the same instance the plugins were given: a plan then counts
     * the requests reading the categories not cached yet would make, with its reads. Optional.
     *
     * @param requirements the per-store requirements
     * @return this builder
     */
    public SyncEngineBuilder requirements(StoreRequirements requirements) {
        this.requirements = Optional.of(Objects.requireNonNull(requirements, "requirements"));
        return this;
    }

    /**
     * The clock; default the system's, in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public SyncEngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The account's request rate, for a plan's duration estimate; default 2.85 per second.
     *
     * @param rate requests per second
     * @return this builder
     * @throws IllegalArgumentException when it is not positive
     */
    public SyncEngineBuilder requestsPerSecond(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.requestsPerSecond = rate;
        return this;
    }

    /**
     * Hears of a run's progress: phase, items done and total, rate and ETA.
     *
     * @param listener the listener
     * @return this builder
     */
    public SyncEngineBuilder progress(SyncProgress.Listener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Where run ids come from; default random UUIDs.
     *
     * @param runIds the run ids
     * @return this builder
     */
    public SyncEngineBuilder runIds(Supplier<String> runIds) {
        this.runIds = Objects.requireNonNull(runIds, "runIds");
        return this;
    }

    /**
     * The engine.
     *
     * @return the engine
     * @throws IllegalStateException without an account, a source or a remote
     */
    public SyncEngine build() {
        if (account == null || source == null || remote == null) {
            throw new IllegalStateException("a SyncEngine needs account(...), source(...) and remote(...)");
        }
        return new DefaultSyncEngine(account, source, remote, state, scope, marketplaces, listeners, clock,
                requestsPerSecond, runIds, progress, requirements);
    }
}
