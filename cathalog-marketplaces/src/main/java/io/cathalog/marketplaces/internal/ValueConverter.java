package io.cathalog.marketplaces.internal;

import io.cathalog.core.marketplace.AllowedValue;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.UnitConverter;
import io.cathalog.core.marketplace.ValueMatcher;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.model.AttributeValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks and converts one value against an attribute's requirement. Never throws for bad data: a
 * value that does not fit is {@link Rejected} with the reason.
 */
public final class ValueConverter {
    private static final Set<String> YES = Set.of("sim", "s", "yes", "y", "true", "si", "1");
    private static final Set<String> NO = Set.of("nao", "n", "no", "false", "0");
    private static final int LISTED = 8;

    private ValueConverter() {
    }

    /** One value as the marketplace takes it: a value id, or a custom name (with its unit). */
    public record Entry(Optional<String> valueId, String name, Optional<String> unit) {
        public Entry {
            Objects.requireNonNull(valueId, "valueId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
        }

        static Entry listed(AllowedValue v) {
            return new Entry(Optional.of(v.id()), v.name(), v.unit());
        }

        static Entry custom(String name) {
            return new Entry(Optional.empty(), name, Optional.empty());
        }
    }

    /** The outcome of a conversion. */
    public sealed interface Result permits Converted, Rejected {
    }

    /** The value fits: typed, as entries for the payload, and as the marketplace's text. */
    public record Converted(AttributeValue value, List<Entry> entries, String text) implements Result {
        public Converted {
            entries = List.copyOf(entries);
        }

        public List<String> valueIds() {
            return entries.stream().flatMap(e -> e.valueId().stream()).toList();
        }
    }

    /** The value does not fit. */
    public record Rejected(Violation.Code code, String message) implements Result {
    }

    /**
     * Converts {@code given} for {@code attribute}.
     *
     * @param preferredUnit for numbers with units: the unit to convert to when the given one is not
     *                      allowed (before the attribute's default unit)
     */
    public static Result convert(AttributeRequirement attribute, AttributeValue given, ValueMatcher matcher,
                                 Optional<String> preferredUnit) {
        return convertAs(attribute.type(), attribute, given, matcher, preferredUnit);
    }

    private static Result convertAs(ValueType type, AttributeRequirement a, AttributeValue given, ValueMatcher matcher,
                                    Optional<String> preferredUnit) {
        return switch (type) {
            case TEXT -> text(a, given, matcher);
            case INTEGER, NUMBER -> number(a, given, type == ValueType.INTEGER);
            case NUMBER_WITH_UNIT -> numberWithUnit(a, given, preferredUnit);
            case BOOLEAN -> bool(a, given, matcher);
            case CHOICE -> choice(a, given, matcher, preferredUnit);
            case MULTI_CHOICE -> multiChoice(a, given, matcher, preferredUnit);
            case DATE -> date(a, given);
            case UNKNOWN -> new Converted(given, List.of(Entry.custom(given.asText())), given.asText());
        };
    }

    private static Result text(AttributeRequirement a, AttributeValue given, ValueMatcher matcher) {
        String text = given.asText().strip();
        Optional<AllowedValue> listed = find(a, text, matcher);
        if (listed.isPresent()) {
            return new Converted(AttributeValue.text(listed.get().name()), List.of(Entry.listed(listed.get())),
                    listed.get().name());
        }
        Optional<Rejected> tooLong = checkLength(a, text);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        return new Converted(AttributeValue.text(text), List.of(Entry.custom(text)), text);
    }

    private static Result number(AttributeRequirement a, AttributeValue given, boolean whole) {
        BigDecimal amount;
        if (given instanceof AttributeValue.NumberValue n) {
            if (n.unit().isPresent()) {
                return new Rejected(Violation.Code.INVALID_UNIT, a.name() + " takes a number without a unit, got '"
                        + given.asText() + "'");
            }
            amount = n.amount();
        } else if (given instanceof AttributeValue.TextValue || given instanceof AttributeValue.ChoiceValue) {
            Optional<UnitConverter.Quantity> q = UnitConverter.parse(given.asText());
            if (q.isEmpty() || q.get().unit().isPresent()) {
                return new Rejected(Violation.Code.INVALID_VALUE, a.name() + " takes a number, got '" + given.asText() + "'");
            }
            amount = q.get().amount();
        } else {
            return new Rejected(Violation.Code.INVALID_VALUE, a.name() + " takes a number, got '" + given.asText() + "'");
        }
        BigDecimal stripped = new AttributeValue.NumberValue(amount, Optional.empty()).amount();
        if (whole && stripped.scale() > 0) {
            return new Rejected(Violation.Code.INVALID_VALUE, a.name() + " takes a whole number, got "
                    + stripped.toPlainString());
        }
        String text = stripped.toPlainString();
        Optional<Rejected> tooLong = checkLength(a, text);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        return new Converted(AttributeValue.number(stripped), List.of(Entry.custom(text)), text);
    }

    private static Result numberWithUnit(AttributeRequirement a, AttributeValue given, Optional<String> preferredUnit) {
        BigDecimal amount;
        Optional<String> unit;
        if (given instanceof AttributeValue.NumberValue n) {
            amount = n.amount();
            unit = n.unit();
        } else if (given instanceof AttributeValue.TextValue || given instanceof AttributeValue.ChoiceValue) {
            Optional<UnitConverter.Quantity> q = UnitConverter.parse(given.asText());
            if (q.isEmpty()) {
                return new Rejected(Violation.Code.INVALID_VALUE, a.name() + " takes a number with a unit, got '"
                        + given.asText() + "'");
            }
            amount = q.get().amount();
            unit = q.get().unit();
        } else {
            return new Rejected(Violation.Code.INVALID_VALUE, a.name() + " takes a number with a unit, got '"
                    + given.asText() + "'");
        }
        if (unit.isEmpty()) {
            // The marketplace drops unit-less values silently: never guess the unit.
            return new Rejected(Violation.Code.INVALID_UNIT, a.name() + " needs a unit" + unitsHint(a) + ", got '"
                    + given.asText() + "'");
        }
        Optional<UnitConverter.Quantity> q = UnitConverter.toAllowed(amount, unit.get(), a.allowedUnits(),
                preferredUnit.or(a::defaultUnit));
        if (q.isEmpty()) {
            return new Rejected(Violation.Code.INVALID_UNIT, a.name() + ": cannot express '" + given.asText()
                    + "' exactly in an allowed unit" + unitsHint(a));
        }
        String text = q.get().text();
        Optional<Rejected> tooLong = checkLength(a, text);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        return new Converted(AttributeValue.number(q.get().amount(), q.get().unit().orElseThrow()),
                List.of(new Entry(Optional.empty(), q.get().amount().toPlainString(), q.get().unit())), text);
    }

    private static Result bool(AttributeRequirement a, AttributeValue given, ValueMatcher matcher) {
        Boolean value = null;
        if (given instanceof AttributeValue.BooleanValue b) {
            value = b.value();
        } else if (given instanceof AttributeValue.TextValue || given instanceof AttributeValue.ChoiceValue) {
            String folded = ValueMatcher.fold(given.asText());
            if (YES.contains(folded)) {
                value = true;
            } else if (NO.contains(folded)) {
                value = false;
            } else {
                Optional<AllowedValue> listed = find(a, given.asText(), matcher);
                if (listed.isPresent()) {
                    return new Converted(AttributeValue.choice(listed.get().name()), List.of(Entry.listed(listed.get())),
                            listed.get().name());
                }
            }
        }
        if (value == null) {
            return new Rejected(Violation.Code.INVALID_VALUE, a.name() + " takes yes or no, got '" + given.asText() + "'");
        }
        boolean yes = value;
        Set<String> words = yes ? YES : NO;
        Optional<AllowedValue> listed = a.allowedValues().stream()
                .filter(v -> words.contains(ValueMatcher.fold(v.name()))).findFirst();
        String name = listed.map(AllowedValue::name).orElse(yes ? "Sim" : "Não");
        Entry entry = listed.map(Entry::listed).orElse(Entry.custom(name));
        return new Converted(AttributeValue.bool(yes), List.of(entry), name);
    }

    private static Result choice(AttributeRequirement a, AttributeValue given, ValueMatcher matcher,
                                 Optional<String> preferredUnit) {
        String option;
        if (given instanceof AttributeValue.MultiChoiceValue m) {
            if (m.options().size() > 1) {
                return new Rejected(Violation.Code.TOO_MANY_VALUES, a.name() + " takes one value, got "
                        + m.options().size() + ": " + given.asText());
            }
            option = m.options().get(0);
        } else {
            option = given.asText();
        }
        Optional<AllowedValue> listed = find(a, option, matcher);
        if (listed.isPresent()) {
            return new Converted(AttributeValue.choice(listed.get().name()), List.of(Entry.listed(listed.get())),
                    listed.get().name());
        }
        if (a.customValueType().isPresent() && a.customValueType().get() != ValueType.CHOICE
                && a.customValueType().get() != ValueType.MULTI_CHOICE) {
            AttributeValue single = given instanceof AttributeValue.MultiChoiceValue ? AttributeValue.text(option) : given;
            return convertAs(a.customValueType().get(), a, single, matcher, preferredUnit);
        }
        return new Rejected(Violation.Code.UNKNOWN_VALUE, a.name() + ": '" + option + "' is not one of " + listed(a));
    }

    private static Result multiChoice(AttributeRequirement a, AttributeValue given, ValueMatcher matcher,
                                      Optional<String> preferredUnit) {
        List<String> options = given instanceof AttributeValue.MultiChoiceValue m ? m.options() : List.of(given.asText());
        if (a.maxValueCount().isPresent() && options.size() > a.maxValueCount().getAsInt()) {
            return new Rejected(Violation.Code.TOO_MANY_VALUES, a.name() + " takes at most "
                    + a.maxValueCount().getAsInt() + " values, got " + options.size() + ": " + String.join(", ", options));
        }
        List<Entry> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String option : options) {
            Result one = choice(a, AttributeValue.choice(option), matcher, preferredUnit);
            if (one instanceof Rejected r) {
                return r;
            }
            Converted c = (Converted) one;
            entries.addAll(c.entries());
            names.add(c.text());
        }
        return new Converted(AttributeValue.choices(names), entries, String.join(", ", names));
    }

    private static Result date(AttributeRequirement a, AttributeValue given) {
        String format = a.dateFormat().orElse("DD/MM/YYYY");
        String text = given.asText().strip();
        boolean monthOnly = format.equals("MM/YYYY");
        try {
            String formatted;
            if (monthOnly) {
                YearMonth ym = text.matches("\\d{4}-\\d{2}(-\\d{2})?")
                        ? YearMonth.parse(text.substring(0, 7))
                        : YearMonth.parse(text, strict("MM/uuuu"));
                formatted = ym.format(strict("MM/uuuu"));
            } else {
                LocalDate d = text.matches("\\d{4}-\\d{2}-\\d{2}")
                        ? LocalDate.parse(text)
                        : LocalDate.parse(text, strict("dd/MM/uuuu"));
                formatted = d.format(strict("dd/MM/uuuu"));
            }
            return new Converted(AttributeValue.text(formatted), List.of(Entry.custom(formatted)), formatted);
        } catch (DateTimeParseException e) {
            return new Rejected(Violation.Code.INVALID_VALUE, a.name() + " takes a date as " + format + ", got '"
                    + text + "'");
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The listed value named (ignoring case, accents, synonyms) or identified by {@code given}. */
    public static Optional<AllowedValue> find(AttributeRequirement a, String given, ValueMatcher matcher) {
        Optional<AllowedValue> byName = matcher.find(given, a.allowedValues(), AllowedValue::name);
        return byName.isPresent() ? byName : a.valueById(given.strip());
    }

    private static Optional<Rejected> checkLength(AttributeRequirement a, String text) {
        if (a.maxLength().isPresent() && text.length() > a.maxLength().getAsInt()) {
            return Optional.of(new Rejected(Violation.Code.TOO_LONG, a.name() + " takes at most "
                    + a.maxLength().getAsInt() + " characters, got " + text.length()));
        }
        return Optional.empty();
    }

    private static String unitsHint(AttributeRequirement a) {
        if (a.allowedUnits().isEmpty()) {
            return a.defaultUnit().map(u -> " (" + u + ")").orElse("");
        }
        return " (one of " + String.join(", ", a.allowedUnits()) + ")";
    }

    private static String listed(AttributeRequirement a) {
        String shown = a.allowedValues().stream().limit(LISTED).map(AllowedValue::name).collect(Collectors.joining(", "));
        int more = a.allowedValues().size() - LISTED;
        return "[" + shown + (more > 0 ? ", … " + more + " more" : "") + "]";
    }
}
