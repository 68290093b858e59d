package io.cathalog.core.sync.internal;

import java.util.Objects;
import java.util.Optional;

/** A resolved value and the rule that decided it (empty when the value was the product's own). */
record Decided<T>(T value, Optional<String> by) {
    Decided {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(by, "by");
    }

    static <T> Decided<T> own(T value) {
        return new Decided<>(value, Optional.empty());
    }

    static <T> Decided<T> rule(T value, String id) {
        return new Decided<>(value, Optional.of(id));
    }
}
