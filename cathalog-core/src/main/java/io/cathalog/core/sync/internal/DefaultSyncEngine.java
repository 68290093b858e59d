package io.cathalog.core.sync.internal;

import io.cathalog.core.ConflictException;
import io.cathalog.core.StalePlanException;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.Catalog;
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
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.sync.SyncStateStore;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The engine: observe, plan, apply, audit, for one account. Runs of one engine never overlap. */
public final class DefaultSyncEngine implements SyncEngine {
    private static final System.Logger LOG = System.getLogger(DefaultSyncEngine.class.getName());

    private final String account;
    private final CatalogSource source;
    private final SyncStateStore state;
    private final ProductScope scope;
    private final MarketplaceCheck marketplaces;
    private final Clock clock;
    private final double requestsPerSecond;
    private final Supplier<String> runIds;
    private final SyncProgress.Listener progress;
    private final Observer observer;
    private final Applier applier;
    private final ReentrantLock running = new ReentrantLock();

    public DefaultSyncEngine(String account, CatalogSource source, CatalogRemote remote, SyncStateStore state,
                             ProductScope scope, MarketplaceCheck marketplaces, List<ChangeListener> listeners,
                             Clock clock, double requestsPerSecond, Supplier<String> runIds,
                             SyncProgress.Listener progress) {
        this.account = account;
        this.source = source;
        this.state = state;
        this.scope = scope;
        this.marketplaces = marketplaces;
        this.clock = clock;
        this.requestsPerSecond = requestsPerSecond;
        this.runIds = runIds;
        this.observer = new Observer(account, remote, state, clock);
        this.progress = progress;
        this.applier = new Applier(account, remote, state, clock, listeners, progress);
    }

    /** The state of one observation and the plan made from it. */
    private record Planned(Catalog catalog, Observation observed, Planner.Result result) {
    }

    private Planned observeAndPlan(PlanOptions options) {
        Catalog catalog = source.load();
        java.time.Instant start = clock.instant();
        report(SyncProgress.Phase.OBSERVE, 0, 1, start);
        Observation observed = observer.observe(catalog, scope, options.fullRefresh(), options.prune());
        report(SyncProgress.Phase.PLAN, 0, 1, clock.instant());
        Planner.Result result = Planner.plan(new Planner.Input(account, catalog, observed,
                state.remoteIds(account, EntityKind.CATEGORY), options, scope, requestsPerSecond, marketplaces));
        // Adopted categories are remembered, so renames and moves keep recognising them.
        result.categoryMapping().forEach((key, id) -> state.putRemoteId(account, EntityKind.CATEGORY, key, id));
        return new Planned(catalog, observed, result);
    }

    @Override
    public SyncPlan plan(PlanOptions options) {
        return locked(() -> {
            SyncPlan plan = observeAndPlan(options).result().plan();
            LOG.log(Level.INFO, () -> "account " + account + ": " + PlanCodec.summary(plan));
            return plan;
        });
    }

    @Override
    public ApplyReport apply(SyncPlan plan) {
        return locked(() -> {
            if (!plan.accountId().equals(account)) {
                throw new IllegalArgumentException("the plan is for account '" + plan.accountId() + "', this engine for '"
                        + account + "'");
            }
            // Look again: applying a plan made against another state of the ERP could undo others' work.
            Catalog catalog = source.load();
            Observation now = observer.observe(catalog, scope, false, false);
            String current = now.fingerprint();
            if (!current.equals(plan.observedFingerprint())) {
                throw new StalePlanException(plan.observedFingerprint(), current);
            }
            return applyObserved(catalog, plan, now);
        });
    }

    @Override
    public ApplyReport sync(PlanOptions options) {
        return sync(options, plan -> true);
    }

    @Override
    public ApplyReport sync(PlanOptions options, java.util.function.Predicate<SyncPlan> proceed) {
        return locked(() -> {
            Planned planned = observeAndPlan(options);
            SyncPlan plan = planned.result().plan();
            if (!proceed.test(plan)) {
                return new ApplyReport("-", List.of(), java.time.Duration.ZERO);
            }
            return applyObserved(planned.catalog(), plan, planned.observed());
        });
    }

    private ApplyReport applyObserved(Catalog catalog, SyncPlan plan, Observation observed) {
        if (plan.driftPolicy() == DriftPolicy.FAIL && !plan.drift().isEmpty()) {
            throw new ConflictException(plan.drift().stream()
                    .map(d -> d.entity().name().toLowerCase(java.util.Locale.ROOT) + " " + d.key() + " " + d.field())
                    .toList());
        }
        String runId = runIds.get();
        ApplyReport report = applier.apply(plan, observed, runId);
        LOG.log(Level.INFO, () -> "account " + account + " run " + runId + ": " + report.counts());
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
                case STORE_CATEGORY_LINK, CUSTOM_FIELD -> { }
                default -> products = true;
            }
        }
        if (products || links) {
            try {
                observer.confirm(catalog, scope, products,
                        links ? catalog.stores().stream().map(s -> s.remoteId()).toList() : List.of());
            } catch (io.cathalog.core.CathalogException e) {
                // The writes are done and journaled; only the shortcut is lost.
                LOG.log(Level.WARNING, "account " + account + ": could not confirm this run's writes ("
                        + e.getMessage() + "); the next run reads them again");
            }
        }
    }

    private void report(SyncProgress.Phase phase, long done, long total, java.time.Instant since) {
        try {
            progress.onProgress(new SyncProgress(account, "-", phase, done, total,
                    java.time.Duration.between(since, clock.instant())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a progress listener failed; ignored", e);
        }
    }

    @Override
    public AuditReport audit() {
        return locked(() -> {
            Planned planned = observeAndPlan(PlanOptions.defaults());
            return Auditor.audit(account, clock.instant(), planned.observed(), planned.result());
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
