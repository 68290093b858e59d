package io.cathalog.core.jobs;

import io.cathalog.core.CathalogException;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.BlockedException;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.DriftPolicy;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.ItemOutcome;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.Assignment;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.ProductFields;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * An engine over a pretend ERP of {@code items} products to write, one request each, that mimics
 * the real applier's contract: one request per change through the context's limiter, a progress
 * report after each change, and a clean stop (the refused item FAILED, the rest SKIPPED, as an
 * {@link ApplyStoppedException}) on the three stopping causes. The ERP remembers what was
 * applied, so the next plan holds only what is left (as the real engine's replan does).
 */
final class FakeEngine implements SyncEngine {
    final String account;
    final RequestLimiter limiter;
    final SyncProgress.Listener progress;
    final int items;
    final Set<String> applied = ConcurrentHashMap.newKeySet();
    final List<String> appliedInOrder = new CopyOnWriteArrayList<>();
    final AtomicInteger plans = new AtomicInteger();
    final AtomicInteger applies = new AtomicInteger();
    /** Called with the item index while a change is being applied (after its request). */
    volatile IntConsumer duringItem = i -> { };
    /** Hears every plan made. */
    volatile java.util.function.Consumer<SyncPlan> onPlan = p -> { };
    /** Thrown by plan() when set. */
    volatile Supplier<RuntimeException> planFailure = () -> null;
    /** Shared across engines: how many runs are inside plan/apply at once, and the most ever. */
    final AtomicInteger inside;
    final AtomicInteger maxInside;
    private final AtomicInteger runs = new AtomicInteger();

    FakeEngine(JobContext ctx, int items, AtomicInteger inside, AtomicInteger maxInside) {
        this.account = ctx.accountId();
        this.limiter = ctx.limiter();
        this.progress = ctx.progress();
        this.items = items;
        this.inside = inside;
        this.maxInside = maxInside;
    }

    FakeEngine(JobContext ctx, int items) {
        this(ctx, items, new AtomicInteger(), new AtomicInteger());
    }

    static Change change(int i) {
        return new Change.UpdateProduct(String.format("SKU-%03d", i), i,
                ProductFields.builder().name(Assignment.of("Product " + i)).build());
    }

    @Override
    public SyncPlan plan(PlanOptions options) {
        enter();
        try {
            plans.incrementAndGet();
            RuntimeException failure = planFailure.get();
            if (failure != null) {
                throw failure;
            }
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                if (!applied.contains(change(i).key())) {
                    changes.add(change(i));
                }
            }
            SyncPlan plan = new SyncPlan(account, changes, List.of(), List.of(), PlanOptions.defaults(),
                    "fp-" + applied.size(), new java.util.TreeMap<>(), changes.size(), Duration.ofSeconds(changes.size()));
            onPlan.accept(plan);
            return plan;
        } finally {
            leave();
        }
    }

    @Override
    public ApplyReport apply(SyncPlan plan, RunControl control) {
        enter();
        try {
            applies.incrementAndGet();
            String runId = account + "-run-" + runs.incrementAndGet();
            List<ItemOutcome> outcomes = new ArrayList<>();
            CathalogException stop = null;
            int done = 0;
            for (Change c : plan.changes()) {
                if (stop == null && control.stopReason().isPresent()) {
                    stop = new io.cathalog.core.RunCancelledException("asked to stop: " + control.stopReason().get());
                }
                if (stop != null) {
                    outcomes.add(new ItemOutcome(c, Outcome.SKIPPED, Optional.of("run stopped")));
                    continue;
                }
                try {
                    limiter.acquire();
                    duringItem.accept((int) c.remoteId().getAsLong());
                    applied.add(c.key());
                    appliedInOrder.add(c.key());
                    outcomes.add(new ItemOutcome(c, Outcome.UPDATED, Optional.empty()));
                } catch (DailyQuotaExceededException | ReauthorizationRequiredException | BlockedException
                         | io.cathalog.core.RunCancelledException e) {
                    outcomes.add(new ItemOutcome(c, Outcome.FAILED, Optional.of(e.getMessage())));
                    stop = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CathalogException("interrupted", e);
                }
                done++;
                progress.onProgress(new SyncProgress(account, runId, SyncProgress.Phase.APPLY, done,
                        plan.changes().size(), Duration.ofSeconds(done)));
            }
            ApplyReport report = new ApplyReport(runId, outcomes, Duration.ZERO);
            if (stop != null) {
                throw new ApplyStoppedException(report, stop);
            }
            return report;
        } finally {
            leave();
        }
    }

    private void enter() {
        int now = inside.incrementAndGet();
        maxInside.accumulateAndGet(now, Math::max);
    }

    private void leave() {
        inside.decrementAndGet();
    }

    @Override
    public AuditReport audit() {
        throw new UnsupportedOperationException();
    }
}
