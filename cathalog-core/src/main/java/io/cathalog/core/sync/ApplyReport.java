package io.cathalog.core.sync;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What an apply did: one outcome per planned change, and how long it took. */
public record ApplyReport(String runId, List<ItemOutcome> outcomes, Duration duration) {
    public ApplyReport {
        Objects.requireNonNull(runId, "runId");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(duration, "duration");
    }

    /** How many items ended with each outcome (every outcome listed, zero included). */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        outcomes.forEach(o -> counts.merge(o.outcome(), 1L, Long::sum));
        return counts;
    }

    public boolean hasFailures() {
        return outcomes.stream().anyMatch(o -> o.outcome() == Outcome.FAILED);
    }
}
