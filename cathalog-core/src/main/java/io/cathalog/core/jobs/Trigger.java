package io.cathalog.core.jobs;

/** Why a run started. */
public enum Trigger {
    /** Its interval came round (or its backoff, or the budget reset, ended). */
    SCHEDULE,
    /** A webhook said products of the account changed. */
    WEBHOOK,
    /** The host asked for it ({@link SyncScheduler#syncNow}, {@link SyncScheduler#resume}). */
    MANUAL
}
