package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and exact conversion shared by {@link Length} and {@link Weight}. */
final class Units {
    // "10 cm", "100mm", "0,3 kg", "-1.5 m" is refused later (negative), "1.000,5 g" is not a number.
    private static final Pattern AMOUNT_UNIT = Pattern.compile("^\\s*([+-]?\\d+(?:[.,]\\d+)?)\\s*(\\S.*?)?\\s*$");

    private Units() {
    }

    static List<String> aliases(String symbol, String... more) {
        List<String> all = new ArrayList<>();
        all.add(symbol);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    static <U extends MeasureUnit> Optional<U> find(U[] units, String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        for (U unit : units) {
            if (unit.symbol().equals(symbol)) {
                return Optional.of(unit);
            }
        }
        String folded = Text.fold(symbol);
        for (U unit : units) {
            if (unit.aliases().contains(folded)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    record Parsed<U>(BigDecimal amount, U unit) {
    }

    static <U extends MeasureUnit> Parsed<U> parse(String text, U[] units, String what) {
        Objects.requireNonNull(text, "text");
        Matcher m = AMOUNT_UNIT.matcher(text);
        if (!m.matches() || m.group(2) == null) {
            throw ValidationException.of("", "cannot read '" + text + "' as a " + what
                    + ": expected a number and a unit, e.g. '10 " + units[0].symbol() + "'");
        }
        BigDecimal amount = new BigDecimal(m.group(1).replace(',', '.'));
        U unit = find(units, m.group(2)).orElseThrow(() -> ValidationException.of("",
                "unknown " + what + " unit '" + m.group(2) + "' in '" + text + "'; known: " + symbols(units)));
        return new Parsed<>(amount, unit);
    }

    /**
     * Converts exactly; throws {@link ArithmeticException} when the result has no finite decimal
     * form (e.g. 1 mm in inches), so that no conversion ever rounds silently.
     */
    static BigDecimal convert(BigDecimal amount, MeasureUnit from, MeasureUnit to) {
        if (from == to) {
            return amount;
        }
        BigDecimal base = amount.multiply(from.inBaseUnits());
        return strip(base.divide(to.inBaseUnits()));
    }

    static BigDecimal convert(BigDecimal amount, MeasureUnit from, MeasureUnit to, int scale, RoundingMode rounding) {
        BigDecimal base = amount.multiply(from.inBaseUnits());
        return base.divide(to.inBaseUnits(), scale, rounding);
    }

    static BigDecimal strip(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static void checkAmount(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw ValidationException.of("", "a measure cannot be negative: " + amount.toPlainString());
        }
    }

    private static String symbols(MeasureUnit[] units) {
        List<String> s = new ArrayList<>();
        for (MeasureUnit u : units) {
            s.add(u.symbol());
        }
        return String.join(", ", s);
    }
}
