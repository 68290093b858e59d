package io.cathalog.core.sync;

/** What to do when the ERP was edited by hand since the last sync. */
public enum DriftPolicy {
    /** The source of truth wins; the plan says which values were edited by hand. The default. */
    OVERWRITE,
    /** The ERP's value wins for the fields edited by hand; the plan leaves them alone. */
    KEEP_REMOTE,
    /** The plan lists the drift and applying it is refused until a person decides. */
    FAIL
}
