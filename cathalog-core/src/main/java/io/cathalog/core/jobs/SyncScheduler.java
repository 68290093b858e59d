package io.cathalog.core.jobs;

import io.cathalog.core.BlockedException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.LeaseLostException;
import io.cathalog.core.RunCancelledException;
import io.cathalog.core.auth.KeepAliveResult;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.VersionedTokens;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Sleeper;
import io.cathalog.core.http.Usage;
import io.cathalog.core.lease.Lease;
import io.cathalog.core.lease.LeaseLock;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps every registered account in sync: a host starts it and forgets about it.
 *
 * <ul>
 *   <li><b>Interval and jitter.</b> Each account runs an incremental sync every
 *       {@linkplain AccountJob#interval() interval} (plus up to its jitter) after its previous run
 *       ended.</li>
 *   <li><b>Never twice at once.</b> In this process an account is either running or not; across
 *       instances a run holds the {@link LeaseLock} lease {@code sync:<accountId>}, renewed while
 *       the run goes on, released when it ends. An instance that finds the lease held skips the
 *       run and tries again later.</li>
 *   <li><b>Instances share the work evenly.</b> A run that completes takes the lease
 *       {@code synced:<accountId>} for the account's interval less a hand-off (its jitter plus one
 *       {@linkplain Builder#tickEvery look}, at most half the interval), before it releases the run
 *       lease, and keeps it (it lapses by itself). Another instance whose schedule finds that mark held by someone else does not
 *       run the account (unless webhooks or a person asked for a run; it reads the mark again once
 *       it holds the run lease) and looks again when it lapses, plus its own jitter: before the instance that ran it last is due again (its
 *       interval plus jitter after the run's end). So the next run goes to another live instance,
 *       the one that ran the account least recently tending to look first, and N instances carry
 *       about 1/N of the runs each, once per interval in all, each account still within its
 *       interval plus its jitter after the previous run's end. An instance that finds the run
 *       lease {@code sync:<accountId>} held elsewhere looks again when it lapses (at the latest
 *       after the interval): a dead instance's accounts are taken over within the lease's time
 *       to live. One instance alone runs as if alone: its own mark does not hold it back.</li>
 *   <li><b>Backoff.</b> A failed run is retried after an exponentially growing delay, capped; a
 *       run that completes resets it. An IP block waits at least {@link Builder#blockedBackoff}.</li>
 *   <li><b>Pause.</b> An account whose authorization is dead is paused with the authorize URL
 *       instead of failing every run; {@link #resume} after the host has re-authorized it.</li>
 *   <li><b>Daily budget.</b> Each run is planned first; when the plan's estimated requests exceed
 *       what is left of the account limiter's daily budget, the run is recorded as a split, is
 *       applied until the limiter stops it at the budget, and the next run starts at the budget's
 *       reset and continues from what Bling holds then (nothing is applied twice: the engine
 *       replans, and creations look their natural key up first).</li>
 *   <li><b>Tokens.</b> With {@link Builder#tokens}, refresh tokens that would lapse before their
 *       account's next run are refreshed (through {@link TokenManager#refreshLapsing}).</li>
 *   <li><b>Many accounts, bounded.</b> One pool of {@link Builder#maxConcurrentRuns} threads for
 *       every account; due accounts are admitted earliest-due first while a slot is free, and a
 *       run that has held its slot for {@link Builder#runSlice} yields it at its next change when
 *       another account is due and every slot is taken (it is due again at once, behind them).</li>
 *   <li><b>Shutdown.</b> {@link #shutdown} stops scheduling, lets each run finish the change it
 *       is applying (journaled), refuses the next one, and waits for the runs up to a timeout.</li>
 * </ul>
 *
 * <p>{@link #runDue()} runs what is due now by the clock on the caller's thread: deterministic,
 * for tests and for hosts with their own scheduler. {@link #start()} drives it with its own
 * threads. Thread-safe.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SyncScheduler.class.getName());

    private final Clock clock;
    private final String owner;
    private final LeaseLock leases;
    private final Duration leaseTtl;
    private final Duration tickEvery;
    private final int maxConcurrentRuns;
    private final Duration runSlice;
    private final Random random;
    private final SyncProgress.Listener hostProgress;
    private final Optional<TokenKeepAlive> keepAlive;
    private final Duration refreshTokenLifetime;
    private final Sleeper sleeper;

    private final RunPolicy policy;
    private final Map<String, Account> accounts = new ConcurrentSkipListMap<>();
    private final AtomicInteger activeRuns = new AtomicInteger();
    private final Object idle = new Object();
    private final Object lifecycle = new Object();
    private volatile boolean shuttingDown;
    private volatile boolean started;
    private ScheduledExecutorService ticker; // guarded by lifecycle
    private ExecutorService workers; // guarded by lifecycle

    private SyncScheduler(Builder b) {
        this.clock = b.clock;
        this.owner = b.owner;
        this.leases = b.leases;
        this.leaseTtl = b.leaseTtl;
        this.tickEvery = b.tickEvery;
        this.maxConcurrentRuns = b.maxConcurrentRuns;
        this.runSlice = b.runSlice;
        this.random = b.random;
        this.hostProgress = b.progress;
        this.refreshTokenLifetime = b.refreshTokenLifetime;
        this.keepAlive = b.tokenManager.map(m -> new TokenKeepAlive(m, b.tokenStore, b.clock, b.refreshTokenLifetime,
                b.keepAliveEvery));
        this.sleeper = b.sleeper;
        this.policy = new RunPolicy(b.backoffBase, b.backoffCap, b.blockedBackoff, b.leaseRetry);
    }

    /**
     * A builder with every setting at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This instance's lease owner id.
     *
     * @return the owner id its leases and run records carry
     */
    public String owner() {
        return owner;
    }

    // ------------------------------------------------------------------ registration

    /**
     * Adds an account. Its engine is built now (from the scheduler's {@link JobContext}); its first
     * run is due within its jitter.
     *
     * @param job the account's job
     * @throws IllegalArgumentException the account is registered already
     * @throws IllegalStateException    the scheduler is shut down
     */
    public void register(AccountJob job) {
        Objects.requireNonNull(job, "job");
        if (shuttingDown) {
            throw new IllegalStateException("the scheduler is shut down");
        }
        RequestLimiter limiter = job.limiter().orElseGet(() -> LocalRequestLimiter.builder(job.accountId(),
                job.pacing().orElseThrow()).clock(clock).sleeper(sleeper).build());
        CountingLimiter gate = new CountingLimiter(limiter);
        Account account = new Account(job, gate);
        gate.guard(account::leaseGuard);
        JobContext context = new JobContext(job.accountId(), gate, account::onProgress, clock, account::fence);
        SyncEngine engine = Objects.requireNonNull(job.engineFactory().apply(context),
                "the engine factory of account '" + job.accountId() + "' returned null");
        account.engine = engine;
        account.schedule = Schedule.first(clock.instant().plus(jitter(job.jitter())));
        if (accounts.putIfAbsent(job.accountId(), account) != null) {
            throw new IllegalArgumentException("account '" + job.accountId() + "' is registered already");
        }
        LOG.log(Level.INFO, "account {0} scheduled every {1} (+ up to {2}), first run at {3}", job.accountId(),
                job.interval(), job.jitter(), account.schedule.nextRunAt());
    }

    /**
     * Removes an account that is not running; false when it is unknown or running.
     *
     * @param accountId the account
     * @return true when the account was removed
     */
    public boolean unregister(String accountId) {
        Account a = accounts.get(Objects.requireNonNull(accountId, "accountId"));
        if (a == null || !a.running.compareAndSet(false, true)) {
            return false;
        }
        accounts.remove(accountId);
        return true;
    }

    /**
     * The registered accounts, sorted.
     *
     * @return the account ids
     */
    public List<String> accountIds() {
        return List.copyOf(accounts.keySet());
    }

    // ------------------------------------------------------------------ requests from outside

    /**
     * Makes the account's next run due now (or right after the current one), remembering the
     * products that changed; returns at once. A paused account stays paused (the products are kept
     * for when it resumes); an account whose budget is spent waits for the reset.
     *
     * @param accountId the account
     * @param products  the products webhooks said changed; empty for a manual sync
     * @return false when the account is not registered here
     */
    public boolean requestSync(String accountId, Collection<ProductRef> products) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(products, "products");
        Account a = accounts.get(accountId);
        if (a == null) {
            return false;
        }
        synchronized (a) {
            products.forEach(p -> a.pending.put(p.id(), p));
            a.requested = Optional.of(products.isEmpty() ? Trigger.MANUAL : Trigger.WEBHOOK);
            a.schedule = policy.requested(a.schedule, clock.instant());
        }
        wake();
        return true;
    }

    /**
     * An immediate incremental sync of the account (see {@link #requestSync}).
     *
     * @param accountId the account
     * @return false when the account is not registered here
     */
    public boolean syncNow(String accountId) {
        return requestSync(accountId, List.of());
    }

    /**
     * Resumes a paused account (after a person re-authorized it) with a run due now; also ends a
     * backoff. False when the account is not registered.
     *
     * @param accountId the account
     * @return true when the account was resumed, false when it is not registered here
     */
    public boolean resume(String accountId) {
        Account a = accounts.get(Objects.requireNonNull(accountId, "accountId"));
        if (a == null) {
            return false;
        }
        synchronized (a) {
            a.schedule = policy.resumed(a.schedule, clock.instant());
            a.requested = Optional.of(Trigger.MANUAL);
        }
        LOG.log(Level.INFO, "account {0} resumed", accountId);
        wake();
        return true;
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs, on the caller's thread and one after another, every account whose run is due now by
     * the clock and that is not running already (here, or under another instance's lease); first
     * the token keep-alive when it is due. Returns the runs made.
     *
     * @return the records of the runs made, in the order they ran; empty once shut down
     */
    public List<RunRecord> runDue() {
        if (shuttingDown) {
            return List.of();
        }
        renewRunningLeases();
        keepAliveIfDue();
        List<RunRecord> done = new ArrayList<>();
        // The caller's thread is the one slot: accounts take it in the order they fell due.
        for (Account a : dueByTime()) {
            if (shuttingDown) {
                break;
            }
            if (a.due(clock.instant()) && begin(a)) {
                try {
                    run(a).ifPresent(done::add);
                } finally {
                    end(a);
                }
            }
        }
        return List.copyOf(done);
    }

    /**
     * Starts the scheduler's own threads: a ticker every {@link Builder#tickEvery} that hands due
     * accounts to up to {@link Builder#maxConcurrentRuns} run threads, renews running accounts'
     * leases and keeps tokens alive.
     */
    public void start() {
        synchronized (lifecycle) {
            if (shuttingDown) {
                throw new IllegalStateException("the scheduler is shut down");
            }
            if (ticker != null) {
                throw new IllegalStateException("the scheduler is started already");
            }
            workers = Executors.newFixedThreadPool(maxConcurrentRuns, threads("cathalog-sync-run-"));
            ticker = Executors.newSingleThreadScheduledExecutor(threads("cathalog-sync-tick-"));
            ticker.scheduleWithFixedDelay(this::tick, 0, tickEvery.toMillis(), TimeUnit.MILLISECONDS);
            started = true;
        }
        LOG.log(Level.INFO, "sync scheduler {0} started with {1} accounts", owner, accounts.size());
    }

    /** One pass of the started scheduler; never throws (a throwing task would end the schedule). */
    private void tick() {
        try {
            if (shuttingDown) {
                return;
            }
            renewRunningLeases();
            keepAliveIfDue();
            ExecutorService pool;
            synchronized (lifecycle) {
                pool = workers;
            }
            // Admission: as many runs as there are free slots, the accounts that fell due first
            // first. Nothing waits in the pool's queue, so an account due later never overtakes one
            // due earlier, and a run that yields its slot rejoins behind those already waiting.
            for (Account a : dueByTime()) {
                if (shuttingDown || activeRuns.get() >= maxConcurrentRuns) {
                    break;
                }
                if (a.due(clock.instant()) && begin(a)) {
                    try {
                        pool.execute(() -> {
                            try {
                                run(a);
                            } finally {
                                end(a);
                                wake(); // a slot is free: admit the next due account now, not at the next tick
                            }
                        });
                    } catch (RejectedExecutionException e) {
                        end(a);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a scheduler tick failed; the next one tries again", e);
        }
    }

    /** The accounts due now and not running, earliest due first (then by id). */
    private List<Account> dueByTime() {
        Instant now = clock.instant();
        List<Account> due = new ArrayList<>();
        for (Account a : accounts.values()) {
            if (!a.running.get() && a.due(now)) {
                due.add(a);
            }
        }
        due.sort(java.util.Comparator.comparing(Account::nextRunNow).thenComparing(a -> a.job.accountId()));
        return due;
    }

    /**
     * Whether an account other than {@code running} is due and waits for a slot that every run
     * holds: what makes a run past its slice yield.
     */
    private boolean anotherWaitsForASlot(Account running) {
        if (started && activeRuns.get() < maxConcurrentRuns) {
            return false; // a slot is free: the next tick admits the waiting account without a yield
        }
        Instant now = clock.instant();
        for (Account a : accounts.values()) {
            if (a != running && !a.running.get() && a.due(now)) {
                return true;
            }
        }
        return false;
    }

    /** Runs in progress (on other threads) keep their leases while their engine is busy. */
    private void renewRunningLeases() {
        for (Account a : accounts.values()) {
            if (a.running.get()) {
                a.renewLeaseIfDue();
            }
        }
    }

    private void wake() {
        synchronized (lifecycle) {
            if (ticker != null && !shuttingDown) {
                try {
                    ticker.execute(this::tick);
                } catch (RejectedExecutionException e) {
                    // Shutting down: nothing to wake.
                }
            }
        }
    }

    private boolean begin(Account a) {
        if (!a.running.compareAndSet(false, true)) {
            return false;
        }
        activeRuns.incrementAndGet();
        return true;
    }

    private void end(Account a) {
        a.running.set(false);
        activeRuns.decrementAndGet();
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** The lease name whose holder synced the account last, held for the account's interval. */
    private static String syncedName(String accountId) {
        return "synced:" + accountId;
    }

    /** One run of one account; empty when no run was made (lease held elsewhere, budget spent, paused). */
    private Optional<RunRecord> run(Account a) {
        String id = a.job.accountId();
        Instant start = clock.instant();
        synchronized (a) {
            if (a.schedule.pause().isPresent()) {
                return Optional.empty();
            }
        }
        Usage usage = a.gate.usage();
        Optional<Instant> noBudgetUntil = usage.quotaExhaustedUntil()
                .or(() -> usage.remainingToday() == 0 ? Optional.of(usage.resetAt()) : Optional.empty());
        if (noBudgetUntil.isPresent()) {
            // Not a run: nothing could be sent. Wait for the reset without spending anything.
            synchronized (a) {
                a.schedule = policy.budgetSpent(a.schedule, noBudgetUntil.get());
            }
            LOG.log(Level.INFO, "account {0}: the day''s budget is spent; next run at {1}", id, noBudgetUntil.get());
            return Optional.empty();
        }
        boolean scheduledOnly;
        synchronized (a) {
            scheduledOnly = a.pending.isEmpty() && a.requested.isEmpty();
        }
        // Instances that share the leases share the work: an account another instance synced
        // within its interval is not synced again here (a webhook or a person asking still is).
        if (scheduledOnly && syncedElsewhere(a)) {
            return Optional.empty();
        }
        String leaseName = "sync:" + id;
        Optional<Lease> lease = leases.tryAcquire(leaseName, owner, leaseTtl);
        if (lease.isEmpty()) {
            Optional<Lease> holder = leases.holder(leaseName);
            synchronized (a) {
                a.leaseHolder = holder.map(Lease::owner);
                // Someone else is syncing the account: look again when its lease lapses (it has
                // marked the account by then, or died), sooner when webhooks are waiting.
                a.schedule = policy.leaseHeldElsewhere(a.schedule, start, holder.map(Lease::expiresAt),
                        a.job.interval(), jitter(a.job.jitter()), !a.pending.isEmpty());
            }
            LOG.log(Level.DEBUG, () -> "account " + id + ": lease held by " + holder.map(Lease::owner).orElse("?")
                    + "; not running here");
            return Optional.empty();
        }
        // The mark was read before the lease was taken: another instance may have completed a run
        // and marked the account in between (it marks before it lets go of the lease).
        if (scheduledOnly && syncedElsewhere(a)) {
            leases.release(lease.get());
            return Optional.empty();
        }
        Trigger trigger;
        List<ProductRef> products;
        synchronized (a) {
            a.lease = lease.get();
            a.leaseRenewedAt = start;
            a.leaseLost = false;
            a.leaseHolder = Optional.empty();
            a.schedule = policy.started(a.schedule);
            products = List.copyOf(a.pending.values());
            a.pending.clear();
            trigger = !products.isEmpty() ? Trigger.WEBHOOK : a.requested.orElse(Trigger.SCHEDULE);
            a.requested = Optional.empty();
            a.runThread = Thread.currentThread();
            a.runStartedAt = start;
            a.yielded = false;
            a.applying = false;
            a.progress = Optional.empty();
        }
        a.gate.beginRun();
        a.clearStop(); // a stop asked for a run that has ended is not this run's
        if (shuttingDown) {
            a.requestStop("the scheduler is shutting down");
        }
        Attempt attempt = new Attempt(a, trigger, products, start, usage.usedToday());
        RunRecord record = null;
        try {
            attempt.execute();
            record = attempt.record();
            // Marked while the run's lease is still held: an instance that takes the lease next
            // finds the mark, instead of running the account again right after this run.
            markFor(a, record);
        } finally {
            Lease held;
            synchronized (a) {
                held = a.lease;
                a.lease = null;
                a.runThread = null;
                a.runStartedAt = Instant.MAX;
            }
            if (held != null) {
                leases.release(held);
            }
            if (a.leaseLost || a.yielded) {
                // The stop was for this run; the account may run here again (once the lease is
                // free, or once a slot is).
                a.clearStop();
            }
        }
        RunRecord ended = record;
        synchronized (a) {
            a.lastRun = Optional.of(ended);
        }
        Level level = ended.outcome() == RunOutcome.FAILED || ended.outcome() == RunOutcome.REAUTHORIZATION_REQUIRED
                ? Level.WARNING : Level.INFO;
        LOG.log(level, () -> "account " + id + " run " + ended.runId().orElse("-") + " (" + trigger + "): "
                + ended.outcome() + " " + ended.counts() + ", " + ended.requestsUsed() + " requests"
                + ended.error().map(e -> ": " + e).orElse("") + "; next run at "
                + nextRun(a).map(Instant::toString).orElse("none (paused)"));
        return Optional.of(ended);
    }

    /**
     * Whether another instance holds the account's mark (it completed a run within the interval);
     * if so, the account's next look here is when the mark lapses, plus this instance's jitter.
     */
    private boolean syncedElsewhere(Account a) {
        String id = a.job.accountId();
        Optional<Lease> synced = leases.holder(syncedName(id));
        if (synced.isEmpty() || synced.get().owner().equals(owner)) {
            return false;
        }
        synchronized (a) {
            a.schedule = policy.syncedElsewhere(a.schedule, synced.get().expiresAt(),
                    lookAfterMark(a, synced.get().expiresAt()));
        }
        LOG.log(Level.DEBUG, () -> "account " + id + ": synced by " + synced.get().owner()
                + " within its interval; next look at " + nextRun(a).map(Instant::toString).orElse("none"));
        return true;
    }

    /**
     * After a completed run, tells the other instances that the account is in step for the
     * interval less the hand-off: they look again as the mark lapses (plus their jitter), before
     * this instance is due itself, so the next run goes to one of them while any is alive and the
     * runs go round the live instances. A mark another instance holds (a requested run here beside
     * its schedule) stays theirs.
     */
    private void markFor(Account a, RunRecord record) {
        if (record.outcome() != RunOutcome.COMPLETED && record.outcome() != RunOutcome.COMPLETED_WITH_FAILURES) {
            return;
        }
        try {
            leases.tryAcquire(syncedName(a.job.accountId()), owner,
                    RunPolicy.markAfterCompleted(a.job.interval(), a.job.jitter(), tickEvery));
        } catch (RuntimeException e) {
            // Only costs another instance a redundant run.
            LOG.log(Level.WARNING, "account {0}: could not mark the run as done for the other instances: {1}",
                    a.job.accountId(), e.toString());
        }
    }

    /** The bookkeeping of one run. */
    private final class Attempt {
        final Account a;
        final Trigger trigger;
        final List<ProductRef> products;
        final Instant start;
        final long usedBefore;
        Optional<String> runId = Optional.empty();
        Map<Outcome, Long> counts = Map.of();
        OptionalLong estimated = OptionalLong.empty();
        OptionalLong remaining = OptionalLong.empty();
        RunOutcome outcome = RunOutcome.FAILED;
        Optional<String> error = Optional.empty();

        Attempt(Account a, Trigger trigger, List<ProductRef> products, Instant start, long usedBefore) {
            this.a = a;
            this.trigger = trigger;
            this.products = products;
            this.start = start;
            this.usedBefore = usedBefore;
        }

        void execute() {
            SyncEngine engine = a.engine;
            try {
                // One look at the ERP serves the plan, the budget check and the apply.
                boolean[] declined = {false};
                ApplyReport report = engine.sync(a.job.options(), plan -> {
                    // The run has read the ERP already: what is left to spend is the writing.
                    estimated = OptionalLong.of(plan.writeRequests());
                    remaining = OptionalLong.of(a.gate.usage().remainingToday());
                    if (a.stopReason().isPresent()) {
                        declined[0] = true;
                        return false;
                    }
                    if (plan.writeRequests() > remaining.getAsLong()) {
                        LOG.log(Level.INFO, "account {0}: the plan needs about {1} requests, {2} are left today; "
                                + "applying until the budget stops it, the rest after the reset", a.job.accountId(),
                                plan.writeRequests(), remaining.getAsLong());
                    }
                    return true;
                }, a::stopReason);
                if (declined[0]) {
                    stopped("stopped before applying: " + stopReason());
                    return;
                }
                completed(report);
            } catch (ApplyStoppedException e) {
                report(e.report());
                stoppedBy(e.getCause() instanceof CathalogException c ? c : e, true);
            } catch (CathalogException e) {
                stoppedBy(e, false);
            } catch (RuntimeException e) {
                failed(e, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private void report(ApplyReport report) {
            runId = Optional.of(report.runId());
            counts = report.counts();
        }

        private void completed(ApplyReport report) {
            report(report);
            outcome = report.hasFailures() ? RunOutcome.COMPLETED_WITH_FAILURES : RunOutcome.COMPLETED;
            synchronized (a) {
                a.schedule.split().ifPresent(s -> LOG.log(Level.INFO, "account {0}: the split sync planned at {1} "
                        + "completed in {2} parts", a.job.accountId(), s.plannedAt(), s.parts() + 1));
                a.schedule = policy.completed(a.schedule, clock.instant(), a.job.interval(), jitter(a.job.jitter()),
                        !a.pending.isEmpty());
            }
        }

        private void stoppedBy(CathalogException cause, boolean applied) {
            if (cause instanceof RunCancelledException || a.stopReason().isPresent()) {
                stopped(cause.getMessage());
            } else if (cause instanceof DailyQuotaExceededException q) {
                budgetStopped(q, applied);
            } else if (cause instanceof ReauthorizationRequiredException r) {
                paused(r);
            } else if (cause instanceof BlockedException) {
                failed(cause, cause.getMessage());
            } else {
                failed(cause, cause.getMessage());
            }
        }

        private void stopped(String why) {
            outcome = RunOutcome.STOPPED;
            error = Optional.of(why);
            if (a.yielded && !a.leaseLost && !shuttingDown) {
                synchronized (a) {
                    a.schedule = policy.yielded(a.schedule, clock.instant());
                }
                return;
            }
            synchronized (a) {
                // The rest is done by the next run, here after a restart, or by the lease's new holder.
                a.schedule = policy.stopped(a.schedule, clock.instant(), a.leaseLost, a.job.interval(),
                        jitter(a.job.jitter()), !a.pending.isEmpty());
            }
        }

        private void budgetStopped(DailyQuotaExceededException q, boolean applied) {
            outcome = RunOutcome.BUDGET_STOPPED;
            error = Optional.of(q.getMessage());
            Instant resetAt = q.resetAt();
            synchronized (a) {
                a.schedule = policy.budgetStopped(a.schedule, start, resetAt, applied, counts, estimated, remaining);
            }
        }

        private void paused(ReauthorizationRequiredException r) {
            outcome = RunOutcome.REAUTHORIZATION_REQUIRED;
            error = Optional.of(r.getMessage());
            synchronized (a) {
                a.schedule = policy.paused(a.schedule, r.getMessage(), Optional.of(r.authorizeUrl()));
            }
        }

        private void failed(RuntimeException e, String message) {
            outcome = RunOutcome.FAILED;
            error = Optional.of(message);
            synchronized (a) {
                a.schedule = policy.failed(a.schedule, clock.instant(), e instanceof BlockedException);
            }
            if (!(e instanceof CathalogException)) {
                LOG.log(Level.WARNING, "account " + a.job.accountId() + ": unexpected failure", e);
            }
        }

        private String stopReason() {
            return a.leaseLost ? "the account's lease was lost"
                    : a.yielded ? "yielded its slot to accounts due before it" : "the scheduler is shutting down";
        }

        RunRecord record() {
            long used = a.job.engineFromContext() ? a.gate.sent()
                    : Math.max(0, a.gate.usage().usedToday() - usedBefore);
            return new RunRecord(a.job.accountId(), runId, trigger, owner, start, clock.instant(), outcome, counts,
                    estimated, remaining, used, products, error);
        }
    }

    /**
     * When, after another instance's mark lapses, this instance looks again: a jitter in the first
     * half of the account's jitter, or in the second half when this instance ran the account the
     * round before the mark's (so of the instances that did not run it last, the one that ran it
     * least recently tends to come first, and the runs go round all the live instances).
     */
    private Duration lookAfterMark(Account a, Instant markLapses) {
        Duration half = a.job.jitter().dividedBy(2);
        // The mark lapses about an interval after its run ended, which ended about an interval after
        // the round before: half an interval earlier than that separates it from the round before it.
        Instant roundBefore = markLapses.minus(a.job.interval().multipliedBy(5).dividedBy(2));
        boolean ranRoundBefore;
        synchronized (a) {
            ranRoundBefore = a.lastRun.map(r -> r.endedAt().isAfter(roundBefore)).orElse(false);
        }
        Duration j = jitter(half);
        return ranRoundBefore ? j.plus(half) : j;
    }

    private Duration jitter(Duration max) {
        long ms = max.toMillis();
        if (ms <= 0) {
            return Duration.ZERO;
        }
        synchronized (random) {
            return Duration.ofMillis(random.nextLong(ms + 1));
        }
    }

    // ------------------------------------------------------------------ tokens

    /**
     * Refreshes, through the token manager, the refresh tokens of the registered (unpaused)
     * accounts that are near their lapse; pauses the accounts whose authorization is dead. Runs by
     * itself every {@link Builder#keepAliveEvery}, and whenever a refresh token would lapse before
     * its account's next run. Empty without {@link Builder#tokens}.
     *
     * @return one result per account looked at
     */
    public List<KeepAliveResult> keepAlive() {
        if (keepAlive.isEmpty()) {
            return List.of();
        }
        List<String> ids = accounts.values().stream().filter(a -> a.pauseNow().isEmpty()).map(a -> a.job.accountId())
                .toList();
        List<KeepAliveResult> results = keepAlive.get().run(ids);
        for (KeepAliveResult r : results) {
            Account a = accounts.get(r.accountId());
            if (a != null && (r.outcome() == KeepAliveResult.Outcome.REAUTHORIZATION_REQUIRED
                    || r.outcome() == KeepAliveResult.Outcome.NOT_AUTHORIZED)) {
                Optional<URI> url = keepAlive.get().authorizeUrl(r.accountId());
                synchronized (a) {
                    a.schedule = policy.paused(a.schedule, r.detail(), url);
                }
                LOG.log(Level.WARNING, "account {0} paused: {1}", r.accountId(), r.detail());
            }
        }
        return results;
    }

    private void keepAliveIfDue() {
        if (keepAlive.isEmpty()) {
            return;
        }
        Map<String, Instant> nextRuns = new LinkedHashMap<>();
        accounts.values().stream().filter(a -> a.pauseNow().isEmpty())
                .forEach(a -> nextRuns.put(a.job.accountId(), a.nextRunNow()));
        if (keepAlive.get().due(nextRuns)) {
            keepAlive();
        }
    }

    private Optional<VersionedTokens> storedTokens(String accountId) {
        return keepAlive.flatMap(k -> k.storedTokens(accountId));
    }

    // ------------------------------------------------------------------ status

    /**
     * Where the account stands now.
     *
     * @param accountId the account
     * @return its status
     * @throws IllegalArgumentException when the account is not registered here
     */
    public AccountStatus status(String accountId) {
        Account a = accounts.get(Objects.requireNonNull(accountId, "accountId"));
        if (a == null) {
            throw new IllegalArgumentException("account '" + accountId + "' is not registered");
        }
        return a.status();
    }

    /**
     * Every registered account's status, sorted by account id.
     *
     * @return the statuses
     */
    public List<AccountStatus> statuses() {
        return accounts.values().stream().map(Account::status).toList();
    }

    private Optional<Instant> nextRun(Account a) {
        synchronized (a) {
            return a.schedule.nextRun();
        }
    }

    // ------------------------------------------------------------------ shutdown

    /**
     * Stops scheduling, asks every run to stop after the change it is applying (that change
     * finishes and is journaled; nothing after it is sent), and waits up to {@code timeout} for
     * the runs to end. Runs still going then (an engine built without the {@link JobContext}, or
     * a request stuck in the network) are interrupted.
     *
     * @param timeout how long to wait for the runs to end
     * @return true when every run ended within the timeout
     */
    public boolean shutdown(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        ScheduledExecutorService t;
        ExecutorService w;
        synchronized (lifecycle) {
            // Runs are asked to stop before the scheduler says it is shut down, so that whoever
            // sees isShutdown() can count on the stop having been asked for.
            accounts.values().forEach(a -> a.requestStop("the scheduler is shutting down"));
            shuttingDown = true;
            t = ticker;
            w = workers;
        }
        if (t != null) {
            t.shutdownNow();
        }
        boolean clean = awaitIdle(timeout);
        if (!clean) {
            LOG.log(Level.WARNING, "runs still going after {0}; interrupting them", timeout);
            for (Account a : accounts.values()) {
                Thread thread;
                synchronized (a) {
                    thread = a.runThread;
                }
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }
        if (w != null) {
            w.shutdownNow();
        }
        LOG.log(Level.INFO, "sync scheduler {0} shut down{1}", owner, clean ? "" : " (runs interrupted)");
        return clean;
    }

    /**
     * Whether {@link #shutdown} was called.
     *
     * @return true once shutting down, even before the runs ended
     */
    public boolean isShutdown() {
        return shuttingDown;
    }

    /** {@link #shutdown} with 30 seconds. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(30));
    }

    private boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (activeRuns.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "SyncScheduler[" + owner + ", " + accounts.size() + " accounts]";
    }

    // ------------------------------------------------------------------ one account

    /** One account's mutable scheduling state; fields guarded by the object itself unless noted. */
    private final class Account {
        final AccountJob job;
        final CountingLimiter gate;
        final AtomicBoolean running = new AtomicBoolean();
        SyncEngine engine; // set once at registration
        Schedule schedule; // set at registration, then replaced as a whole by the policy
        Optional<RunRecord> lastRun = Optional.empty();
        volatile Optional<ProgressView> progress = Optional.empty();
        final Map<Long, ProductRef> pending = new LinkedHashMap<>();
        Optional<Trigger> requested = Optional.empty();
        Lease lease;
        Instant leaseRenewedAt = Instant.MIN;
        volatile boolean leaseLost;
        Optional<String> leaseHolder = Optional.empty();
        Thread runThread;
        Instant runStartedAt = Instant.MAX;
        volatile boolean yielded;
        /** The run has applied a change: its observation is recorded, so a yield loses no reading. */
        volatile boolean applying;
        /** Why the current (or next) run must stop; the run's {@link io.cathalog.core.sync.RunControl}. */
        private volatile String stopReason;

        Account(AccountJob job, CountingLimiter gate) {
            this.job = job;
            this.gate = gate;
        }

        /** Stops the run between two changes (or between two reads); the first reason given wins. */
        synchronized void requestStop(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }

        synchronized void clearStop() {
            stopReason = null;
        }

        /**
         * The run's control: a stop asked for, or a lease that could not be renewed in time. Asked
         * before every change and between reads, so it also renews the lease when a third of its
         * time has passed: a long observation keeps its lease without the ticker.
         */
        Optional<String> stopReason() {
            if (stopReason == null && shuttingDown) {
                requestStop("the scheduler is shutting down");
            }
            if (stopReason == null && !yielded && applying && runSlice.compareTo(Duration.ZERO) > 0
                    && !clock.instant().isBefore(runStartedAt.plus(runSlice)) && anotherWaitsForASlot(this)) {
                // Past its slice while another account waits for a slot: stop here (the change in
                // hand is finished and journaled) and queue again behind the accounts already due.
                yielded = true;
                requestStop("yielding its slot to accounts due since before it (the run held it for "
                        + runSlice + ")");
            }
            if (stopReason == null) {
                renewLeaseIfDue();
                Lease held;
                synchronized (this) {
                    held = lease;
                }
                if (held != null && !clock.instant().plus(leaseTtl.dividedBy(3)).isBefore(held.expiresAt())) {
                    // Renewals failed for a third of the lease, or the process was paused past it (a
                    // frozen process, a long GC): stop before the next change while the lease still
                    // covers the one in hand, so that no write to the ERP can land after another
                    // instance took the account over.
                    leaseLost = true;
                    requestStop(clock.instant().isBefore(held.expiresAt())
                            ? "the account's lease could not be renewed and is about to expire"
                            : "the account's lease expired before it was renewed");
                }
            }
            return Optional.ofNullable(stopReason);
        }

        /**
         * Asked right before each request of a run leaves: refuses it when the run's lease has
         * less than a third of its time left after a renewal was tried (the change in hand then
         * fails and the run stops), so that no request reaches the ERP after another instance
         * may have taken the account over. Requests outside a run are not refused.
         */
        Optional<String> leaseGuard() {
            Lease held;
            synchronized (this) {
                held = lease;
            }
            if (held == null) {
                return Optional.empty();
            }
            renewLeaseIfDue();
            synchronized (this) {
                held = lease;
            }
            if (held != null && !clock.instant().plus(leaseTtl.dividedBy(3)).isBefore(held.expiresAt())) {
                leaseLost = true;
                requestStop("the account's lease expired before it was renewed");
                return Optional.of("the account's lease has expired or is about to (held until " + held.expiresAt() + ")");
            }
            return Optional.empty();
        }

        /** The fencing token of the lease this account's run holds here. */
        synchronized OptionalLong fence() {
            return lease == null ? OptionalLong.empty() : OptionalLong.of(lease.fence());
        }

        synchronized boolean due(Instant now) {
            return schedule.due(now);
        }

        synchronized Optional<Schedule.Pause> pauseNow() {
            return schedule.pause();
        }

        synchronized Instant nextRunNow() {
            return schedule.nextRunAt();
        }

        void onProgress(SyncProgress p) {
            progress = Optional.of(ProgressView.of(p, clock.instant()));
            if (p.phase() == SyncProgress.Phase.APPLY && p.done() > 0) {
                applying = true;
            }
            // Renew first: a lease found lost here stops the run at this very change boundary.
            renewLeaseIfDue();
            try {
                hostProgress.onProgress(p);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the host's progress listener failed; ignored", e);
            }
        }

        /** Renews the run's lease once a third of its time has passed; a lost lease stops the run. */
        void renewLeaseIfDue() {
            Lease held;
            Instant now = clock.instant();
            synchronized (this) {
                held = lease;
                if (held == null || now.isBefore(leaseRenewedAt.plus(leaseTtl.dividedBy(3)))) {
                    return;
                }
                leaseRenewedAt = now;
            }
            Lease renewed;
            try {
                renewed = leases.extend(held, leaseTtl);
            } catch (LeaseLostException lost) {
                renewed = null;
            } catch (RuntimeException e) {
                // The lease store did not answer (a database blip): the lease still runs until its
                // expiry, which the run control checks; try again at the next beat.
                LOG.log(Level.WARNING, "account " + job.accountId() + ": could not renew the run lease ("
                        + e.getMessage() + "); trying again", e);
                return;
            }
            if (renewed != null) {
                synchronized (this) {
                    if (lease == held) {
                        lease = renewed;
                    }
                }
            } else {
                synchronized (this) {
                    if (lease != held) {
                        // The run ended (and released it) while the ticker renewed: nothing to stop.
                        return;
                    }
                }
                // Lapsed: another instance may have run the account meanwhile, so this run's plan
                // may be stale. Stop at the next change boundary rather than take the lease again.
                leaseLost = true;
                requestStop("the account's lease was lost");
                LOG.log(Level.WARNING, "account {0}: lost the run lease; stopping after the current change",
                        job.accountId());
            }
        }

        AccountStatus status() {
            Instant now = clock.instant();
            Usage usage = gate.usage();
            Optional<VersionedTokens> tokens = storedTokens(job.accountId());
            synchronized (this) {
                AccountStatus.State state;
                if (shuttingDown && !running.get()) {
                    state = AccountStatus.State.STOPPED;
                } else if (schedule.pause().isPresent()) {
                    state = AccountStatus.State.PAUSED;
                } else if (running.get() && lease != null) {
                    state = AccountStatus.State.RUNNING;
                } else if (schedule.waitingForBudget()) {
                    state = AccountStatus.State.WAITING_FOR_BUDGET;
                } else if (schedule.failures() > 0) {
                    state = AccountStatus.State.BACKING_OFF;
                } else {
                    state = AccountStatus.State.SCHEDULED;
                }
                return new AccountStatus(job.accountId(), state, now, lastRun,
                        schedule.nextRun(), schedule.failures(), usage.usedToday(),
                        usage.dailyBudget(), usage.resetAt(), schedule.pause().map(Schedule.Pause::reason),
                        schedule.pause().flatMap(Schedule.Pause::authorizeUrl), schedule.split(), progress,
                        List.copyOf(pending.values()),
                        tokens.map(v -> v.tokens().expiresAt()),
                        tokens.map(v -> v.tokens().obtainedAt().plus(refreshTokenLifetime)), leaseHolder);
            }
        }
    }

    // ------------------------------------------------------------------ builder

    /** Builds a {@link SyncScheduler}; every setting has a default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String owner = "cathalog-" + UUID.randomUUID();
        private LeaseLock leases;
        private Duration leaseTtl = Duration.ofMinutes(5);
        private Duration leaseRetry = Duration.ofMinutes(1);
        private Duration backoffBase = Duration.ofMinutes(1);
        private Duration backoffCap = Duration.ofHours(1);
        private Duration blockedBackoff = Duration.ofMinutes(10);
        private Duration tickEvery = Duration.ofSeconds(1);
        private int maxConcurrentRuns = 2;
        private Duration runSlice = Duration.ofMinutes(10);
        private Random random = new Random();
        private SyncProgress.Listener progress = SyncProgress.Listener.NONE;
        private Optional<TokenManager> tokenManager = Optional.empty();
        private Optional<TokenStore> tokenStore = Optional.empty();
        private Duration refreshTokenLifetime = Duration.ofDays(30);
        private Duration keepAliveEvery = Duration.ofHours(6);
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /**
         * The clock for due times, backoff, budgets and leases' renewal; default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * This instance's id as a lease owner; default a random one. Unique per instance.
         *
         * @param owner not blank
         * @return this builder
         * @throws IllegalArgumentException when {@code owner} is blank
         */
        public Builder owner(String owner) {
            Objects.requireNonNull(owner, "owner");
            if (owner.isBlank()) {
                throw new IllegalArgumentException("owner must not be blank");
            }
            this.owner = owner;
            return this;
        }

        /**
         * The leases shared by every instance that may sync the same accounts (the JPA module's,
         * through the database); default an in-memory one, enough for a single instance.
         *
         * @param leases the shared lease lock
         * @return this builder
         */
        public Builder leases(LeaseLock leases) {
            this.leases = Objects.requireNonNull(leases, "leases");
            return this;
        }

        /**
         * How long a run's lease lasts unless renewed (it is renewed every third of it); default 5 minutes.
         *
         * @param ttl positive
         * @return this builder
         * @throws IllegalArgumentException when {@code ttl} is not positive
         */
        public Builder leaseTtl(Duration ttl) {
            this.leaseTtl = positive(ttl, "leaseTtl");
            return this;
        }

        /**
         * When another instance holds the lease and webhooks are waiting, try again after this; default 1 minute.
         *
         * @param retry positive
         * @return this builder
         * @throws IllegalArgumentException when {@code retry} is not positive
         */
        public Builder leaseRetry(Duration retry) {
            this.leaseRetry = positive(retry, "leaseRetry");
            return this;
        }

        /**
         * The first failure's delay (doubling with each failure in a row) and the cap; default 1 minute and 1 hour.
         *
         * @param base the delay after the first failure; positive
         * @param cap  the longest delay; not below {@code base}
         * @return this builder
         * @throws IllegalArgumentException when a delay is not positive or {@code cap} is below {@code base}
         */
        public Builder backoff(Duration base, Duration cap) {
            positive(base, "base");
            positive(cap, "cap");
            if (cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("the backoff cap (" + cap + ") is below its base (" + base + ")");
            }
            this.backoffBase = base;
            this.backoffCap = cap;
            return this;
        }

        /**
         * The least wait after an IP block (Bling blocks for 10 minutes); default 10 minutes.
         *
         * @param d positive
         * @return this builder
         * @throws IllegalArgumentException when {@code d} is not positive
         */
        public Builder blockedBackoff(Duration d) {
            this.blockedBackoff = positive(d, "blockedBackoff");
            return this;
        }

        /**
         * How often the started scheduler looks for due runs; default 1 second.
         *
         * @param d at least 1 ms
         * @return this builder
         * @throws IllegalArgumentException when {@code d} is below 1 ms
         */
        public Builder tickEvery(Duration d) {
            this.tickEvery = positive(d, "tickEvery");
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException("tickEvery is at least 1 ms");
            }
            return this;
        }

        /**
         * Runs of different accounts at once in the started scheduler; default 2.
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code n} is below 1
         */
        public Builder maxConcurrentRuns(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrentRuns is at least 1, got " + n);
            }
            this.maxConcurrentRuns = n;
            return this;
        }

        /**
         * How long a run keeps its slot while other accounts are due and every slot is taken; past
         * it the run stops at its next change (the change is finished and journaled) and queues
         * again behind the accounts due before it, which replan and continue from what the ERP
         * holds. A run alone, or with a slot free, is never cut. {@link Duration#ZERO} turns slices
         * off (a long first sync then holds its slot to the end). Default 10 minutes.
         *
         * @param slice the slice, zero or positive
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder runSlice(Duration slice) {
            Objects.requireNonNull(slice, "slice");
            if (slice.isNegative()) {
                throw new IllegalArgumentException("runSlice must not be negative, got " + slice);
            }
            this.runSlice = slice;
            return this;
        }

        /**
         * Where jitter comes from; default a new {@link Random}.
         *
         * @param random the source of jitter; a seeded one makes due times repeatable in tests
         * @return this builder
         */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Hears every account's progress too (the status shows it anyway).
         *
         * @param listener the host's listener; called on the runs' threads
         * @return this builder
         */
        public Builder progress(SyncProgress.Listener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The accounts' tokens: the manager refreshes lapsing refresh tokens (keep-alive) and
         * builds re-authorization URLs; the store (the manager's) gives the status its expiries.
         * The manager's keep-alive margin should exceed the accounts' intervals.
         *
         * @param manager the accounts' token manager
         * @param store   the store the manager keeps the tokens in
         * @return this builder
         */
        public Builder tokens(TokenManager manager, TokenStore store) {
            this.tokenManager = Optional.of(Objects.requireNonNull(manager, "manager"));
            this.tokenStore = Optional.of(Objects.requireNonNull(store, "store"));
            return this;
        }

        /**
         * How long a refresh token lives unused, for the status (default 30 days, Bling's).
         *
         * @param d positive
         * @return this builder
         * @throws IllegalArgumentException when {@code d} is not positive
         */
        public Builder refreshTokenLifetime(Duration d) {
            this.refreshTokenLifetime = positive(d, "refreshTokenLifetime");
            return this;
        }

        /**
         * How often the keep-alive runs at least; default 6 hours.
         *
         * @param d positive
         * @return this builder
         * @throws IllegalArgumentException when {@code d} is not positive
         */
        public Builder keepAliveEvery(Duration d) {
            this.keepAliveEvery = positive(d, "keepAliveEvery");
            return this;
        }

        /**
         * The sleeper of the limiters the scheduler builds; default {@link Sleeper#SYSTEM}.
         *
         * @param sleeper how the built limiters wait; a fake one in tests
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The scheduler, not started: call {@link SyncScheduler#runDue()} or {@link SyncScheduler#start()}.
         *
         * @return the scheduler
         */
        public SyncScheduler build() {
            if (leases == null) {
                leases = new io.cathalog.core.lease.InMemoryLeaseLock(clock);
            }
            return new SyncScheduler(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
