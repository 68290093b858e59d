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
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant now = Instant.now();
                long realMicros = (now.getEpochSecond() * 1_000_000L + now.getNano() / 1000) - realStart * 1000L;
                return Instant.ofEpochMilli(simStart).plusNanos((long) (realMicros * 1000 * speed));
            }
        };
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
        Clock clock = fastClock(simStart, realStart, speed);
        io.cathalog.core.http.Sleeper sleeper = d -> {
            long nanos = (long) (d.toNanos() / speed);
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

        long heapBefore = liveHeap();
        for (String line : accounts) {
            String[] f = line.split(" ");
            scheduler.register(ScaleInstance.job(f[0], Integer.parseInt(f[1]), f[2], sandbox, http, state, clock,
                    sleeper, 2.85, Duration.ofMinutes(15), Duration.ofMinutes(1)));
        }
        long heapRegistered = liveHeap();
        Instant end = clock.instant().plus(length);
        scheduler.start();

        Map<String, Instant> seen = new HashMap<>();
        java.util.List<RunRecord> records = new java.util.ArrayList<>();
        long peakHeap = 0;
        int peakOurs = 0;
        long lastSample = 0;
        while (clock.instant().isBefore(end)) {
            for (AccountStatus s : scheduler.statuses()) {
                if (s.lastRun().isPresent()) {
                    RunRecord r = s.lastRun().get();
                    if (!r.startedAt().equals(seen.get(r.accountId()))) {
                        seen.put(r.accountId(), r.startedAt());
                        records.add(r);
                    }
                }
            }
            if (System.currentTimeMillis() - lastSample > 500) {
                lastSample = System.currentTimeMillis();
                peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                peakOurs = Math.max(peakOurs, ourThreads());
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
        httpThreads.shutdownNow();
        emf.close();
        System.out.println("DONE");
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
