package io.cathalog.core.marketplace;

import io.cathalog.core.model.AttributeValue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A product made ready for one store.
 *
 * @param values         attribute values to write, by marketplace attribute id
 * @param violations     what the marketplace would reject; nothing is guessed to avoid them
 * @param warnings       what it would accept but degrade
 * @param payloadPreview the marketplace's own attribute payload, as JSON text, for people
 */
public record Normalisation(Map<String, AttributeValue> values, List<Violation> violations, List<String> warnings,
                            String payloadPreview) {
    public Normalisation {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(payloadPreview, "payloadPreview");
    }

    public boolean isAcceptable() {
        return violations.isEmpty();
    }
}
