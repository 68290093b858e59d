package io.cathalog.core.jobs;

import io.cathalog.core.sync.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run of one account, as the scheduler saw it.
 *
 * @param accountId         the account
 * @param runId             the engine's run id, when the run got as far as applying
 * @param trigger           why it started
 * @param owner             the scheduler instance that ran it (its lease owner id)
 * @param startedAt         when it started
 * @param endedAt           when it ended
 * @param outcome           how it ended
 * @param counts            items per outcome (every outcome listed, zero included)
 * @param estimatedRequests what the plan estimated applying would take, when a plan was made
 * @param remainingBudget   what was left of the day's budget when the plan was compared with it
 * @param requestsUsed      requests the run sent (through the scheduler's limiter, or the
 *                          difference of the account's day count)
 * @param products          the products webhooks named since the previous run
 * @param error             what went wrong, for outcomes other than the completed ones
 */
public record RunRecord(String accountId, Optional<String> runId, Trigger trigger, String owner, Instant startedAt,
                        Instant endedAt, RunOutcome outcome, Map<Outcome, Long> counts,
                        OptionalLong estimatedRequests, OptionalLong remainingBudget, long requestsUsed,
                        List<ProductRef> products, Optional<String> error) {

    /**
     * Checks the components; {@code counts} gets every outcome (0 when absent), and the map and list are copied.
     *
     * @param accountId         the account
     * @param runId             the engine's run id, when the run got as far as applying
     * @param trigger           why it started
     * @param owner             the scheduler instance that ran it (its lease owner id)
     * @param startedAt         when it started
     * @param endedAt           when it ended
     * @param outcome           how it ended
     * @param counts            items per outcome (every outcome listed, zero included)
     * @param estimatedRequests what the plan estimated applying would take, when a plan was made
     * @param remainingBudget   what was left of the day's budget when the plan was compared with it
     * @param requestsUsed      requests the run sent (through the scheduler's limiter, or the difference of the account's day count)
     * @param products          the products webhooks named since the previous run
     * @param error             what went wrong, for outcomes other than the completed ones
     * @throws NullPointerException when a component is null
     */
    public RunRecord {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, counts.getOrDefault(o, 0L));
        }
        counts = Collections.unmodifiableMap(all);
        Objects.requireNonNull(estimatedRequests, "estimatedRequests");
        Objects.requireNonNull(remainingBudget, "remainingBudget");
        products = List.copyOf(products);
        Objects.requireNonNull(error, "error");
    }

    /**
     * How long the run took.
     *
     * @return the time from start to end
     */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /**
     * Whether the plan was estimated to need more than what was left of the day's budget.
     *
     * @return true when both numbers are known and the estimate exceeds the budget left
     */
    public boolean split() {
        return estimatedRequests.isPresent() && remainingBudget.isPresent()
                && estimatedRequests.getAsLong() > remainingBudget.getAsLong();
    }
}
