package io.cathalog.core.jobs;

import io.cathalog.core.DailyQuotaExceededException;

import java.time.Instant;

/**
 * The scheduler's gate refused a request because the run was asked to stop (shutdown, or the
 * account's lease was lost). Nothing was sent.
 *
 * <p>Why a {@link DailyQuotaExceededException}: the engine's applier stops a run cleanly (the
 * current change finished and journaled, every later item SKIPPED, the journal intact) on exactly
 * three typed causes, and "no request may be sent for now" is this one's meaning. Only the
 * scheduler throws it and the scheduler catches it; its message says what really happened. A
 * cancellation hook in the engine would make this unnecessary (see docs/operations.md).
 */
final class StopRefusal extends DailyQuotaExceededException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    StopRefusal(String accountId, String reason, Instant now) {
        super(accountId, 0, 0, now, false);
        this.reason = reason;
    }

    @Override
    public String getMessage() {
        return "not sent: the run of account '" + accountId() + "' was asked to stop (" + reason + ")";
    }
}
