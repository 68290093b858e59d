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
    /** Validates the rule. */
    public JournalRetention {
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("a journal retention keeps lines a positive time, got " + keep);
        }
    }

    /** A rule that keeps finished runs' lines for {@code keep}. */
    public static JournalRetention of(Duration keep) {
        return new JournalRetention(keep);
    }

    /** Lines before this instant may go. */
    public Instant cutoff(Clock clock) {
        return clock.instant().minus(keep);
    }

    /**
     * Prunes {@code store} by this rule ({@link SyncStateStore#pruneJournal}).
     *
     * @return how many lines were removed
     */
    public long prune(SyncStateStore store, Clock clock) {
        return Objects.requireNonNull(store, "store").pruneJournal(cutoff(Objects.requireNonNull(clock, "clock")));
    }
}
