package io.cathalog.core.sync;

import java.util.Optional;

/**
 * Lets whoever started a run stop it cleanly: the engine asks before every change it applies
 * (and between the items it reads while observing), and when there is a reason to stop, it
 * finishes nothing more — the change in progress completes and is journaled, every later one is
 * {@link Outcome#SKIPPED}, and the apply ends with an {@link ApplyStoppedException} caused by a
 * {@link io.cathalog.core.RunCancelledException}. The next run finishes the work.
 *
 * <p>The scheduler hands one to each run (shutting down, the account's lease lost); a host that
 * runs the engine itself can pass its own. It is asked often: answer from memory, never block.
 */
@FunctionalInterface
public interface RunControl {
    /** A control that never stops a run. */
    RunControl NONE = Optional::empty;

    /**
     * Why the run should stop now, if it should.
     *
     * @return the reason, for the log and the skipped items; empty to go on
     */
    Optional<String> stopReason();

    /**
     * A control that never stops a run.
     *
     * @return {@link #NONE}
     */
    static RunControl none() {
        return NONE;
    }
}
