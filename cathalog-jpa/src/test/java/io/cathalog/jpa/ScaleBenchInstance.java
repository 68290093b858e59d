package io.cathalog.jpa;

import io.cathalog.core.jobs.AccountStatus;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import jakarta.persistence.EntityManagerFactory;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * One instance of {@link ScaleBenchmark}, in its own JVM: every account registered, the scheduler
 * started on a simulated clock that runs {@code speed} times faster than the wall clock (the
 * sandbox in the parent runs the same clock, so Bling's pace and 3 requests a second are kept in
 * simulated time), for {@code minutes} simulated minutes; then it writes its runs and its
 * measurements to the report file.
 *
 * <p>Arguments: JDBC URL, user, sandbox URL, owner, accounts file (id, products, token per line),
 * simulated start (epoch ms), real start (epoch ms), speed, simulated minutes, concurrent runs,
 * report file. The password comes in {@code CATHALOG_CHILD_DB_PASSWORD}.
 */
public final class ScaleBenchInstance {
    private ScaleBenchInstance() {
    }

    /** Simulated time: {@code simStart + (now - realStart) * speed}, the same in every process. */
    static Clock fastClock(long simStart, long realStart, double speed) {
        return new SimClock(simStart, realStart, speed, Long.MAX_VALUE, speed);
    }

    /**
     * Simulated time at {@code speed} times the wall clock until the simulated instant
     * {@code slowAt}, then at {@code slowSpeed} (the first syncs fast, the measured window at a
     * speed where a thread's scheduling delay is small against Bling's one-second window). The same
     * formula in every process.
     */
    static final class SimClock extends Clock {
        private final long simStart;
        private final long realStart;
        private final double speed;
        private final long slowAt;
        private final double slowSpeed;
        /** The wall-clock instant (epoch µs) at which the simulated clock reaches {@code slowAt}. */
        private final double realSlowMicros;

        SimClock(long simStart, long realStart, double speed, long slowAt, double slowSpeed) {
            this.simStart = simStart;
            this.realStart = realStart;
            this.speed = speed;
            this.slowAt = slowAt;
            this.slowSpeed = slowSpeed;
            this.realSlowMicros = slowAt == Long.MAX_VALUE ? Double.MAX_VALUE
                    : realStart * 1000.0 + (slowAt - simStart) * 1000.0 / speed;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        /** How many simulated seconds pass in a wall-clock second now. */
        double speedNow() {
            return nowMicros() < realSlowMicros ? speed : slowSpeed;
        }

        private static long nowMicros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        }

        @Override
        public Instant instant() {
            long now = nowMicros();
            if (now < realSlowMicros) {
                long realMicros = now - realStart * 1000L;
                return Instant.ofEpochMilli(simStart).plusNanos((long) (realMicros * 1000 * speed));
            }
            return Instant.ofEpochMilli(slowAt).plusNanos((long) ((now - realSlowMicros) * 1000 * slowSpeed));
        }
    }

    public static void main(String[] args) throws Exception {
        String password = System.getenv().getOrDefault("CATHALOG_CHILD_DB_PASSWORD", "");
        URI sandbox = URI.create(args[2]);
        String owner = args[3];
        List<String> accounts = Files.readAllLines(Path.of(args[4]));
        long simStart = Long.parseLong(args[5]);
        long realStart = Long.parseLong(args[6]);
        double speed = Double.parseDouble(args[7]);
        Duration length = Duration.ofMinutes(Long.parseLong(args[8]));
        int runs = Integer.parseInt(args[9]);
        Path report = Path.of(args[10]);
        long slowAt = args.length > 12 ? simStart + Duration.ofMinutes(Long.parseLong(args[11])).toMillis() : Long.MAX_VALUE;
        double slowSpeed = args.length > 12 ? Double.parseDouble(args[12]) : speed;
        SimClock clock = new SimClock(simStart, realStart, speed, slowAt, slowSpeed);
        io.cathalog.core.http.Sleeper sleeper = d -> {
            long nanos = (long) (d.toNanos() / clock.speedNow());
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        };

        EntityManagerFactory emf = TestDatabase.factory(args[0], args[1], password, "bench-" + owner, runs + 2);
        JpaTransactions tx = JpaTransactions.resourceLocal(emf);
        JpaLeaseLock leases = new JpaLeaseLock(tx, clock);
        JpaSyncStateStore state = new JpaSyncStateStore(tx);
        leases.holder("warm-up");
        ExecutorService httpThreads = ScaleInstance.httpExecutor(2);
        HttpClient http = ScaleInstance.sharedHttpClient(httpThreads);
        SyncScheduler scheduler = SyncScheduler.builder().owner(owner).clock(clock).leases(leases)
                .leaseTtl(Duration.ofMinutes(5)).maxConcurrentRuns(runs).tickEvery(Duration.ofMillis(100))
                .sleeper(sleeper).build();

        java.util.Queue<String> requests = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // The limiter reads this clock once per try; the last reading on the thread, when acquire()
        // returns, is the instant the limiter's rule granted the permit at.
        LastReading permitClock = new LastReading(clock);
        // Warm the shared client (its connections, the JDK's HTTP classes) with a few unauthenticated
        // requests, which the sandbox counts against no account: the first run of a fresh JVM
        // otherwise sends its first request tens of milliseconds late.
        for (int i = 0; i < 20; i++) {
            http.send(java.net.http.HttpRequest.newBuilder(URI.create(sandbox + "/empresas/me/dados-basicos")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        long heapBefore = liveHeap();
        for (String line : accounts) {
            String[] f = line.split(" ");
            scheduler.register(ScaleInstance.job(f[0], Integer.parseInt(f[1]), f[2], sandbox, http, state, permitClock,
                    sleeper, 2.85, Duration.ofMinutes(15), Duration.ofMinutes(1),
                    // The account's pace is shared by every instance through its database row, as
                    // docs/operations.md prescribes for N instances (not each instance's own limiter).
                    l -> new PermitRecorder(JpaRequestLimiter.builder(tx, l.accountId(), io.cathalog.bling.BlingPacing.standard())
                            .clock(permitClock).sleeper(sleeper).build(), permitClock, requests),
                    e -> {
                        // The attempt started (its send) its duration before now; both in simulated ms.
                        long end = clock.millis();
                        requests.add("S " + e.accountId() + " " + (end - e.duration().toMillis()) + " " + end + " "
                                + e.status() + " " + e.attempt());
                    }));
        }
        long heapRegistered = liveHeap();
        Instant end = clock.instant().plus(length);
        scheduler.start();

        Map<String, Instant> seen = new HashMap<>();
        java.util.List<RunRecord> records = new java.util.ArrayList<>();
        long peakHeap = 0;
        int peakOurs = 0;
        long lastSample = 0;
        boolean untilFirst = args.length > 13 && args[13].equals("first");
        java.util.Set<String> completed = new java.util.HashSet<>();
        // Until every account completed a run on some instance: this instance writes the accounts
        // it completed to <report>.completed; the benchmark creates <report>.stop when the union
        // of all instances' is every account.
        Path completedFile = Path.of(report + ".completed");
        Path stopFile = Path.of(report + ".stop");
        int written = 0;
        long lastCheck = 0;
        long lastStatuses = 0;
        while (clock.instant().isBefore(end)) {
            if (untilFirst && System.currentTimeMillis() - lastCheck > 1000) {
                lastCheck = System.currentTimeMillis();
                if (completed.size() > written) {
                    Files.write(completedFile, completed);
                    written = completed.size();
                }
                if (Files.exists(stopFile)) {
                    break;
                }
            }
            if (System.currentTimeMillis() - lastSample > 500) {
                lastSample = System.currentTimeMillis();
                peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                peakOurs = Math.max(peakOurs, ourThreads());
            }
            // statuses() reads each account's usage, one database read per account with the shared
            // limiter: once a second (runs of one account are minutes apart) keeps that out of the
            // measurement.
            if (System.currentTimeMillis() - lastStatuses < 1000) {
                Thread.sleep(50);
                continue;
            }
            lastStatuses = System.currentTimeMillis();
            for (AccountStatus s : scheduler.statuses()) {
                if (s.lastRun().isPresent()) {
                    RunRecord r = s.lastRun().get();
                    if (!r.startedAt().equals(seen.get(r.accountId()))) {
                        seen.put(r.accountId(), r.startedAt());
                        records.add(r);
                        if (r.outcome().name().startsWith("COMPLETED")) {
                            completed.add(r.accountId());
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        int peakThreads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
        long poolPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                poolPeak += p.getPeakUsage().getUsed();
            }
        }
        long liveAtEnd = liveHeap();
        scheduler.shutdown(Duration.ofSeconds(30));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report))) {
            for (RunRecord r : records) {
                out.println("RUN " + r.accountId() + " " + r.startedAt().toEpochMilli() + " " + r.endedAt().toEpochMilli()
                        + " " + r.outcome() + " " + r.requestsUsed());
            }
            out.println("STAT heapBeforeAccounts " + heapBefore);
            out.println("STAT heapAccountsRegistered " + heapRegistered);
            out.println("STAT heapPeakSampled " + peakHeap);
            out.println("STAT heapPoolsPeak " + poolPeak);
            out.println("STAT heapLiveAtEnd " + liveAtEnd);
            out.println("STAT threadsOursPeak " + peakOurs);
            out.println("STAT threadsJvmPeak " + peakThreads);
            out.println("STAT dbPool " + (runs + 2));
            out.println("STAT maxHeap " + Runtime.getRuntime().maxMemory());
        }
        Files.write(Path.of(report + ".requests"), requests);
        httpThreads.shutdownNow();
        emf.close();
        System.out.println("DONE");
    }

    /** The account's limiter, recording the simulated time of every permit it gives ("P account ms"). */
    private record PermitRecorder(io.cathalog.core.http.RequestLimiter delegate, Clock clock, java.util.Queue<String> out)
            implements io.cathalog.core.http.RequestLimiter {
        @Override
        public String accountId() {
            return delegate.accountId();
        }

        @Override
        public void acquire() throws InterruptedException {
            delegate.acquire();
            out.add("P " + delegate.accountId() + " " + ((LastReading) clock).last());
        }

        @Override
        public Permit acquirePermit() throws InterruptedException {
            Permit permit = delegate.acquirePermit();
            out.add("P " + delegate.accountId() + " " + ((LastReading) clock).last());
            return permit;
        }

        @Override
        public void pause(Duration pause) {
            delegate.pause(pause);
        }

        @Override
        public void quotaExhausted(Instant resetAt) {
            delegate.quotaExhausted(resetAt);
        }

        @Override
        public Instant nextReset() {
            return delegate.nextReset();
        }

        @Override
        public io.cathalog.core.http.Usage usage() {
            return delegate.usage();
        }
    }

    /** A clock that remembers, per thread, the last instant it gave (epoch ms). */
    private static final class LastReading extends Clock {
        private final Clock delegate;
        private final ThreadLocal<long[]> last = ThreadLocal.withInitial(() -> new long[1]);

        LastReading(Clock delegate) {
            this.delegate = delegate;
        }

        long last() {
            return last.get()[0];
        }

        @Override
        public java.time.ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant now = delegate.instant();
            last.get()[0] = now.toEpochMilli();
            return now;
        }
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Threads this host started: the scheduler's, the HTTP client's and its executor's. */
    private static int ourThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith("cathalog-") || name.startsWith("bench-http-") || name.startsWith("HttpClient-")) {
                n++;
            }
        }
        return n;
    }
}
