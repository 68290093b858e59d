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

    public ApplyStoppedException(ApplyReport report, CathalogException cause) {
        super("apply stopped after " + report.outcomes().stream().filter(o -> o.outcome() != Outcome.SKIPPED).count()
                + " of " + report.outcomes().size() + " items: " + cause.getMessage(), cause);
        this.report = Objects.requireNonNull(report, "report");
    }

    public ApplyReport report() {
        return report;
    }
}
