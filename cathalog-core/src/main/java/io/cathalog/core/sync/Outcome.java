package io.cathalog.core.sync;

/** What happened to one planned item when it was applied: exactly one per item. */
public enum Outcome {
    /** The item was created in the ERP (or found there, created by a run whose answer was lost). */
    CREATED,
    /** The item was changed in the ERP. */
    UPDATED,
    /** The item was removed from the ERP. */
    DELETED,
    /** The ERP already held what the plan wanted; nothing was written. */
    UNCHANGED,
    /** Not applied: a change it depends on failed, or the run stopped before it. */
    SKIPPED,
    /** The ERP refused the change or it could not be sent; the item's error says why. */
    FAILED
}
