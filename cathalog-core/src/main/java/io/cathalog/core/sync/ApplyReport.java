package io.cathalog.core.sync;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an apply did: one outcome per planned change, and how long it took.
 *
 * @param runId    the run's id, as the journal and the change log know it
 * @param outcomes one outcome per planned change, in the plan's order
 * @param duration how long the apply took
 */
public record ApplyReport(String runId, List<ItemOutcome> outcomes, Duration duration) {
    /**
     * Checks and copies the report.
     *
     * @param runId    the run's id
     * @param outcomes one outcome per planned change
     * @param duration how long the apply took
     * @throws NullPointerException when a component is null
     */
    public ApplyReport {
        Objects.requireNonNull(runId, "runId");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * How many items ended with each outcome.
     *
     * @return every outcome with its count, zero included
     */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        outcomes.forEach(o -> counts.merge(o.outcome(), 1L, Long::sum));
        return counts;
    }

    /**
     * The report for people, like the plan's summary line.
     *
     * @return e.g. "Applied 14 changes in 8 s: 9 created, 3 updated, 0 deleted, 1 unchanged, 0 skipped, 1 failed."
     */
    public String summary() {
        Map<Outcome, Long> c = counts();
        if (outcomes.isEmpty()) {
            return "Nothing applied.";
        }
        StringBuilder s = new StringBuilder("Applied ").append(outcomes.size())
                .append(outcomes.size() == 1 ? " change" : " changes").append(" in ")
                .append(PlanFormat.human(duration)).append(':');
        String sep = " ";
        for (Outcome o : Outcome.values()) {
            s.append(sep).append(c.get(o)).append(' ').append(o.name().toLowerCase(java.util.Locale.ROOT));
            sep = ", ";
        }
        return s.append('.').toString();
    }

    /**
     * Whether any item failed.
     *
     * @return true when at least one outcome is {@link Outcome#FAILED}
     */
    public boolean hasFailures() {
        return outcomes.stream().anyMatch(o -> o.outcome() == Outcome.FAILED);
    }
}
