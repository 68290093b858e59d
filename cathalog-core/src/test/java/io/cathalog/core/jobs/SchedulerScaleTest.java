package io.cathalog.core.jobs;

import io.cathalog.core.testing.TestPacing;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.lease.InMemoryLeaseLock;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many accounts on one scheduler: one pool, a bound on concurrent runs, admission by due time, a
 * long run that yields its slot after a slice to accounts waiting for one, each account within its
 * own budget, and nothing of a run kept once it ended.
 */
class SchedulerScaleTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));

    RequestLimiter limiter(String account, long budget) {
        return LocalRequestLimiter.builder(account, TestPacing.threePerSecond()).ratePerSecond(1000).window(1000, Duration.ofSeconds(1), Duration.ZERO)
                .dailyBudget(budget).clock(clock).sleeper(clock::advance).build();
    }

    SyncScheduler.Builder scheduler() {
        return SyncScheduler.builder().clock(clock).owner("one").leases(new InMemoryLeaseLock(clock))
                .leaseTtl(Duration.ofHours(2));
    }

    AccountJob job(String account, int items, long budget, Duration interval, Map<String, FakeEngine> engines,
                   AtomicInteger inside, AtomicInteger maxInside) {
        return AccountJob.builder(account).limiter(limiter(account, budget)).interval(interval).jitter(Duration.ZERO)
                .engine(ctx -> {
                    FakeEngine e = new FakeEngine(ctx, items, inside, maxInside);
                    engines.put(account, e);
                    return e;
                }).build();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    @Test
    void accountsAreRunInTheOrderTheyFellDueNotByName() {
        SyncScheduler s = scheduler().build();
        Map<String, FakeEngine> engines = new HashMap<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        // Registered a minute apart, in reverse alphabetical order: "zeta" fell due first.
        for (String name : List.of("zeta", "mu", "kappa", "alpha")) {
            s.register(job(name, 1, 1000, Duration.ofMinutes(15), engines, inside, max));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(s.runDue()).extracting(RunRecord::accountId).containsExactly("zeta", "mu", "kappa", "alpha");
    }

    @Test
    void oneBoundedPoolRunsEveryAccountAndNeverMoreRunsAtOnceThanItsBound() throws Exception {
        int accounts = 40;
        int bound = 4;
        SyncScheduler s = scheduler().maxConcurrentRuns(bound).tickEvery(Duration.ofMillis(2)).build();
        Map<String, FakeEngine> engines = new ConcurrentHashMap<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < accounts; i++) {
            s.register(job(String.format("acct-%02d", i), 2, 1000, Duration.ofHours(1), engines, inside, max));
        }
        java.util.Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        engines.values().forEach(e -> e.duringItem = item -> {
            ranOn.add(Thread.currentThread());
            SyncSchedulerTest.await(release);
        });
        s.start();
        await(() -> inside.get() == bound, "the pool fills up");
        Thread.sleep(100); // ticks go on: none of them may start a fifth run
        assertThat(inside).hasValue(bound);
        assertThat(ranOn).as("one pool for every account, no thread per account").hasSize(bound);
        release.countDown();
        await(() -> s.statuses().stream().allMatch(st -> st.lastRun().isPresent()), "every account ran");
        assertThat(max).hasValue(bound);
        assertThat(ranOn).as("40 accounts ran on the same %d threads", bound).hasSize(bound);
        assertThat(s.statuses()).allSatisfy(st ->
                assertThat(st.lastRun()).get().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED)));
        assertThat(s.shutdown(Duration.ofSeconds(5))).isTrue();
    }

    /**
     * A first sync of 600 changes, a minute each (ten hours), on the one slot of {@code runDue},
     * beside twenty small accounts due every 15 minutes: the large run yields after its slice
     * whenever a small account is due, so none of them waits more than a slice, and the large sync
     * still completes, each change once. Without slices the small accounts would wait ten hours.
     */
    @Test
    void aLargeFirstSyncYieldsSoSmallAccountsKeepTheirFifteenMinutes() {
        Duration slice = Duration.ofMinutes(5);
        SyncScheduler s = scheduler().runSlice(slice).build();
        Map<String, FakeEngine> engines = new HashMap<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        s.register(job("big", 600, 120_000, Duration.ofMinutes(15), engines, inside, max));
        for (int i = 0; i < 20; i++) {
            s.register(job(String.format("small-%02d", i), 3, 120_000, Duration.ofMinutes(15), engines, inside, max));
        }
        engines.get("big").duringItem = item -> clock.advance(Duration.ofMinutes(1));

        Map<String, List<Instant>> starts = new HashMap<>();
        List<RunRecord> bigRuns = new ArrayList<>();
        Instant end = clock.instant().plus(Duration.ofHours(14));
        while (clock.instant().isBefore(end)) {
            for (RunRecord r : s.runDue()) {
                starts.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r.startedAt());
                if (r.accountId().equals("big")) {
                    bigRuns.add(r);
                }
            }
            clock.advance(Duration.ofSeconds(30));
        }

        FakeEngine big = engines.get("big");
        assertThat(big.appliedInOrder).as("the large sync completed, each change once").hasSize(600).doesNotHaveDuplicates();
        assertThat(bigRuns).extracting(RunRecord::outcome).contains(RunOutcome.STOPPED).endsWith(RunOutcome.COMPLETED);
        assertThat(bigRuns).filteredOn(r -> r.outcome() == RunOutcome.STOPPED)
                .allSatisfy(r -> assertThat(r.error()).get().asString().contains("yield"));
        for (int i = 0; i < 20; i++) {
            List<Instant> mine = starts.get(String.format("small-%02d", i));
            assertThat(mine).as("small-%02d ran all along", i).hasSizeGreaterThanOrEqualTo(14 * 60 / (15 + 5 + 2));
            for (int k = 1; k < mine.size(); k++) {
                // Its interval, plus at most one slice of the large run and its change in hand.
                assertThat(Duration.between(mine.get(k - 1), mine.get(k)))
                        .as("small-%02d between runs %d and %d", i, k - 1, k)
                        .isLessThanOrEqualTo(Duration.ofMinutes(15).plus(slice).plus(Duration.ofMinutes(2)));
            }
        }
    }

    /** The same on a started scheduler: two long runs hold both slots; a small account due gets one within a slice. */
    @Test
    void onAStartedSchedulerALongRunGivesItsSlotToAnAccountWaitingForOne() throws Exception {
        Duration slice = Duration.ofMinutes(10);
        SyncScheduler s = scheduler().maxConcurrentRuns(2).runSlice(slice).tickEvery(Duration.ofMillis(2)).build();
        Map<String, FakeEngine> engines = new ConcurrentHashMap<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        s.register(job("big-1", 20_000, 1_000_000, Duration.ofHours(1), engines, inside, max));
        s.register(job("big-2", 20_000, 1_000_000, Duration.ofHours(1), engines, inside, max));
        List<String> order = new CopyOnWriteArrayList<>();
        for (FakeEngine e : engines.values()) {
            e.duringItem = item -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            };
        }
        s.start();
        await(() -> engines.values().stream().allMatch(e -> e.appliedInOrder.size() > 5), "both large runs apply");
        // A small account falls due while both slots are taken.
        s.register(job("small", 3, 1000, Duration.ofHours(1), engines, inside, max));
        clock.advance(Duration.ofSeconds(1));
        Thread.sleep(200);
        assertThat(s.status("small").lastRun()).as("no yield before the slice has passed").isEmpty();
        clock.advance(slice);
        await(() -> s.status("small").lastRun().isPresent(), "the small account ran within the slice");
        assertThat(s.status("small").lastRun()).get()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));
        assertThat(engines.values()).allSatisfy(e -> assertThat(e.appliedInOrder.size()).isLessThan(20_000));
        assertThat(max).hasValueLessThanOrEqualTo(2);
        // The one that yielded is back on its slot at once (nothing else waits).
        await(() -> s.statuses().stream().filter(st -> st.accountId().startsWith("big"))
                .allMatch(st -> st.state() == AccountStatus.State.RUNNING), "both large runs continue");
        assertThat(s.shutdown(Duration.ofSeconds(30))).isTrue();
        engines.values().forEach(e -> assertThat(e.appliedInOrder).doesNotHaveDuplicates());
    }

    @Test
    void eachAccountStopsAtItsOwnBudgetAndTheOthersAreNotTouchedByIt() throws Exception {
        SyncScheduler s = scheduler().maxConcurrentRuns(3).tickEvery(Duration.ofMillis(2)).build();
        Map<String, FakeEngine> engines = new ConcurrentHashMap<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        for (int i = 0; i < 30; i++) {
            // Every third account's sync is larger than its budget; the others fit theirs.
            int items = i % 3 == 0 ? 25 : 8;
            s.register(job(String.format("acct-%02d", i), items, 10, Duration.ofHours(1), engines, inside, max));
        }
        s.start();
        await(() -> s.statuses().stream().allMatch(st -> st.lastRun().isPresent()), "every account ran");
        assertThat(s.shutdown(Duration.ofSeconds(5))).isTrue();
        for (AccountStatus st : s.statuses()) {
            int i = Integer.parseInt(st.accountId().substring(5));
            RunRecord r = st.lastRun().orElseThrow();
            if (i % 3 == 0) {
                assertThat(r.outcome()).as(st.accountId()).isEqualTo(RunOutcome.BUDGET_STOPPED);
                assertThat(engines.get(st.accountId()).appliedInOrder).as(st.accountId()).hasSize(10);
            } else {
                assertThat(r.outcome()).as(st.accountId()).isEqualTo(RunOutcome.COMPLETED);
                assertThat(engines.get(st.accountId()).appliedInOrder).as(st.accountId()).hasSize(8);
            }
            assertThat(st.requestsUsedToday()).as(st.accountId()).isLessThanOrEqualTo(10);
        }
        assertThat(max).hasValueLessThanOrEqualTo(3);
    }

    @Test
    void nothingOfARunsPlanIsKeptOnceItEnded() throws Exception {
        SyncScheduler s = scheduler().build();
        Map<String, FakeEngine> engines = new HashMap<>();
        s.register(job("acme", 2_000, 120_000, Duration.ofMinutes(15), engines, new AtomicInteger(), new AtomicInteger()));
        FakeEngine engine = engines.get("acme");
        List<WeakReference<SyncPlan>> plans = new CopyOnWriteArrayList<>();
        engine.onPlan = plan -> plans.add(new WeakReference<>(plan));
        assertThat(s.runDue()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(r.counts()).containsEntry(Outcome.UPDATED, 2_000L);
        });
        assertThat(plans).hasSize(1);
        for (int i = 0; i < 20 && plans.get(0).get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(plans.get(0).get()).as("the scheduler keeps the run's record, not its plan or report").isNull();
        assertThat(s.status("acme").lastRun()).isPresent();
    }

    /**
     * A process frozen between the run control's check and its request (here: the limiter's wait
     * moves the clock past the lease) sends nothing once it resumes: the gate checks the lease
     * right before the request leaves.
     */
    @Test
    void aRequestAboutToLeaveAfterTheLeaseExpiredIsNotSent() {
        Duration ttl = Duration.ofMinutes(5);
        SyncScheduler s = SyncScheduler.builder().clock(clock).owner("one").leases(new InMemoryLeaseLock(clock))
                .leaseTtl(ttl).build();
        java.util.concurrent.atomic.AtomicBoolean freeze = new java.util.concurrent.atomic.AtomicBoolean();
        RequestLimiter real = limiter("acme", 1000);
        RequestLimiter freezing = new RequestLimiter() {
            @Override
            public String accountId() {
                return real.accountId();
            }

            @Override
            public void acquire() throws InterruptedException {
                if (freeze.getAndSet(false)) {
                    clock.advance(ttl.plusSeconds(1)); // SIGSTOP ... SIGCONT
                }
                real.acquire();
            }

            @Override
            public void pause(Duration pause) {
                real.pause(pause);
            }

            @Override
            public void quotaExhausted(Instant resetAt) {
                real.quotaExhausted(resetAt);
            }

            @Override
            public Instant nextReset() {
                return real.nextReset();
            }

            @Override
            public io.cathalog.core.http.Usage usage() {
                return real.usage();
            }
        };
        Map<String, FakeEngine> engines = new HashMap<>();
        s.register(AccountJob.builder("acme").limiter(freezing).interval(Duration.ofMinutes(15)).jitter(Duration.ZERO)
                .engine(ctx -> {
                    FakeEngine e = new FakeEngine(ctx, 5);
                    engines.put("acme", e);
                    return e;
                }).build());
        engines.get("acme").duringItem = item -> freeze.set(item == 1); // the request of item 2 freezes
        assertThat(s.runDue()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.STOPPED);
            assertThat(r.requestsUsed()).isEqualTo(2);
        });
        assertThat(engines.get("acme").appliedInOrder).containsExactly("SKU-000", "SKU-001");
    }

    /**
     * Two instances sharing the leases, each with all ten accounts registered: every account is
     * synced once per interval in all (not once per instance), the instances take turns, and when
     * one stops the other carries every account within its interval plus one look.
     */
    @Test
    void instancesSharingTheLeasesSyncEachAccountOncePerIntervalNotOncePerInstance() {
        InMemoryLeaseLock shared = new InMemoryLeaseLock(clock);
        Duration interval = Duration.ofMinutes(15);
        SyncScheduler one = SyncScheduler.builder().clock(clock).owner("one").leases(shared).leaseTtl(Duration.ofHours(2)).build();
        SyncScheduler two = SyncScheduler.builder().clock(clock).owner("two").leases(shared).leaseTtl(Duration.ofHours(2)).build();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        Map<String, FakeEngine> engines = new HashMap<>();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String account = "acct-" + i;
            accounts.add(account);
            one.register(job(account, 1, 120_000, interval, new HashMap<>(), inside, max));
            two.register(job(account, 1, 120_000, interval, engines, inside, max));
        }
        Map<String, List<RunRecord>> runs = new HashMap<>();
        Instant end = clock.instant().plus(Duration.ofHours(2));
        java.util.Random turns = new java.util.Random(21);
        while (clock.instant().isBefore(end)) {
            // Which instance looks first at each tick is left to chance, as between processes.
            List<SyncScheduler> order = turns.nextBoolean() ? List.of(one, two) : List.of(two, one);
            for (SyncScheduler s : order) {
                s.runDue().forEach(r -> runs.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r));
            }
            clock.advance(Duration.ofSeconds(30));
        }
        for (String account : accounts) {
            List<RunRecord> mine = runs.get(account);
            // Due at once, then every 15 minutes for two hours: 9 runs, whoever made them.
            assertThat(mine).as(account).hasSizeBetween(8, 9);
            for (int k = 1; k < mine.size(); k++) {
                assertThat(Duration.between(mine.get(k - 1).endedAt(), mine.get(k).startedAt()))
                        .as("%s between runs %d and %d", account, k - 1, k)
                        .isGreaterThanOrEqualTo(interval).isLessThanOrEqualTo(interval.plusSeconds(30));
            }
        }
        assertThat(runs.values().stream().flatMap(List::stream).map(RunRecord::owner).distinct())
                .as("both instances ran accounts").containsExactlyInAnyOrder("one", "two");

        // Instance one stops: two carries every account, each within its interval and one look.
        one.close();
        Instant stopped = clock.instant();
        Map<String, Instant> lastByTwo = new HashMap<>();
        Instant later = stopped.plus(Duration.ofMinutes(40));
        while (clock.instant().isBefore(later)) {
            two.runDue().forEach(r -> lastByTwo.put(r.accountId(), r.startedAt()));
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(lastByTwo.keySet()).as("instance two took every account over").containsExactlyInAnyOrderElementsOf(accounts);
    }
}
