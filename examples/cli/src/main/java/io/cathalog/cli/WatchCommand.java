package io.cathalog.cli;

import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.jobs.AccountJob;
import io.cathalog.core.jobs.AccountStatus;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.lease.InMemoryLeaseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** The scheduler in the foreground: the account kept in sync until the process is stopped. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Keeps the account in sync: the scheduler in the foreground until Ctrl-C.",
                "Runs at once, then every --interval, within the daily request budget;",
                "prints a line per run. Stops cleanly (between two changes) on Ctrl-C or SIGTERM."})
final class WatchCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Mixin
    PlanFlags flags;

    @Option(names = "--interval", defaultValue = "PT15M",
            description = "Time between the end of a run and the next (ISO-8601; default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--budget", description = "Requests a day this process may use (default: 60% of Bling's 120 000).")
    Long budget;

    @Override
    public Integer call() throws InterruptedException {
        CliConfig config = options.load();
        // Held until the process ends (the operating system releases it however it ends).
        AccountLock lock = AccountLock.acquire(config, "watch");
        AccessTokenProvider tokens = Engines.tokens(config);
        // One state store for every run: the runs share its memory and its file.
        FileSyncStateStore state = FileSyncStateStore.open(Engines.stateFile(config));
        SyncScheduler.Builder builder = SyncScheduler.builder()
                .owner("cathalog-cli-" + ProcessHandle.current().pid())
                .leases(new InMemoryLeaseLock(Clock.systemUTC()));
        if (config.accessToken().isEmpty()) {
            var store = Engines.tokenStore(config);
            builder.tokens(Engines.tokenManager(config, store), store);
        }
        SyncScheduler scheduler = builder.build();
        var pacing = Engines.limiter(config).pacing();
        long daily = budget != null ? budget : (long) (pacing.dailyBudget() * AccountJob.DEFAULT_BUDGET_SHARE);
        var limiter = io.cathalog.core.http.LocalRequestLimiter.builder(config.account(), pacing.withDailyBudget(daily))
                .build();
        scheduler.register(AccountJob.builder(config.account())
                .limiter(limiter)
                .interval(interval).jitter(Duration.ZERO)
                .options(flags.planOptions())
                .engine(ctx -> Engines.engine(config, Engines.client(config, tokens, ctx.limiter()), ctx.progress(), state))
                .build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping (a run in progress stops between two changes) ...");
            System.out.flush();
            scheduler.shutdown(Duration.ofSeconds(20));
            lock.close();
        }, "cathalog-watch-stop"));
        System.out.println("Watching account " + config.account() + " every " + ProgressPrinter.format(interval)
                + "; Ctrl-C to stop.");
        System.out.flush();
        scheduler.start();
        Optional<RunRecord> last = Optional.empty();
        while (!scheduler.isShutdown()) {
            AccountStatus status = scheduler.status(config.account());
            if (status.lastRun().isPresent() && !status.lastRun().equals(last)) {
                last = status.lastRun();
                System.out.println(line(status, last.get()));
                System.out.flush();
            }
            Thread.sleep(500);
        }
        return 0;
    }

    private static String line(AccountStatus status, RunRecord run) {
        String counts = run.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        return run.endedAt() + " run " + run.outcome() + (counts.isEmpty() ? ", nothing to do" : ": " + counts)
                + "; " + run.requestsUsed() + " requests, " + status.remainingToday() + " left today"
                + run.error().map(e -> "; " + e).orElse("")
                + status.nextRunAt().map(t -> "; next at " + t).orElse("");
    }
}
