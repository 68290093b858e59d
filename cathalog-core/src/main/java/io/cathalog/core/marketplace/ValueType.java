package io.cathalog.core.marketplace;

/** The kind of value a marketplace attribute takes. */
public enum ValueType {
    /** Free text (suggestions may exist). */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** A decimal number without a unit. */
    NUMBER,
    /** A number with a unit out of the attribute's allowed units. */
    NUMBER_WITH_UNIT,
    /** Yes or no. */
    BOOLEAN,
    /** One value of a list. */
    CHOICE,
    /** Several values of a list. */
    MULTI_CHOICE,
    /** A date, in the attribute's {@linkplain AttributeRequirement#dateFormat() format}. */
    DATE,
    /** A type this plugin does not know; kept, written as text if at all, never fatal. */
    UNKNOWN
}
