package io.cathalog.core.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A sync larger than what was left of the day's budget: it is applied until the budget stops it,
 * and the rest is done after the reset. The next run replans from what Bling holds (creations look
 * their natural key up first), so nothing is applied twice.
 *
 * @param plannedAt         when the run that did not fit was planned
 * @param estimatedRequests what the plan said applying would take
 * @param remainingBudget   what was left of the day's budget then
 * @param applied           items applied (or found unchanged, or failed) before the stop
 * @param left              items not attempted: the next run's work, replanned
 * @param resumesAt         when the budget resets and the next run continues
 * @param parts             how many runs this split has taken so far (2 after one resumption)
 */
public record SplitInfo(Instant plannedAt, long estimatedRequests, long remainingBudget, long applied, long left,
                        Instant resumesAt, int parts) {
    /**
     * Checks the components.
     *
     * @param plannedAt         when the run that did not fit was planned
     * @param estimatedRequests what the plan said applying would take
     * @param remainingBudget   what was left of the day's budget then
     * @param applied           items applied (or found unchanged, or failed) before the stop
     * @param left              items not attempted: the next run's work, replanned
     * @param resumesAt         when the budget resets and the next run continues
     * @param parts             how many runs this split has taken so far (2 after one resumption)
     * @throws NullPointerException when {@code plannedAt} or {@code resumesAt} is null
     */
    public SplitInfo {
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(resumesAt, "resumesAt");
    }
}
