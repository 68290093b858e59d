package io.cathalog.core.sync.internal;

import io.cathalog.core.CathalogException;
import io.cathalog.core.ConflictException;
import io.cathalog.core.StalePlanException;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.marketplace.StoreRequirements;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Store;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.ChangeListener;
import io.cathalog.core.sync.DriftPolicy;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.ItemOutcome;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.sync.SyncStateStore;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The engine: observe, plan, apply, audit, for one account. Runs of one engine never overlap.
 *
 * <p>Observation and planning only read; this class decides when what they saw is recorded (the
 * {@link Recorder} is the one writer of the state store): never for {@link #plan} and
 * {@link #audit}, and for an apply once the plan's premises are checked, before the first write.
 */
public final class DefaultSyncEngine implements SyncEngine {
    private static final System.Logger LOG = System.getLogger(DefaultSyncEngine.class.getName());

    private final String account;
    private final CatalogSource source;
    private final CatalogRemote remote;
    private final StateView state;
    private final Recorder recorder;
    private final ProductScope scope;
    private final MarketplaceCheck marketplaces;
    private final Clock clock;
    private final double requestsPerSecond;
    private final Supplier<String> runIds;
    private final SyncProgress.Listener progress;
    private final Observer observer;
    private final Applier applier;
    private final ReentrantLock running = new ReentrantLock();
    private final Optional<StoreRequirements> requirements;

    public DefaultSyncEngine(String account, CatalogSource source, CatalogRemote remote, SyncStateStore store,
                             ProductScope scope, MarketplaceCheck marketplaces, List<ChangeListener> listeners,
                             Clock clock, double requestsPerSecond, Supplier<String> runIds,
                             SyncProgress.Listener progress) {
        this(account, source, remote, store, scope, marketplaces, listeners, clock, requestsPerSecond, runIds, progress,
                Optional.empty());
    }

    /**
     * An engine whose plans count the requests reading marketplace requirements takes.
     *
     * @param requirements the per-store requirements read through the ERP, if any
     */
    public DefaultSyncEngine(String account, CatalogSource source, CatalogRemote remote, SyncStateStore store,
                             ProductScope scope, MarketplaceCheck marketplaces, List<ChangeListener> listeners,
                             Clock clock, double requestsPerSecond, Supplier<String> runIds,
                             SyncProgress.Listener progress, Optional<StoreRequirements> requirements) {
        this.requirements = Objects.requireNonNull(requirements, "requirements");
        this.account = account;
        this.source = source;
        this.remote = remote;
        this.state = new StateView(account, store);
        this.recorder = new Recorder(account, store);
        this.scope = scope;
        this.marketplaces = marketplaces;
        this.clock = clock;
        this.requestsPerSecond = requestsPerSecond;
        this.runIds = runIds;
        this.observer = new Observer(account, remote, state, clock);
        this.progress = progress;
        this.applier = new Applier(account, remote, state, recorder, clock, listeners, progress);
    }

    /** One observation, what it would record, and the plan made from it. */
    private record Planned(Catalog catalog, Observer.Observed observed, Planner.Result result) {
    }

    private Planned observeAndPlan(PlanOptions options, RunControl control) {
        Catalog catalog = source.load();
        Instant start = clock.instant();
        report(SyncProgress.Phase.OBSERVE, 0, 0, start);
        Observer.Observed observed = observer.observe(catalog, scope, options.fullRefresh(), options.prune(), control,
                (done, total) -> report(SyncProgress.Phase.OBSERVE, done, total, start));
        report(SyncProgress.Phase.PLAN, 0, 1, clock.instant());
        Planner.Result result = Planner.plan(new Planner.Input(account, catalog, observed.observation(),
                state.remoteIds(EntityKind.CATEGORY), options, scope, requestsPerSecond, marketplaces,
                remote::requests, remote.invalidGtinRefusal(), pendingFetches(catalog)));
        return new Planned(catalog, observed, result);
    }

    /** What reading the stores' mapped categories' requirements would cost now (those not cached). */
    private long pendingFetches(Catalog catalog) {
        if (requirements.isEmpty()) {
            return 0;
        }
        long n = 0;
        for (Store store : catalog.stores()) {
            n += requirements.get().pendingFetches(store.marketplace(), store,
                    new java.util.TreeSet<>(store.categoryMapping().values()));
        }
        return n;
    }

    @Override
    public SyncPlan plan(PlanOptions options) {
        return locked(() -> {
            SyncPlan plan = observeAndPlan(options, RunControl.none()).result().plan();
            LOG.log(Level.INFO, () -> "account " + account + ": " + plan.summary());
            return plan;
        });
    }

    @Override
    public ApplyReport apply(SyncPlan plan, RunControl control) {
        return locked(() -> {
            if (!plan.accountId().equals(account)) {
                throw new IllegalArgumentException("the plan is for account '" + plan.accountId() + "', this engine for '"
                        + account + "'");
            }
            // Look again, at everything the plan depends on (with a prune, the pruned categories'
            // products too): applying a plan made against another state of the ERP could undo
            // others' work.
            Catalog catalog = source.load();
            Observer.Observed now = observer.observe(catalog, scope, false, plan.options().prune(), control);
            String current = now.observation().fingerprint();
            if (!current.equals(plan.observedFingerprint())) {
                throw new StalePlanException(plan.observedFingerprint(), current);
            }
            return applyObserved(catalog, plan, now, control);
        });
    }

    @Override
    public ApplyReport sync(PlanOptions options, Predicate<SyncPlan> proceed, RunControl control) {
        return locked(() -> {
            Planned planned = observeAndPlan(options, control);
            SyncPlan plan = planned.result().plan();
            if (!proceed.test(plan)) {
                // Nothing is applied, but what was read stays read: the next run starts from here.
                recorder.record(planned.observed().update());
                return new ApplyReport("-", List.of(), Duration.ZERO);
            }
            return applyObserved(planned.catalog(), plan, planned.observed(), control);
        });
    }

    private ApplyReport applyObserved(Catalog catalog, SyncPlan plan, Observer.Observed observed, RunControl control) {
        if (plan.driftPolicy() == DriftPolicy.FAIL && !plan.drift().isEmpty()) {
            throw new ConflictException(plan.drift().stream()
                    .map(d -> d.entity().name().toLowerCase(Locale.ROOT) + " " + d.key() + " " + d.field())
                    .toList());
        }
        recorder.record(observed.update());
        // Adopted categories are remembered, so renames and moves keep recognising them.
        recorder.categoryIds(plan.categoryIds());
        String runId = runIds.get();
        ApplyReport report = applier.apply(plan, observed.observation(), runId, control);
        LOG.log(Level.INFO, () -> "account " + account + " run " + runId + ": " + report.summary());
        confirm(catalog, report);
        return report;
    }

    /**
     * After a run that wrote, the ERP lists our own writes as changes: look at them now, while the
     * write times are fresh, so that the next run lists only what others change. A run that stopped
     * half way skips this; the next run then reads the whole window itself.
     */
    private void confirm(Catalog catalog, ApplyReport report) {
        boolean products = false;
        boolean links = false;
        for (ItemOutcome item : report.outcomes()) {
            if (item.outcome() == Outcome.UNCHANGED || item.outcome() == Outcome.SKIPPED) {
                continue;
            }
            switch (item.change().entity()) {
                case PRODUCT_STORE_LINK -> links = true;
                case STORE_CATEGORY_LINK, CUSTOM_FIELD, LISTING -> { }
                default -> products = true;
            }
        }
        if (products || links) {
            try {
                recorder.record(observer.confirm(catalog, scope, RunControl.none(), products,
                        links ? catalog.stores().stream().map(s -> s.remoteId()).toList() : List.of()));
            } catch (CathalogException e) {
                // The writes are done and journaled; only the shortcut is lost.
                LOG.log(Level.WARNING, "account " + account + ": could not confirm this run's writes ("
                        + e.getMessage() + "); the next run reads them again");
            }
        }
    }

    private void report(SyncProgress.Phase phase, long done, long total, Instant since) {
        try {
            progress.onProgress(new SyncProgress(account, "-", phase, done, total, Duration.between(since, clock.instant())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a progress listener failed; ignored", e);
        }
    }

    @Override
    public AuditReport audit() {
        return locked(() -> {
            Planned planned = observeAndPlan(PlanOptions.defaults(), RunControl.none());
            return Auditor.audit(account, clock.instant(), planned.observed().observation(), planned.result(),
                    planned.catalog());
        });
    }

    private <T> T locked(Supplier<T> work) {
        running.lock();
        try {
            return work.get();
        } finally {
            running.unlock();
        }
    }

    @Override
    public String toString() {
        return "SyncEngine[" + account + "]";
    }
}
