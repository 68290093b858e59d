package io.cathalog.core.marketplace;

import java.util.Objects;

/** A value (or a missing value) a marketplace will reject, reported instead of thrown. */
public record Violation(String attribute, String message) {
    public Violation {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(message, "message");
    }
}
