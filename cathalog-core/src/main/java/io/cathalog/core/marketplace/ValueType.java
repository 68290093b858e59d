package io.cathalog.core.marketplace;

/** The kind of value a marketplace attribute takes. */
public enum ValueType {
    TEXT,
    NUMBER,
    NUMBER_WITH_UNIT,
    BOOLEAN,
    CHOICE,
    MULTI_CHOICE,
    DATE,
    /** A type this plugin does not know; kept, never fatal. */
    UNKNOWN
}
