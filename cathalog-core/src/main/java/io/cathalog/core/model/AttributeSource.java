package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Checks;
import io.cathalog.core.internal.Pointers;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Where an attribute rule takes its value from. */
public sealed interface AttributeSource {

    /**
     * Fills the attribute when the product has no value for it.
     *
     * @param value the value given to products that have none
     */
    record Default(AttributeValue value) implements AttributeSource {
        /**
         * @param value the value given to products that have none
         * @throws NullPointerException if {@code value} is null
         */
        public Default {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Sets the attribute always, replacing any value the product has.
     *
     * @param value the value every product of the rule gets
     */
    record Constant(AttributeValue value) implements AttributeSource {
        /**
         * @param value the value every product of the rule gets
         * @throws NullPointerException if {@code value} is null
         */
        public Constant {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Derives the value from the product name: the first match of {@code pattern} in the name
     * folded to lower case without accents, its group {@code value} (or group 1) read as
     * {@code kind}, with {@code unit} for numbers — or, when {@code value} is given, that value
     * whenever the pattern matches ("names saying 'motorola' have brand 'Motorola'"). Fills only
     * when the product has no value.
     *
     * @param pattern a regular expression over the folded name; with a capturing group unless
     *                {@code value} is given
     * @param kind    how the captured text is read
     * @param unit    the unit of a number read, e.g. {@code GB}; only for {@link ValueKind#NUMBER}
     * @param value   a fixed value to give when the pattern matches, instead of the captured text
     */
    record FromName(String pattern, ValueKind kind, Optional<String> unit, Optional<String> value)
            implements AttributeSource {
        /**
         * @param pattern a regular expression over the folded name; with a capturing group unless
         *                {@code value} is given
         * @param kind    how the captured text is read
         * @param unit    the unit of a number read, e.g. {@code GB}; only for {@link ValueKind#NUMBER}
         * @param value   a fixed value to give when the pattern matches, instead of the captured text
         * @throws ValidationException if the pattern does not compile or lacks the group it needs, a
         *                             unit is given for a kind other than a number, or {@code value}
         *                             is blank
         */
        public FromName {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(value, "value");
            Pattern compiled;
            try {
                compiled = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw ValidationException.of("/from_name/pattern", "invalid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex() + " of '" + pattern + "'");
            }
            if (value.isEmpty() && compiled.matcher("").groupCount() < 1) {
                throw ValidationException.of("/from_name/pattern",
                        "the pattern needs a capturing group for the value, e.g. '(\\d+)\\s*gb'");
            }
            if (unit.isPresent() && kind != ValueKind.NUMBER) {
                throw ValidationException.of("/from_name/unit", "only a number takes a unit");
            }
            if (value.isPresent() && value.get().isBlank()) {
                throw ValidationException.of("/from_name/value", "a value must not be blank");
            }
        }

        /**
         * A source that reads the value from the pattern's capturing group.
         *
         * @param pattern a regular expression over the folded name, with a capturing group
         * @param kind    how the captured text is read
         * @param unit    the unit of a number read; only for {@link ValueKind#NUMBER}
         * @throws ValidationException as the canonical constructor
         */
        public FromName(String pattern, ValueKind kind, Optional<String> unit) {
            this(pattern, kind, unit, Optional.empty());
        }
    }

    /**
     * A value per product, by SKU: hand-made exceptions that beat every other rule.
     *
     * @param bySku the value of each product, by SKU; at least one; kept sorted by SKU
     */
    record Overrides(Map<String, AttributeValue> bySku) implements AttributeSource {
        /**
         * @param bySku the value of each product, by SKU; at least one; kept sorted by SKU
         * @throws ValidationException if the map is empty or a SKU is invalid
         */
        public Overrides {
            TreeMap<String, AttributeValue> copy = new TreeMap<>();
            for (Map.Entry<String, AttributeValue> e : Objects.requireNonNull(bySku, "bySku").entrySet()) {
                try {
                    Checks.text("sku", e.getKey(), Product.MAX_SKU_LENGTH);
                } catch (ValidationException invalid) {
                    throw ValidationException.of(Pointers.child("/overrides", e.getKey()),
                            invalid.problems().get(0).message());
                }
                copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), "value for " + e.getKey()));
            }
            if (copy.isEmpty()) {
                throw ValidationException.of("/overrides", "overrides need at least one SKU");
            }
            bySku = Collections.unmodifiableSortedMap(copy);
        }
    }

    /** How a value taken from text is read. */
    enum ValueKind {
        /** Read as free text ({@link AttributeValue.TextValue}). */
        TEXT,
        /** Read as a number, with the source's unit ({@link AttributeValue.NumberValue}). */
        NUMBER,
        /** Read as one option of a closed list ({@link AttributeValue.ChoiceValue}). */
        CHOICE
    }
}
