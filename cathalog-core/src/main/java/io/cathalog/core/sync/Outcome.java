package io.cathalog.core.sync;

/** What happened to one planned item when it was applied: exactly one per item. */
public enum Outcome {
    CREATED,
    UPDATED,
    DELETED,
    UNCHANGED,
    SKIPPED,
    FAILED
}
