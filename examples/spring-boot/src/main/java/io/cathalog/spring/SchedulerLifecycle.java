package io.cathalog.spring;

import io.cathalog.core.jobs.SyncScheduler;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler inside the application's lifecycle: it starts with the context (after every bean
 * is ready, the database migrated) and stops with it, before the database goes: each run finishes
 * the change it is applying (journaled), the rest is left for the next run, here or on another
 * instance (see docs/operations.md, Shutdown).
 */
final class SchedulerLifecycle implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(SchedulerLifecycle.class.getName());

    private final CathalogProperties properties;
    private final SyncScheduler scheduler;
    private final RunHistory runs;
    private final DemoConnector demo;
    private ScheduledExecutorService collector; // guarded by this
    private volatile boolean running;

    SchedulerLifecycle(CathalogProperties properties, SyncScheduler scheduler, RunHistory runs, DemoConnector demo) {
        this.properties = properties;
        this.scheduler = scheduler;
        this.runs = runs;
        this.demo = demo;
    }

    @Override
    public synchronized void start() {
        boolean connected = demo.connectIfDemo();
        if (properties.schedule().enabled()) {
            scheduler.start();
            if (connected) {
                // The demo's first sync right away, not after the first interval's jitter.
                scheduler.accountIds().forEach(scheduler::syncNow);
            }
        }
        collector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cathalog-run-history");
            t.setDaemon(true);
            return t;
        });
        collector.scheduleWithFixedDelay(() -> {
            try {
                runs.collect();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "collecting the runs failed", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        boolean clean = scheduler.shutdown(properties.schedule().shutdownWait());
        if (!clean) {
            LOG.log(System.Logger.Level.WARNING, "some runs did not stop within {0}; they were interrupted",
                    properties.schedule().shutdownWait());
        }
        collector.shutdownNow();
        runs.collect();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
