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

    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer is empty or starts with '/': " + pointer);
        }
    }

    public static Problem at(String pointer, String message) {
        return new Problem(pointer, message, Optional.empty());
    }

    /** The same problem, below {@code prefix} (a pointer to where the validated value sits). */
    public Problem under(String prefix) {
        return new Problem(prefix + pointer, message, location);
    }

    public Problem withLocation(Location where) {
        return new Problem(pointer, message, Optional.of(where));
    }

    /** A 1-based line and column in a source text. */
    public record Location(long line, long column) {
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
