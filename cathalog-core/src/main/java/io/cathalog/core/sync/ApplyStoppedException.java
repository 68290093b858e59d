package io.cathalog.core.sync;

import io.cathalog.core.CathalogException;

import java.util.Objects;

/**
 * An apply stopped before its end because going on was pointless or not wanted: the daily quota
 * is spent, the authorization is dead, the IP is blocked, the run was cancelled. Every item still has its outcome ({@link #report()}:
 * the ones not attempted are {@link Outcome#SKIPPED}) and the journal is intact, so the next run
 * finishes the work. {@link #getCause()} is the typed reason.
 */
public class ApplyStoppedException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final transient ApplyReport report;

    /**
     * An apply stopped for {@code cause}.
     *
     * @param report the outcome of every item of the plan, those not attempted
     *               {@link Outcome#SKIPPED}
     * @param cause  the typed reason the apply stopped; its message ends this one's
     * @throws NullPointerException when {@code report} or {@code cause} is null
     */
    public ApplyStoppedException(ApplyReport report, CathalogException cause) {
        super("apply stopped after " + report.outcomes().stream().filter(o -> o.outcome() != Outcome.SKIPPED).count()
                + " of " + report.outcomes().size() + " items: " + cause.getMessage(), cause);
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * What the apply did before it stopped.
     *
     * @return the outcome of every item; {@code null} in a deserialized copy, as the report is
     *         not serialized
     */
    public ApplyReport report() {
        return report;
    }
}
