package io.cathalog.core.jobs;

import io.cathalog.core.testing.TestPacing;
import io.cathalog.core.BlockedException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.TransportException;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.lease.InMemoryLeaseLock;
import io.cathalog.core.lease.LeaseLock;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SyncSchedulerTest {
    static final String ACME = "acme";
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
    final ExecutorService threads = Executors.newCachedThreadPool();

    RequestLimiter limiter(String account, long budget) {
        return LocalRequestLimiter.builder(account, TestPacing.threePerSecond()).ratePerSecond(1000).window(1000, Duration.ofSeconds(1), Duration.ZERO)
                .dailyBudget(budget).clock(clock).sleeper(clock::advance).build();
    }

    SyncScheduler.Builder scheduler(String owner, LeaseLock leases) {
        return SyncScheduler.builder().clock(clock).owner(owner).leases(leases).backoff(Duration.ofMinutes(1),
                Duration.ofMinutes(8));
    }

    AccountJob.Builder job(String account, int items, AtomicReference<FakeEngine> engine, AtomicInteger inside,
                           AtomicInteger maxInside) {
        return AccountJob.builder(account).limiter(limiter(account, 120_000)).interval(Duration.ofMinutes(10))
                .jitter(Duration.ZERO).engine(ctx -> {
                    FakeEngine e = new FakeEngine(ctx, items, inside, maxInside);
                    engine.set(e);
                    return e;
                });
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSlowRunIsNeverOverlappedByTheNextTick() throws Exception {
        // Each tick renews the running account's lease; it lasts longer than the time between ticks.
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).leaseTtl(Duration.ofMinutes(30)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        s.register(job(ACME, 5, engine, inside, max).build());
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.get().duringItem = i -> {
            if (i == 2) {
                inRun.countDown();
                await(release);
            }
        };

        Future<List<RunRecord>> slow = threads.submit(s::runDue);
        await(inRun);
        // The run is slow: an hour passes, six intervals; every tick finds the account running.
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(s.runDue()).isEmpty();
        }
        assertThat(s.status(ACME).state()).isEqualTo(AccountStatus.State.RUNNING);
        assertThat(s.status(ACME).progress()).get().satisfies(p -> assertThat(p.done()).isEqualTo(2));
        assertThat(engine.get().plans).hasValue(1);
        release.countDown();

        List<RunRecord> first = slow.get(10, TimeUnit.SECONDS);
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(r.counts()).containsEntry(Outcome.UPDATED, 5L);
            assertThat(r.requestsUsed()).isEqualTo(5);
        });
        assertThat(max).hasValue(1);
        // The next run is an interval after the slow one ended, not at one of the ticks it missed.
        Instant ended = first.get(0).endedAt();
        assertThat(s.status(ACME).nextRunAt()).contains(ended.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(9));
        assertThat(s.runDue()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(s.runDue()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));
        assertThat(engine.get().plans).hasValue(2);
        assertThat(engine.get().appliedInOrder).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void twoInstancesSharingALeaseNeverRunOneAccountTogether() throws Exception {
        LeaseLock leases = new InMemoryLeaseLock(clock);
        // The clock races ahead in this test (both threads advance it); the lease outlasts the race,
        // as a real lease outlasts the time between two renewals.
        SyncScheduler a = scheduler("instance-a", leases).leaseTtl(Duration.ofDays(1)).build();
        SyncScheduler b = scheduler("instance-b", leases).leaseTtl(Duration.ofDays(1)).build();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        AtomicReference<FakeEngine> ea = new AtomicReference<>();
        AtomicReference<FakeEngine> eb = new AtomicReference<>();
        a.register(job(ACME, 3, ea, inside, max).build());
        b.register(job(ACME, 3, eb, inside, max).build());

        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ea.get().duringItem = i -> {
            if (i == 1) {
                inRun.countDown();
                await(release);
            }
        };
        Future<List<RunRecord>> runA = threads.submit(a::runDue);
        await(inRun);
        assertThat(b.runDue()).as("instance b finds the lease held").isEmpty();
        assertThat(eb.get().plans).hasValue(0);
        assertThat(b.status(ACME).leaseHolder()).contains("instance-a");
        assertThat(leases.holder("sync:" + ACME)).get().satisfies(l -> assertThat(l.owner()).isEqualTo("instance-a"));
        release.countDown();
        assertThat(runA.get(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(r -> assertThat(r.owner()).isEqualTo("instance-a"));
        assertThat(leases.holder("sync:" + ACME)).as("released at the end of the run").isEmpty();

        // Now both tick concurrently, many times: runs happen, never two at once.
        ea.get().duringItem = i -> Thread.yield();
        eb.get().duringItem = i -> Thread.yield();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> loops = new ArrayList<>();
        for (SyncScheduler s : List.of(a, b)) {
            loops.add(threads.submit(() -> {
                await(go);
                int runs = 0;
                for (int i = 0; i < 200; i++) {
                    clock.advance(Duration.ofMinutes(1));
                    runs += s.runDue().size();
                }
                return runs;
            }));
        }
        go.countDown();
        int runs = loops.get(0).get(30, TimeUnit.SECONDS) + loops.get(1).get(30, TimeUnit.SECONDS);
        assertThat(runs).isGreaterThan(10);
        assertThat(ea.get().plans.get() + eb.get().plans.get()).isEqualTo(runs + 1);
        assertThat(max).as("never two runs of the account at once").hasValue(1);
    }

    @Test
    void aRunFrozenPastItsLeaseStopsAndItsFencedWritesAreRefusedOnceAnotherInstanceTookOver() {
        LeaseLock leases = new InMemoryLeaseLock(clock);
        io.cathalog.core.sync.InMemorySyncStateStore store = new io.cathalog.core.sync.InMemorySyncStateStore();
        SyncScheduler a = scheduler("instance-a", leases).leaseTtl(Duration.ofMinutes(3)).build();
        AtomicReference<JobContext> context = new AtomicReference<>();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        a.register(AccountJob.builder(ACME).limiter(limiter(ACME, 120_000)).interval(Duration.ofMinutes(10))
                .jitter(Duration.ZERO).engine(ctx -> {
                    context.set(ctx);
                    engine.set(new FakeEngine(ctx, 6));
                    return engine.get();
                }).build());
        List<io.cathalog.core.FencedOutException> refused = new ArrayList<>();
        engine.get().duringItem = i -> {
            io.cathalog.core.sync.SyncStateStore state = context.get().fenced(store);
            if (i == 2) {
                // Frozen for longer than the lease (SIGSTOP, a long GC): instance b takes the account over.
                clock.advance(Duration.ofMinutes(4));
                io.cathalog.core.lease.Lease taken = leases.tryAcquire("sync:" + ACME, "instance-b",
                        Duration.ofMinutes(3)).orElseThrow();
                store.fenced(ACME, taken.fence()).putCursor(ACME, "owner", "instance-b");
            }
            try {
                state.putCursor(ACME, "item", Integer.toString(i));
            } catch (io.cathalog.core.FencedOutException e) {
                refused.add(e);
            }
        };
        RunRecord r = a.runDue().get(0);
        assertThat(r.outcome()).isEqualTo(RunOutcome.STOPPED);
        assertThat(r.error()).get().asString().contains("lease");
        assertThat(refused).as("the write after the takeover").hasSize(1);
        assertThat(store.cursor(ACME, "owner")).contains("instance-b");
        assertThat(store.cursor(ACME, "item")).as("the last write before the takeover").contains("1");
        assertThat(engine.get().appliedInOrder).as("nothing after the change in progress")
                .containsExactly("SKU-000", "SKU-001", "SKU-002");
    }

    @Test
    void aLostLeaseStopsTheRunAfterTheCurrentChange() throws Exception {
        LeaseLock leases = new InMemoryLeaseLock(clock);
        SyncScheduler a = scheduler("instance-a", leases).leaseTtl(Duration.ofMinutes(3)).build();
        SyncScheduler b = scheduler("instance-b", leases).leaseTtl(Duration.ofMinutes(3)).build();
        AtomicReference<FakeEngine> ea = new AtomicReference<>();
        AtomicReference<FakeEngine> eb = new AtomicReference<>();
        a.register(job(ACME, 6, ea, new AtomicInteger(), new AtomicInteger()).build());
        b.register(job(ACME, 6, eb, new AtomicInteger(), new AtomicInteger()).build());
        // Instance a stalls for longer than its lease in change 2 (a long GC pause, say): b takes over.
        List<RunRecord> byB = new ArrayList<>();
        ea.get().duringItem = i -> {
            if (i == 2) {
                clock.advance(Duration.ofMinutes(4));
                byB.addAll(b.runDue());
            }
        };
        List<RunRecord> byA = a.runDue();
        assertThat(byB).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));
        assertThat(byA).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.STOPPED);
            assertThat(r.error()).get().asString().contains("lease was lost");
            // Change 2 finished; the run control stopped the run before change 3: nothing of it was
            // sent, so it and the rest are skipped, none failed.
            assertThat(r.counts()).containsEntry(Outcome.UPDATED, 3L).containsEntry(Outcome.FAILED, 0L)
                    .containsEntry(Outcome.SKIPPED, 3L);
            assertThat(r.requestsUsed()).isEqualTo(3);
        });
        // The account can run here again later.
        clock.advance(Duration.ofMinutes(11));
        assertThat(a.runDue()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndASuccessResetsIt() {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        s.register(job(ACME, 2, engine, new AtomicInteger(), new AtomicInteger()).build());
        engine.get().planFailure = () -> new TransportException("GET /produtos", "no response", new java.io.IOException("reset"));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<RunRecord> runs = s.runDue();
            assertThat(runs).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED));
            AccountStatus st = s.status(ACME);
            assertThat(st.state()).isEqualTo(AccountStatus.State.BACKING_OFF);
            assertThat(st.consecutiveFailures()).isEqualTo(i + 1);
            Duration delay = Duration.between(clock.instant(), st.nextRunAt().orElseThrow());
            delays.add(delay.toMinutes());
            clock.advance(delay.minusSeconds(1));
            assertThat(s.runDue()).as("not before the backoff ends").isEmpty();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 8L, 8L);

        engine.get().planFailure = () -> null;
        assertThat(s.runDue()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));
        assertThat(s.status(ACME).consecutiveFailures()).isZero();
        assertThat(s.status(ACME).state()).isEqualTo(AccountStatus.State.SCHEDULED);
        assertThat(s.status(ACME).nextRunAt()).contains(clock.instant().plus(Duration.ofMinutes(10)));

        // An IP block waits at least Bling's 10 minutes even on the first failure.
        clock.advance(Duration.ofMinutes(10));
        engine.get().planFailure = () -> new BlockedException("GET /produtos", 403, "BLOCKED", "blocked", "ip blocked");
        assertThat(s.runDue()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED));
        assertThat(s.status(ACME).nextRunAt()).contains(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void aDeadAuthorizationPausesTheAccountUntilTheHostResumesIt() {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        s.register(job(ACME, 2, engine, new AtomicInteger(), new AtomicInteger()).build());
        URI url = URI.create("https://www.bling.com.br/Api/v3/oauth/authorize?client_id=x&state=y");
        engine.get().planFailure = () -> new ReauthorizationRequiredException(ACME, url, "invalid_grant");

        assertThat(s.runDue()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.REAUTHORIZATION_REQUIRED));
        AccountStatus paused = s.status(ACME);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.authorizeUrl()).contains(url);
        assertThat(paused.pauseReason()).get().asString().contains("invalid_grant");
        assertThat(paused.nextRunAt()).isEmpty();
        assertThat(paused.toJson()).contains("\"state\" : \"PAUSED\"").contains("\"authorizeUrl\" : \"" + url + "\"");

        // A day of ticks and a webhook: nothing runs, nothing fails again.
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofHours(1));
            assertThat(s.runDue()).isEmpty();
        }
        s.requestSync(ACME, List.of(new ProductRef(7, java.util.Optional.empty(), "product.updated", "e1",
                clock.instant())));
        assertThat(s.runDue()).isEmpty();
        assertThat(engine.get().plans).hasValue(1);
        assertThat(s.status(ACME).pendingProducts()).hasSize(1);

        engine.get().planFailure = () -> null;
        s.resume(ACME);
        assertThat(s.runDue()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(r.trigger()).isEqualTo(Trigger.WEBHOOK);
            assertThat(r.products()).extracting(ProductRef::id).containsExactly(7L);
        });
        assertThat(s.status(ACME).paused()).isFalse();
    }

    @Test
    void aDeadAuthorizationInTheMiddleOfApplyingPausesToo() {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        s.register(job(ACME, 4, engine, new AtomicInteger(), new AtomicInteger()).build());
        engine.get().duringItem = i -> {
            if (i == 1) {
                throw new ReauthorizationRequiredException(ACME, URI.create("https://example.test/auth"), "revoked");
            }
        };
        assertThat(s.runDue()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.REAUTHORIZATION_REQUIRED);
            assertThat(r.counts()).containsEntry(Outcome.UPDATED, 1L).containsEntry(Outcome.SKIPPED, 2L);
        });
        assertThat(s.status(ACME).state()).isEqualTo(AccountStatus.State.PAUSED);
    }

    @Test
    void shutdownLetsTheCurrentChangeFinishAndSendsNothingAfterIt() throws Exception {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        s.register(job(ACME, 10, engine, new AtomicInteger(), new AtomicInteger()).build());
        CountDownLatch inChange = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.get().duringItem = i -> {
            if (i == 3) {
                inChange.countDown();
                await(release);
            }
        };
        Future<List<RunRecord>> run = threads.submit(s::runDue);
        await(inChange);
        Future<Boolean> shutdown = threads.submit(() -> s.shutdown(Duration.ofSeconds(10)));
        while (!s.isShutdown()) {
            Thread.onSpinWait();
        }
        assertThat(shutdown.isDone()).as("shutdown waits for the change in progress").isFalse();
        release.countDown();
        assertThat(shutdown.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.get(10, TimeUnit.SECONDS)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.STOPPED);
            assertThat(r.counts()).containsEntry(Outcome.UPDATED, 4L).containsEntry(Outcome.FAILED, 0L)
                    .containsEntry(Outcome.SKIPPED, 6L);
            assertThat(r.requestsUsed()).as("nothing sent after change 3").isEqualTo(4);
        });
        assertThat(engine.get().appliedInOrder).containsExactly("SKU-000", "SKU-001", "SKU-002", "SKU-003");
        clock.advance(Duration.ofHours(1));
        assertThat(s.runDue()).as("a shut-down scheduler runs nothing").isEmpty();
        assertThat(s.status(ACME).state()).isEqualTo(AccountStatus.State.STOPPED);
    }

    @Test
    void shutdownInterruptsARunThatCannotStopBetweenChanges() throws Exception {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).build();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Boolean> interrupted = new AtomicReference<>(false);
        io.cathalog.core.sync.SyncEngine stubborn = new io.cathalog.core.sync.SyncEngine() {
            @Override
            public io.cathalog.core.sync.SyncPlan plan(io.cathalog.core.sync.PlanOptions options) {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                    throw new CathalogException("interrupted", e);
                }
                throw new AssertionError("not interrupted");
            }

            @Override
            public io.cathalog.core.sync.ApplyReport apply(io.cathalog.core.sync.SyncPlan plan,
                                                           io.cathalog.core.sync.RunControl control) {
                throw new AssertionError();
            }

            @Override
            public io.cathalog.core.sync.AuditReport audit() {
                throw new AssertionError();
            }
        };
        s.register(AccountJob.builder(ACME).limiter(limiter(ACME, 100)).jitter(Duration.ZERO).engine(stubborn).build());
        Future<List<RunRecord>> run = threads.submit(s::runDue);
        await(started);
        assertThat(s.shutdown(Duration.ofMillis(200))).isFalse();
        assertThat(run.get(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.STOPPED));
        assertThat(interrupted.get()).isTrue();
    }

    @Test
    void aSyncLargerThanTheDaysBudgetStopsAtItAndFinishesOnTheNextDays() {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        RequestLimiter limiter = LocalRequestLimiter.builder(ACME, TestPacing.threePerSecond()).ratePerSecond(1000)
                .window(1000, Duration.ofSeconds(1), Duration.ZERO).dailyBudget(10).clock(clock).sleeper(clock::advance)
                .build();
        s.register(AccountJob.builder(ACME).limiter(limiter).interval(Duration.ofMinutes(10)).jitter(Duration.ZERO)
                .engine(ctx -> {
                    FakeEngine e = new FakeEngine(ctx, 25);
                    engine.set(e);
                    return e;
                }).build());

        RunRecord day1 = s.runDue().get(0);
        assertThat(day1.outcome()).isEqualTo(RunOutcome.BUDGET_STOPPED);
        assertThat(day1.split()).isTrue();
        assertThat(day1.estimatedRequests()).hasValue(25);
        assertThat(day1.remainingBudget()).hasValue(10);
        assertThat(day1.counts()).containsEntry(Outcome.UPDATED, 10L).containsEntry(Outcome.FAILED, 1L)
                .containsEntry(Outcome.SKIPPED, 14L);
        Instant reset = limiter.nextReset();
        AccountStatus waiting = s.status(ACME);
        assertThat(waiting.state()).isEqualTo(AccountStatus.State.WAITING_FOR_BUDGET);
        assertThat(waiting.nextRunAt()).contains(reset);
        assertThat(waiting.split()).get().satisfies(sp -> {
            assertThat(sp.applied()).isEqualTo(11);
            assertThat(sp.left()).isEqualTo(14);
            assertThat(sp.resumesAt()).isEqualTo(reset);
            assertThat(sp.parts()).isEqualTo(1);
        });
        // A webhook during the day does not spend anything: the budget is gone.
        s.syncNow(ACME);
        clock.advance(Duration.ofHours(2));
        assertThat(s.runDue()).isEmpty();
        assertThat(limiter.usage().usedToday()).isEqualTo(10);

        clock.set(reset);
        RunRecord day2 = s.runDue().get(0);
        assertThat(day2.outcome()).isEqualTo(RunOutcome.BUDGET_STOPPED);
        assertThat(day2.estimatedRequests()).hasValue(15);
        assertThat(s.status(ACME).split()).get().satisfies(sp -> assertThat(sp.parts()).isEqualTo(2));

        clock.set(limiter.nextReset());
        RunRecord day3 = s.runDue().get(0);
        assertThat(day3.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(day3.counts()).containsEntry(Outcome.UPDATED, 5L);
        assertThat(s.status(ACME).split()).isEmpty();
        assertThat(engine.get().appliedInOrder).as("every change applied exactly once").hasSize(25)
                .doesNotHaveDuplicates();
    }

    @Test
    void webhooksArrivingDuringARunMakeTheNextOneImmediate() throws Exception {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        s.register(job(ACME, 2, engine, new AtomicInteger(), new AtomicInteger()).build());
        engine.get().duringItem = i -> s.requestSync(ACME, List.of(new ProductRef(42, java.util.Optional.of("SKU-042"),
                "product.updated", "evt-" + i, clock.instant())));
        assertThat(s.runDue()).singleElement().satisfies(r -> assertThat(r.trigger()).isEqualTo(Trigger.SCHEDULE));
        assertThat(s.status(ACME).nextRunAt()).contains(clock.instant());
        engine.get().duringItem = i -> { };
        assertThat(s.runDue()).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(Trigger.WEBHOOK);
            assertThat(r.products()).extracting(ProductRef::id).containsExactly(42L);
        });
        assertThat(s.status(ACME).nextRunAt()).contains(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void progressReachesTheStatusAndTheHostsListener() {
        List<SyncProgress> heard = new ArrayList<>();
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).progress(heard::add).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        s.register(job(ACME, 4, engine, new AtomicInteger(), new AtomicInteger()).build());
        AtomicReference<ProgressView> midway = new AtomicReference<>();
        engine.get().duringItem = i -> {
            if (i == 2) {
                midway.set(s.status(ACME).progress().orElseThrow());
            }
        };
        s.runDue();
        assertThat(heard).hasSize(4);
        assertThat(midway.get().done()).isEqualTo(2);
        assertThat(midway.get().total()).isEqualTo(4);
        assertThat(midway.get().rate()).isEqualTo(1.0);
        assertThat(midway.get().eta()).contains(Duration.ofSeconds(2));
    }

    @Test
    void theFirstRunsAreSpreadOverTheJitter() {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).random(new java.util.Random(7)).build();
        for (int i = 0; i < 20; i++) {
            String id = "acct-" + i;
            s.register(AccountJob.builder(id).limiter(limiter(id, 100)).interval(Duration.ofMinutes(30))
                    .jitter(Duration.ofMinutes(5)).engine(ctx -> new FakeEngine(ctx, 1)).build());
        }
        List<Instant> firsts = s.statuses().stream().map(st -> st.nextRunAt().orElseThrow()).toList();
        assertThat(firsts).allSatisfy(t -> assertThat(t).isBetween(clock.instant(), clock.instant().plus(Duration.ofMinutes(5))));
        assertThat(firsts.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void startedTheSchedulerRunsDueAccountsOnItsOwnThreadsAndShutsDownCleanly() throws Exception {
        SyncScheduler s = scheduler("one", new InMemoryLeaseLock(clock)).tickEvery(Duration.ofMillis(5)).build();
        AtomicReference<FakeEngine> engine = new AtomicReference<>();
        s.register(job(ACME, 3, engine, new AtomicInteger(), new AtomicInteger()).build());
        s.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (s.status(ACME).lastRun().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(s.status(ACME).lastRun()).get().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));
        // The clock has not moved: only the webhook makes the account due again.
        s.requestSync(ACME, List.of(new ProductRef(1, java.util.Optional.empty(), "product.updated", "e", clock.instant())));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.get().plans.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(engine.get().plans).hasValue(2);
        assertThat(s.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThat(s.status(ACME).state()).isEqualTo(AccountStatus.State.STOPPED);
    }
}
