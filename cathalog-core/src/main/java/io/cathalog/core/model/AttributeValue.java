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

    /**
     * The value as one line of text, as Bling's custom fields store it.
     *
     * @return e.g. {@code 128 GB}, {@code Preto, Azul} or {@code Sim}
     */
    String asText();

    /**
     * Free text.
     *
     * @param value the text; not blank, at most {@value #MAX_TEXT} characters
     * @return the value
     * @throws ValidationException if the text is blank or too long
     */
    static AttributeValue text(String value) {
        return new TextValue(value);
    }

    /**
     * A number without a unit.
     *
     * @param amount the number; trailing zeros are dropped
     * @return the value
     */
    static AttributeValue number(BigDecimal amount) {
        return new NumberValue(amount, Optional.empty());
    }

    /**
     * A number with its unit.
     *
     * @param amount the number; trailing zeros are dropped
     * @param unit   the unit as the marketplace writes it, e.g. {@code GB}; not blank
     * @return the value
     * @throws ValidationException if the unit is blank
     */
    static AttributeValue number(BigDecimal amount, String unit) {
        return new NumberValue(amount, Optional.of(unit));
    }

    /**
     * One option of a closed list.
     *
     * @param option the option's name; not blank
     * @return the value
     * @throws ValidationException if the option is blank
     */
    static AttributeValue choice(String option) {
        return new ChoiceValue(option);
    }

    /**
     * Several options of a closed list.
     *
     * @param options the options, in order; at least one, none blank, no repeats
     * @return the value
     * @throws ValidationException if the list is empty, or an option is blank or repeated
     */
    static AttributeValue choices(List<String> options) {
        return new MultiChoiceValue(options);
    }

    /**
     * Yes or no.
     *
     * @param value the answer
     * @return the value
     */
    static AttributeValue bool(boolean value) {
        return new BooleanValue(value);
    }

    /**
     * Free text.
     *
     * @param value the text; not blank, at most {@value #MAX_TEXT} characters
     */
    record TextValue(String value) implements AttributeValue {
        /**
         * @param value the text; not blank, at most {@value #MAX_TEXT} characters
         * @throws ValidationException if the text is blank or too long
         */
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

    /**
     * A number, with its unit where it has one ("10 W", "128 GB", "3").
     *
     * @param amount the number, without trailing zeros
     * @param unit   the unit as the marketplace writes it; empty for a bare number
     */
    record NumberValue(BigDecimal amount, Optional<String> unit) implements AttributeValue {
        /**
         * Drops the amount's trailing zeros, so {@code 10.0} and {@code 10} are one value.
         *
         * @param amount the number, without trailing zeros
         * @param unit   the unit as the marketplace writes it; empty for a bare number
         * @throws ValidationException if the unit is blank
         */
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

    /**
     * One option of a closed list. Options compare without regard to case and accents.
     *
     * @param option the option's name, as given
     */
    record ChoiceValue(String option) implements AttributeValue {
        /**
         * @param option the option's name, as given
         * @throws ValidationException if the option is blank
         */
        public ChoiceValue {
            Objects.requireNonNull(option, "option");
            if (option.isBlank()) {
                throw ValidationException.of("", "a choice must not be blank");
            }
        }

        /**
         * Whether {@code other} names the same option, ignoring case and accents.
         *
         * @param other an option's name, e.g. from a marketplace's list
         * @return true when both fold to the same text
         */
        public boolean matches(String other) {
            return Text.fold(option).equals(Text.fold(other));
        }

        @Override
        public String asText() {
            return option;
        }
    }

    /**
     * Several options of a closed list, in the order given, without repeats.
     *
     * @param options the options' names; at least one
     */
    record MultiChoiceValue(List<String> options) implements AttributeValue {
        /**
         * @param options the options' names; at least one
         * @throws ValidationException if the list is empty, or an option is blank or repeated
         *                             (ignoring case and accents)
         */
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

    /**
     * Yes or no; written {@code Sim} or {@code Não} in Bling.
     *
     * @param value the answer
     */
    record BooleanValue(boolean value) implements AttributeValue {
        @Override
        public String asText() {
            return value ? "Sim" : "Não";
        }
    }
}
