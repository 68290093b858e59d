package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Text;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed attribute value: text, a number with an optional unit, one choice out of a list,
 * several choices, or a yes/no. Marketplace rules check and convert these; Bling stores them as
 * custom-field text ({@link #asText()}).
 */
public sealed interface AttributeValue {

    /** Longest text value accepted; marketplaces cap far lower, and say so per attribute. */
    int MAX_TEXT = 4000;

    /** The value as one line of text, as Bling's custom fields store it. */
    String asText();

    static AttributeValue text(String value) {
        return new TextValue(value);
    }

    static AttributeValue number(BigDecimal amount) {
        return new NumberValue(amount, Optional.empty());
    }

    static AttributeValue number(BigDecimal amount, String unit) {
        return new NumberValue(amount, Optional.of(unit));
    }

    static AttributeValue choice(String option) {
        return new ChoiceValue(option);
    }

    static AttributeValue choices(List<String> options) {
        return new MultiChoiceValue(options);
    }

    static AttributeValue bool(boolean value) {
        return new BooleanValue(value);
    }

    /** Free text. */
    record TextValue(String value) implements AttributeValue {
        public TextValue {
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) {
                throw ValidationException.of("", "a text value must not be blank");
            }
            if (value.length() > MAX_TEXT) {
                throw ValidationException.of("", "a text value is at most " + MAX_TEXT + " characters");
            }
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /** A number, with its unit where it has one ("10 W", "128 GB", "3"). */
    record NumberValue(BigDecimal amount, Optional<String> unit) implements AttributeValue {
        public NumberValue {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(unit, "unit");
            BigDecimal s = amount.stripTrailingZeros();
            amount = s.scale() < 0 ? s.setScale(0) : s;
            if (unit.isPresent() && unit.get().isBlank()) {
                throw ValidationException.of("/unit", "a unit must not be blank; leave it out instead");
            }
        }

        @Override
        public String asText() {
            return amount.toPlainString() + unit.map(u -> " " + u).orElse("");
        }
    }

    /** One option of a closed list. Options compare without regard to case and accents. */
    record ChoiceValue(String option) implements AttributeValue {
        public ChoiceValue {
            Objects.requireNonNull(option, "option");
            if (option.isBlank()) {
                throw ValidationException.of("", "a choice must not be blank");
            }
        }

        /** Whether {@code other} names the same option, ignoring case and accents. */
        public boolean matches(String other) {
            return Text.fold(option).equals(Text.fold(other));
        }

        @Override
        public String asText() {
            return option;
        }
    }

    /** Several options of a closed list, in the order given, without repeats. */
    record MultiChoiceValue(List<String> options) implements AttributeValue {
        public MultiChoiceValue {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw ValidationException.of("", "a multiple choice needs at least one option");
            }
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                if (option.isBlank()) {
                    throw ValidationException.of("/" + i, "a choice must not be blank");
                }
                if (!seen.add(Text.fold(option))) {
                    throw ValidationException.of("/" + i, "option '" + option + "' is given twice");
                }
            }
        }

        @Override
        public String asText() {
            return String.join(", ", options);
        }
    }

    /** Yes or no. */
    record BooleanValue(boolean value) implements AttributeValue {
        @Override
        public String asText() {
            return value ? "Sim" : "Não";
        }
    }
}
