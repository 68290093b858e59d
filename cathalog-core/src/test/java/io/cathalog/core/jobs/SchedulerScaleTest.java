package io.cathalog.core.jobs;

import io.cathalog.core.testing.TestPacing;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.lease.InMemoryLeaseLock;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.testing.ForwardingLeaseLock;
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

    // ------------------------------------------------------------ instances share evenly (issue 21)

    static final Duration EVERY = Duration.ofMinutes(15);
    static final Duration JITTER = Duration.ofMinutes(1);
    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration STEP = Duration.ofSeconds(30);

    /** One instance of several sharing {@code leases}, every account registered, its own jitter. */
    SyncScheduler sharing(String owner, InMemoryLeaseLock leases, long seed, List<String> accounts) {
        SyncScheduler s = SyncScheduler.builder().clock(clock).owner(owner).leases(leases).leaseTtl(TTL)
                .random(new java.util.Random(seed)).build();
        for (String account : accounts) {
            s.register(AccountJob.builder(account).limiter(limiter(account, 120_000)).interval(EVERY).jitter(JITTER)
                    .engine(ctx -> new FakeEngine(ctx, 1)).build());
        }
        return s;
    }

    static List<String> accounts(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("acct-%02d", i));
        }
        return ids;
    }

    /**
     * Drives the live instances for {@code length}, a look every 30 seconds, always in the order
     * given: as processes whose ticks keep their phase, the first one takes whatever fell due
     * for both since their last look. Every run made goes to {@code runs} (per account).
     */
    void share(List<SyncScheduler> live, Duration length, Map<String, List<RunRecord>> runs) {
        Instant end = clock.instant().plus(length);
        while (clock.instant().isBefore(end)) {
            for (SyncScheduler s : live) {
                s.runDue().forEach(r -> runs.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r));
            }
            clock.advance(STEP);
        }
    }

    static Map<String, Long> runsByOwner(Map<String, List<RunRecord>> runs, Instant from) {
        Map<String, Long> by = new java.util.TreeMap<>();
        runs.values().stream().flatMap(List::stream).filter(r -> !r.startedAt().isBefore(from))
                .forEach(r -> by.merge(r.owner(), 1L, Long::sum));
        return by;
    }

    /**
     * Each account once per interval in all (never two runs at once, never sooner than the interval
     * less the hand-off) and never later than {@code bound} after its previous run ended.
     */
    static void eachAccountOncePerIntervalWithin(Map<String, List<RunRecord>> runs, List<String> accounts, Duration bound) {
        for (String account : accounts) {
            List<RunRecord> mine = runs.get(account);
            assertThat(mine).as(account).isNotNull().hasSizeGreaterThan(2);
            for (int k = 1; k < mine.size(); k++) {
                Duration wait = Duration.between(mine.get(k - 1).endedAt(), mine.get(k).startedAt());
                assertThat(wait).as("%s between runs %d (%s) and %d (%s)", account, k - 1, mine.get(k - 1).owner(),
                                k, mine.get(k).owner())
                        .isGreaterThanOrEqualTo(EVERY.minus(JITTER).minus(Duration.ofSeconds(2)))
                        .isLessThanOrEqualTo(bound.plus(STEP));
            }
        }
    }

    /**
     * Two instances, twenty accounts, four hours: each instance carries between 35 % and 65 % of
     * the runs, each account runs once per interval in all, and never later than its interval
     * plus its jitter after its previous run ended. (Before the hand-off, the instance that ran an
     * account last was due again as the mark lapsed and kept most of the accounts.)
     */
    @Test
    void twoInstancesEachCarryAboutHalfOfTheRuns() {
        InMemoryLeaseLock shared = new InMemoryLeaseLock(clock);
        List<String> accounts = accounts(20);
        List<SyncScheduler> live = List.of(sharing("one", shared, 1, accounts), sharing("two", shared, 2, accounts));
        Map<String, List<RunRecord>> runs = new HashMap<>();
        share(live, Duration.ofHours(4), runs);

        Map<String, Long> by = runsByOwner(runs, Instant.MIN);
        long total = by.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).as("about 4 h / 15.5 min runs per account, once per interval in all, not per instance")
                .isBetween(20L * 14, 20L * 17);
        assertThat(by).as("runs per instance of %d", total).containsOnlyKeys("one", "two")
                .allSatisfy((owner, n) -> assertThat(n).as(owner).isBetween(total * 35 / 100, total * 65 / 100));
        eachAccountOncePerIntervalWithin(runs, accounts, EVERY.plus(JITTER));
    }

    /**
     * Three instances each carry at least a fifth of the runs; when one of them dies (stops
     * looking, its marks lapse) the other two share its accounts, each account still within its
     * interval plus jitter plus the lease's time to live.
     */
    @Test
    void threeInstancesShareTheRunsAndTheSurvivorsShareADeadOnesAccounts() {
        InMemoryLeaseLock shared = new InMemoryLeaseLock(clock);
        List<String> accounts = accounts(20);
        SyncScheduler one = sharing("one", shared, 1, accounts);
        SyncScheduler two = sharing("two", shared, 2, accounts);
        SyncScheduler three = sharing("three", shared, 3, accounts);
        Map<String, List<RunRecord>> runs = new HashMap<>();
        share(List.of(one, two, three), Duration.ofHours(4), runs);

        Map<String, Long> by = runsByOwner(runs, Instant.MIN);
        long total = by.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isBetween(20L * 14, 20L * 17);
        assertThat(by).as("runs per instance of %d", total).containsOnlyKeys("one", "two", "three")
                .allSatisfy((owner, n) -> assertThat(n).as(owner).isGreaterThanOrEqualTo(total * 20 / 100));
        eachAccountOncePerIntervalWithin(runs, accounts, EVERY.plus(JITTER));

        // Instance three dies: it looks no more; its marks lapse by themselves.
        Instant died = clock.instant();
        share(List.of(one, two), Duration.ofHours(3), runs);
        Map<String, Long> after = runsByOwner(runs, died);
        long totalAfter = after.values().stream().mapToLong(Long::longValue).sum();
        assertThat(after).as("runs per survivor of %d", totalAfter).containsOnlyKeys("one", "two")
                .allSatisfy((owner, n) -> assertThat(n).as(owner).isBetween(totalAfter * 35 / 100, totalAfter * 65 / 100));
        eachAccountOncePerIntervalWithin(runs, accounts, EVERY.plus(JITTER).plus(TTL));
        for (String account : accounts) {
            assertThat(runs.get(account)).as(account).anySatisfy(r -> assertThat(r.startedAt()).isAfter(died.plus(Duration.ofHours(2))));
        }
    }

    /**
     * An instance that died in the middle of a run leaves the run's lease until its time to live
     * ends: a survivor that found it held looks again when it lapses, not an interval later.
     */
    @Test
    void anInstanceThatDiedMidRunIsTakenOverWhenItsLeaseLapses() {
        InMemoryLeaseLock shared = new InMemoryLeaseLock(clock);
        SyncScheduler survivor = sharing("survivor", shared, 1, List.of("acct-00"));
        // The dead instance took the run's lease (and renewed it once) and then stopped.
        shared.tryAcquire("sync:acct-00", "dead", TTL).orElseThrow();
        Instant lapses = clock.instant().plus(TTL);
        Map<String, List<RunRecord>> runs = new HashMap<>();
        share(List.of(survivor), Duration.ofMinutes(30), runs);
        assertThat(runs.get("acct-00")).as("taken over").isNotNull();
        assertThat(runs.get("acct-00").get(0).startedAt()).as("the survivor runs the account once the lease lapsed")
                .isAfterOrEqualTo(lapses).isBeforeOrEqualTo(lapses.plus(JITTER).plus(STEP));
    }

    /** One instance alone runs each account its interval plus a fresh jitter after each run's end, as before. */
    @Test
    void oneInstanceAloneRunsAtItsIntervalPlusJitterAfterEachEnd() {
        InMemoryLeaseLock leases = new InMemoryLeaseLock(clock);
        SyncScheduler alone = sharing("alone", leases, 7, List.of("acct-00"));
        java.util.Random same = new java.util.Random(7); // the scheduler's draws, in the same order
        Instant first = clock.instant().plusMillis(same.nextLong(JITTER.toMillis() + 1));
        assertThat(alone.status("acct-00").nextRunAt()).contains(first);
        Map<String, List<RunRecord>> runs = new HashMap<>();
        Instant end = clock.instant().plus(Duration.ofHours(3));
        while (clock.instant().isBefore(end)) {
            for (RunRecord r : alone.runDue()) {
                runs.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r);
                assertThat(alone.status("acct-00").nextRunAt()).as("due after the run that ended at %s", r.endedAt())
                        .contains(r.endedAt().plus(EVERY).plusMillis(same.nextLong(JITTER.toMillis() + 1)));
            }
            clock.advance(Duration.ofMillis(250));
        }
        assertThat(runs.get("acct-00")).hasSizeBetween(11, 12);
    }

    // ------------------------------------------------------------ no run right after another instance's

    SyncScheduler alone(String owner, io.cathalog.core.lease.LeaseLock leases, String account) {
        SyncScheduler s = SyncScheduler.builder().clock(clock).owner(owner).leases(leases).leaseTtl(TTL).build();
        s.register(AccountJob.builder(account).limiter(limiter(account, 120_000)).interval(EVERY).jitter(Duration.ZERO)
                .engine(ctx -> new FakeEngine(ctx, 1)).build());
        return s;
    }

    /**
     * A completed run marks the account before it lets go of the run's lease: the instance that
     * takes the lease next always finds the mark (the benchmark saw an instance run an account 7 ms
     * after another instance's run of it had ended, in the gap between the two).
     */
    @Test
    void aCompletedRunMarksTheAccountBeforeItReleasesTheRunLease() {
        InMemoryLeaseLock shared = new InMemoryLeaseLock(clock);
        List<Boolean> markedAtRelease = new ArrayList<>();
        SyncScheduler one = alone("one", new ForwardingLeaseLock(shared) {
            @Override
            public void release(io.cathalog.core.lease.Lease lease) {
                if (lease.name().startsWith("sync:")) {
                    markedAtRelease.add(shared.holder("synced:acct").isPresent());
                }
                super.release(lease);
            }
        }, "acct");

        assertThat(one.runDue()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));

        assertThat(markedAtRelease).containsExactly(true);
    }

    /**
     * An instance that read no mark, then took the run's lease after another instance's run of
     * the account ended, finds the mark that run left and does not run the account again.
     */
    @Test
    void anInstanceThatReadTheMarkBeforeAnotherRunEndedDoesNotRunTheAccountAgain() {
        InMemoryLeaseLock shared = new InMemoryLeaseLock(clock);
        SyncScheduler one = alone("one", shared, "acct");
        AtomicInteger marksRead = new AtomicInteger();
        SyncScheduler two = alone("two", new ForwardingLeaseLock(shared) {
            @Override
            public java.util.Optional<io.cathalog.core.lease.Lease> holder(String name) {
                // Its first look at the mark happened while one's run was still going: no mark yet.
                if (name.startsWith("synced:") && marksRead.getAndIncrement() == 0) {
                    return java.util.Optional.empty();
                }
                return super.holder(name);
            }
        }, "acct");
        assertThat(one.runDue()).hasSize(1);

        assertThat(two.runDue()).as("two runs nothing").isEmpty();
        assertThat(shared.holder("sync:acct")).as("two let go of the run's lease").isEmpty();
        assertThat(two.status("acct").nextRunAt()).as("two looks again when one's mark lapses")
                .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(shared.holder("synced:acct").orElseThrow().expiresAt()));
    }
}
