package io.cathalog.core;

/**
 * The run was asked to stop (the host shuts down, or the instance lost the account's lease).
 * Raised in place of sending a request, so nothing was sent; the engine stops between two
 * changes, the journal intact, and the next run finishes the work.
 */
public class RunCancelledException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why the run stops, e.g. the lease was lost
     */
    public RunCancelledException(String message) {
        super(message);
    }
}
