package io.cathalog.bling.bench;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained throughput of the Bling client against the sandbox at Bling's real limit (3 requests
 * per second per account, sliding window): several threads of one account read as fast as the
 * shared limiter lets them, for a fixed time. Prints a table: requests, achieved rate, share of
 * the limit, 429s, and the peak the sandbox saw in any second.
 *
 * <p>Run: {@code mvn -B -q -pl cathalog-bling exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.cathalog.bling.bench.ThroughputBenchmark -Dexec.args="60 8"}
 * (seconds, threads; optional third argument: the limiter's target rate).
 */
public final class ThroughputBenchmark {
    private ThroughputBenchmark() {
    }

    /** Kept so the logger configuration is not collected: one INFO line per change would drown the table. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.cathalog");

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Double> targets = new ArrayList<>();
        if (args.length > 2) {
            targets.add(Double.parseDouble(args[2]));
        } else {
            targets.add(2.85);
        }
        System.out.printf(Locale.ROOT, "%-8s %-8s %-9s %-9s %-9s %-7s %-6s %-10s%n", "target", "threads", "seconds",
                "requests", "req/s", "limit%", "429s", "peak/1s");
        for (double target : targets) {
            run(seconds, threads, target);
        }
    }

    private static void run(int seconds, int threads, double target) throws InterruptedException {
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().start()) {
            String account = sandbox.defaultAccountId();
            LocalRequestLimiter limiter = LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(target).build();
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(limiter).build();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong done = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    while (!stop.get()) {
                        client.salesChannels().types();
                        done.incrementAndGet();
                    }
                });
                workers.add(w);
            }
            // Warm up the connection and the JIT outside the measured window: a few seconds at the
            // full rate, then the log starts over.
            for (int i = 0; i < 12; i++) {
                client.salesChannels().types();
            }
            sandbox.resetRequestLog();
            Instant start = Instant.now();
            workers.forEach(Thread::start);
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
            Duration took = Duration.between(start, Instant.now());
            long requests = sandbox.requestLog().size();
            double rate = requests / (took.toNanos() / 1e9);
            sandbox.requestLog().entries().stream().filter(r -> r.status() == 429).forEach(r -> System.out.printf(
                    Locale.ROOT, "  429 at +%.3f s%n", Duration.between(start, r.at()).toNanos() / 1e9));
            System.out.printf(Locale.ROOT, "%-8.2f %-8d %-9.1f %-9d %-9.3f %-7.1f %-6d %-10d%n", target, threads,
                    took.toNanos() / 1e9, requests, rate, 100 * rate / 3.0, sandbox.requestLog().countWithStatus(429),
                    sandbox.requestLog().peakInWindow(Duration.ofSeconds(1), Optional.of(account)));
        }
    }
}
