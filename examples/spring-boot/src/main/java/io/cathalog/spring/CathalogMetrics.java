package io.cathalog.spring;

import io.cathalog.core.http.RequestListener;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.sync.ChangeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Objects;

/**
 * The library's events as Micrometer meters (see /actuator/metrics):
 * <ul>
 *   <li>{@code cathalog.requests}: every HTTP attempt to Bling, by account, method, route template and status;</li>
 *   <li>{@code cathalog.requests.throttled}: Bling's 429s, by account and route;</li>
 *   <li>{@code cathalog.changes}: changes applied, by account and outcome (CREATED, UPDATED, FAILED, ...);</li>
 *   <li>{@code cathalog.run.duration}: scheduled runs, by account and outcome.</li>
 * </ul>
 */
final class CathalogMetrics {
    private final MeterRegistry registry;

    CathalogMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    RequestListener requests() {
        return e -> {
            String status = e.status() == 0 ? "none" : Integer.toString(e.status());
            Counter.builder("cathalog.requests").description("HTTP attempts to Bling")
                    .tags("account", e.accountId(), "method", e.method(), "route", e.route(), "status", status)
                    .register(registry).increment();
            if (e.status() == 429) {
                Counter.builder("cathalog.requests.throttled").description("Bling's 429 answers")
                        .tags("account", e.accountId(), "route", e.route())
                        .register(registry).increment();
            }
        };
    }

    ChangeListener changes() {
        return e -> Counter.builder("cathalog.changes").description("changes applied to Bling, by outcome")
                .tags("account", e.accountId(), "outcome", e.outcome().outcome().name())
                .register(registry).increment();
    }

    void run(RunRecord run) {
        Timer.builder("cathalog.run.duration").description("scheduled sync runs")
                .tags("account", run.accountId(), "outcome", run.outcome().name())
                .register(registry).record(run.duration());
    }
}
