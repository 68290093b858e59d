package io.cathalog.core.marketplace;

import java.util.Objects;

/**
 * Something the marketplace would accept, but that degrades the listing or was adjusted on the
 * way: reported so nothing changes silently.
 *
 * @param attribute the marketplace attribute id, or a listing field
 * @param code      what kind of remark it is
 * @param message   what was noticed or adjusted, for people
 */
public record Warning(String attribute, Code code, String message) {

    /**
     * @param attribute the marketplace attribute id, or a listing field
     * @param code      what kind of remark it is
     * @param message   what was noticed or adjusted, for people
     * @throws NullPointerException if a component is null
     */
    public Warning {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** What kind of remark it is. */
    public enum Code {
        /** The marketplace's attribute type is unknown to the plugin; the value was kept as text. */
        UNKNOWN_TYPE,
        /** A value was given for an attribute the library never writes (hidden, read-only, fixed). */
        NOT_WRITABLE,
        /** A value was rounded to what the marketplace accepts (integer grams, whole centimetres). */
        ROUNDED,
        /** A value was taken from a fallback (e.g. net weight for the package weight). */
        FALLBACK,
        /** A value was supplied for an attribute the category does not have. */
        UNUSED_VALUE,
        /** Accepted without it, but the marketplace ranks or catalogs better with it. */
        RECOMMENDED
    }
}
