package io.cathalog.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog (the source of truth) is invalid: malformed file, unknown fields, duplicate keys,
 * unknown parents, cycles, invalid GTINs, rules that name unknown categories... Every problem
 * found is listed with its JSON pointer, and its line and column when the catalog was a file.
 * Nothing is written anywhere while a catalog is invalid.
 */
public class CatalogValidationException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /** Where the catalog came from; empty when it was built in code. */
    private final String source;

    /**
     * @param source   where the catalog came from, e.g. a file path, for messages; empty when it
     *                 was built in code
     * @param problems every problem found; at least one
     */
    public CatalogValidationException(Optional<String> source, List<Problem> problems) {
        super(Objects.requireNonNull(source, "source").map(s -> "invalid catalog " + s).orElse("invalid catalog"),
                problems);
        this.source = source.orElse("");
    }

    /**
     * Where the catalog came from.
     *
     * @return the file path or other name the catalog was read from; empty when it was built in code
     */
    public Optional<String> source() {
        return source.isEmpty() ? Optional.empty() : Optional.of(source);
    }
}
