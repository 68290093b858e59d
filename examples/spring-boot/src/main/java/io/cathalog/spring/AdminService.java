package io.cathalog.spring;

import io.cathalog.core.CathalogException;
import io.cathalog.core.StalePlanException;
import io.cathalog.core.lease.LeaseLock;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.jpa.RunLease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin page's actions. {@link #plan} is a dry run whose plan is kept here under an id; the
 * page shows it and {@link #apply} applies exactly that plan, once, when its id comes back (the
 * engine refuses it when Bling changed since: the person plans again and reviews again). An apply
 * holds the account's run lease, the one the scheduler's runs hold, so it never overlaps a run here
 * or on another instance.
 */
final class AdminService {
    /** A plan waiting for review. */
    record Pending(String id, SyncPlan plan, Instant plannedAt) {
    }

    /** What an apply did, for the page. */
    record Applied(Instant at, Optional<ApplyReport> report, String message) {
    }

    private final Accounts accounts;
    private final LeaseLock leases;
    private final InstanceId instance;
    private final Duration leaseTtl;
    private final Clock clock;
    private final Map<String, SyncEngine> engines = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Applied> applied = new ConcurrentHashMap<>();

    AdminService(Accounts accounts, LeaseLock leases, InstanceId instance, Duration leaseTtl, Clock clock) {
        this.accounts = accounts;
        this.leases = leases;
        this.instance = instance;
        this.leaseTtl = leaseTtl;
        this.clock = clock;
    }

    private SyncEngine engine(AccountRuntime a) {
        // The account's own limiter: the admin's requests count against the same pace and budget.
        return engines.computeIfAbsent(a.id(), id -> a.engine(a.limiter(), SyncProgress.Listener.NONE));
    }

    /** A dry run of the account; the plan waits for review. Nothing is written to Bling. */
    Pending plan(AccountRuntime a) {
        SyncPlan plan = engine(a).plan(a.options());
        Pending p = new Pending(UUID.randomUUID().toString(), plan, clock.instant());
        pending.put(a.id(), p);
        return p;
    }

    Optional<Pending> pending(String account) {
        return Optional.ofNullable(pending.get(account));
    }

    Optional<Applied> lastApplied(String account) {
        return Optional.ofNullable(applied.get(account));
    }

    /**
     * Applies the reviewed plan {@code planId}, holding the account's lease; then plans again so the
     * page shows what is left (nothing, normally).
     */
    Applied apply(AccountRuntime a, String planId) {
        Pending p = pending.get(a.id());
        if (p == null || !p.id().equals(planId)) {
            return record(a, new Applied(clock.instant(), Optional.empty(),
                    "That plan is no longer the pending one: plan again and review it."));
        }
        pending.remove(a.id(), p);
        Optional<ApplyReport> report;
        try {
            report = RunLease.builder(leases).owner(instance.id()).ttl(leaseTtl).build()
                    .run(a.id(), () -> engine(a).apply(p.plan()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(a, new Applied(clock.instant(), Optional.empty(), "Interrupted; nothing more was applied."));
        } catch (StalePlanException e) {
            return record(a, new Applied(clock.instant(), Optional.empty(),
                    "Bling changed since the plan was made; nothing was applied. Plan again. (" + e.getMessage() + ")"));
        } catch (ApplyStoppedException e) {
            return record(a, new Applied(clock.instant(), Optional.of(e.report()), "The apply stopped: " + e.getMessage()));
        } catch (CathalogException e) {
            return record(a, new Applied(clock.instant(), Optional.empty(), "The apply failed: " + e.getMessage()));
        }
        if (report.isEmpty()) {
            pending.putIfAbsent(a.id(), p);
            return record(a, new Applied(clock.instant(), Optional.empty(),
                    "A run of this account is in progress (here or on another instance); try again when it ends."));
        }
        Applied done = record(a, new Applied(clock.instant(), report, "Applied: " + report.get().counts()));
        plan(a);
        return done;
    }

    private Applied record(AccountRuntime a, Applied result) {
        applied.put(a.id(), result);
        return result;
    }
}
