package io.cathalog.core.marketplace;

import java.util.Objects;

/**
 * A value (or a missing value) the marketplace would reject, reported instead of thrown. A product
 * with violations "needs attention" for that store.
 *
 * @param attribute the marketplace attribute id, or a listing field ({@code title}, {@code brand},
 *                  {@code category}, ...)
 * @param code      what kind of problem it is
 * @param message   what is wrong, for people
 */
public record Violation(String attribute, Code code, String message) {

    /**
     * @param attribute the marketplace attribute id, or a listing field ({@code title}, {@code brand},
     *                  {@code category}, ...)
     * @param code      what kind of problem it is
     * @param message   what is wrong, for people
     * @throws NullPointerException if a component is null
     */
    public Violation {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** What kind of problem it is. */
    public enum Code {
        /** The marketplace category's requirements could not be read. */
        CATEGORY_UNAVAILABLE,
        /** The category has children; marketplaces list in leaf categories only. */
        NOT_LEAF_CATEGORY,
        /** A required value is missing. */
        MISSING_REQUIRED,
        /** A GTIN is required (or, where allowed, a declaration that there is none). */
        MISSING_GTIN,
        /** The GTIN is not a valid GTIN-8/12/13/14. */
        INVALID_GTIN,
        /** The value's kind does not fit the attribute (text for a number, ...). */
        INVALID_VALUE,
        /** The value is not in the attribute's closed list. */
        UNKNOWN_VALUE,
        /** A number lacks its unit, or its unit cannot be converted to an allowed one. */
        INVALID_UNIT,
        /** Longer than the marketplace accepts. */
        TOO_LONG,
        /** Shorter than the marketplace accepts. */
        TOO_SHORT,
        /** More values than the attribute takes. */
        TOO_MANY_VALUES,
        /** A child attribute was given without its parent's opening value. */
        PARENT_MISSING,
        /** The brand is not one the category accepts. */
        UNKNOWN_BRAND,
        /** A family's variations break one of the marketplace's rules for variations. */
        VARIATION_RULE
    }
}
