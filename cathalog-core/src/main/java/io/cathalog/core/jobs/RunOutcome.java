package io.cathalog.core.jobs;

/** How a scheduled run ended. */
public enum RunOutcome {
    /** Every planned change was applied (or found unchanged). */
    COMPLETED,
    /** The run went to its end, but some items failed (each one says why); not retried sooner. */
    COMPLETED_WITH_FAILURES,
    /**
     * The daily budget (or Bling's daily quota) ran out: what was applied is journaled, the rest
     * waits for the reset, when the next run replans from what Bling holds and continues.
     */
    BUDGET_STOPPED,
    /** The authorization is dead: the account is paused until {@link SyncScheduler#resume}. */
    REAUTHORIZATION_REQUIRED,
    /** The scheduler shut down (or lost the account's lease) between two changes. */
    STOPPED,
    /** The run failed as a whole (network, IP block, a bug): retried after a backoff. */
    FAILED
}
