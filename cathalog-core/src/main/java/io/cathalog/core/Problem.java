package io.cathalog.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with some input, and where it is.
 *
 * @param pointer  a JSON pointer (RFC 6901) to the offending value, relative to the document
 *                 being validated ({@code ""} is the whole document), e.g.
 *                 {@code /products/3/gtin}
 * @param message  what is wrong, in a sentence a person can act on; never contains a secret
 * @param location line and column in the source text, when the input came from text
 */
public record Problem(String pointer, String message, Optional<Location> location) {

    /**
     * @param pointer  a JSON pointer (RFC 6901) to the offending value, relative to the document
     *                 being validated ({@code ""} is the whole document), e.g.
     *                 {@code /products/3/gtin}
     * @param message  what is wrong, in a sentence a person can act on; never contains a secret
     * @param location line and column in the source text, when the input came from text
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code pointer} is neither empty nor starts with {@code /}
     */
    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer is empty or starts with '/': " + pointer);
        }
    }

    /**
     * A problem at a place, without a line and column.
     *
     * @param pointer a JSON pointer to the offending value; empty for the whole document
     * @param message what is wrong
     * @return the problem
     * @throws IllegalArgumentException if {@code pointer} is not a JSON pointer
     */
    public static Problem at(String pointer, String message) {
        return new Problem(pointer, message, Optional.empty());
    }

    /**
     * The same problem, below {@code prefix}: used when a value validated on its own sits inside a
     * larger document.
     *
     * @param prefix a JSON pointer to where the validated value sits, e.g. {@code /products/3}
     * @return the problem with its pointer prefixed
     */
    public Problem under(String prefix) {
        return new Problem(prefix + pointer, message, location);
    }

    /**
     * The same problem, placed in the source text.
     *
     * @param where the line and column of the offending value
     * @return the problem with that location
     */
    public Problem withLocation(Location where) {
        return new Problem(pointer, message, Optional.of(where));
    }

    /**
     * A 1-based line and column in a source text.
     *
     * @param line   the line, from 1
     * @param column the column, from 1
     */
    public record Location(long line, long column) {
        /**
         * @param line   the line, from 1
         * @param column the column, from 1
         * @throws IllegalArgumentException if the line or the column is below 1
         */
        public Location {
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
            }
        }

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    @Override
    public String toString() {
        String where = location.map(l -> l + ": ").orElse("");
        return where + (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }
}
