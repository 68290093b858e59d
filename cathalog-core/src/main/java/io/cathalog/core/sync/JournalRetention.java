package io.cathalog.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long finished runs' journal lines are kept: the retention rule a host or scheduler applies
 * now and then (daily is plenty) to every account of a store. The journal exists to finish
 * interrupted runs, so a few days suffice; the history of changes is the change log's, with a
 * retention of its own.
 *
 * <pre>{@code
 * JournalRetention retention = JournalRetention.of(Duration.ofDays(30));
 * long removed = retention.prune(state, clock);
 * }</pre>
 *
 * @param keep how long a finished run's lines are kept, counted from each line's time
 */
public record JournalRetention(Duration keep) {
    /**
     * Validates the rule.
     *
     * @param keep how long a finished run's lines are kept; positive
     * @throws IllegalArgumentException when {@code keep} is zero or negative
     * @throws NullPointerException     when {@code keep} is null
     */
    public JournalRetention {
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("a journal retention keeps lines a positive time, got " + keep);
        }
    }

    /**
     * A rule that keeps finished runs' lines for {@code keep}.
     *
     * @param keep how long the lines are kept; positive
     * @return the rule
     * @throws IllegalArgumentException when {@code keep} is zero or negative
     */
    public static JournalRetention of(Duration keep) {
        return new JournalRetention(keep);
    }

    /**
     * The instant before which finished runs' lines may go.
     *
     * @param clock the clock giving now
     * @return now minus {@link #keep}
     */
    public Instant cutoff(Clock clock) {
        return clock.instant().minus(keep);
    }

    /**
     * Prunes {@code store} by this rule ({@link SyncStateStore#pruneJournal}).
     *
     * @param store the store to prune, for all its accounts
     * @param clock the clock giving now, from which {@link #cutoff} is counted
     * @return how many lines were removed
     */
    public long prune(SyncStateStore store, Clock clock) {
        return Objects.requireNonNull(store, "store").pruneJournal(cutoff(Objects.requireNonNull(clock, "clock")));
    }
}
