package io.cathalog.core.sync;

import io.cathalog.core.CathalogException;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Objects;

/**
 * An apply stopped before its end because going on was pointless or not wanted: the daily quota
 * is spent, the authorization is dead, the IP is blocked, the run was cancelled. Every item still has its outcome ({@link #report()}:
 * the ones not attempted are {@link Outcome#SKIPPED}) and the journal is intact, so the next run
 * finishes the work. {@link #getCause()} is the typed reason.
 *
 * <p>The exception is serializable with its report: the report travels in the plan's JSON form
 * (its changes as a plan writes them, each with its outcome), so a deserialized copy (another
 * process, a remote call) has the same report.
 */
public class ApplyStoppedException extends CathalogException {
    private static final long serialVersionUID = 2L;

    /** Not serializable as such (changes are records of non-serializable values): see writeObject. */
    private transient ApplyReport report;

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
     * @return the outcome of every item, also in a deserialized copy
     */
    public ApplyReport report() {
        return report;
    }

    /**
     * Writes the exception, then its report.
     *
     * @param out the stream
     * @throws IOException when the stream fails
     * @serialData the report in the plan's JSON form, as a {@code String}
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(PlanJson.writeReport(report));
    }

    /**
     * Reads the exception and its report back.
     *
     * @param in the stream
     * @throws IOException            when the stream fails or holds no readable report
     * @throws ClassNotFoundException when a class of the stream is not found
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Object json = in.readObject();
        if (!(json instanceof String text)) {
            throw new java.io.InvalidObjectException("an ApplyStoppedException without its report");
        }
        try {
            report = PlanJson.readReport(text);
        } catch (CathalogException e) {
            java.io.InvalidObjectException invalid = new java.io.InvalidObjectException(e.getMessage());
            invalid.initCause(e);
            throw invalid;
        }
    }
}
