package io.cathalog.core.jobs;

import io.cathalog.core.RunCancelledException;

/**
 * The scheduler's gate refused a request because the run was asked to stop (shutdown, or the
 * account's lease was lost). Nothing was sent; the engine's applier stops the run cleanly on a
 * {@link RunCancelledException} (the current change finished and journaled, every later item
 * SKIPPED, the journal intact).
 */
final class StopRefusal extends RunCancelledException {
    private static final long serialVersionUID = 1L;

    StopRefusal(String accountId, String reason) {
        super("not sent: the run of account '" + accountId + "' was asked to stop (" + reason + ")");
    }
}
