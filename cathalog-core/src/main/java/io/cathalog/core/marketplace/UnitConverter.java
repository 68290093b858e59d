package io.cathalog.core.marketplace;

import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads "number unit" text ("10 cm", "100mm", "0,3 kg", "128 GB") and converts a quantity, exactly,
 * to one of the units a marketplace attribute allows. Lengths and weights convert between their
 * units; any other unit (GB, W, mAh) must match an allowed one by name. Nothing is rounded here:
 * a conversion that would need rounding is not offered.
 */
public final class UnitConverter {
    // Comma or point decimals; no thousands separators ("1.000,5 g" is refused rather than misread).
    private static final Pattern AMOUNT_UNIT = Pattern.compile("^\\s*([+-]?\\d+(?:[.,]\\d+)?)\\s*([^\\d\\s.,+-].*?)?\\s*$");

    private UnitConverter() {
    }

    /**
     * A number and the unit written with it, if any.
     *
     * @param amount the number, without trailing zeros
     * @param unit   the unit as written; empty for a bare number
     */
    public record Quantity(BigDecimal amount, Optional<String> unit) {
        /**
         * Drops the amount's trailing zeros.
         *
         * @param amount the number, without trailing zeros
         * @param unit   the unit as written; empty for a bare number
         * @throws NullPointerException if a component is null
         */
        public Quantity {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(unit, "unit");
            BigDecimal s = amount.stripTrailingZeros();
            amount = s.scale() < 0 ? s.setScale(0) : s;
        }

        /**
         * The quantity as a marketplace's text.
         *
         * @return e.g. "20 cm", "3"
         */
        public String text() {
            return amount.toPlainString() + unit.map(u -> " " + u).orElse("");
        }
    }

    /**
     * Reads a number and its unit.
     *
     * @param text e.g. "10 cm", "100mm", "0,3 kg", "3" (comma or point decimals, no thousands separator)
     * @return the quantity; empty when the text is not a number (with a unit)
     */
    public static Optional<Quantity> parse(String text) {
        Matcher m = AMOUNT_UNIT.matcher(Objects.requireNonNull(text, "text"));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Quantity(new BigDecimal(m.group(1).replace(',', '.')),
                Optional.ofNullable(m.group(2))));
    }

    /**
     * Converts {@code amount unit} to an allowed unit: the given unit itself when it is allowed
     * (spelled as the marketplace spells it), else the preferred unit, else the first allowed unit
     * it converts to exactly. With no allowed units at all, the quantity is kept as given.
     *
     * @param amount        the number
     * @param unit          its unit as written
     * @param allowedUnits  the units the attribute allows, as the marketplace spells them
     * @param preferredUnit the marketplace's default unit for the attribute, if it names one
     * @return the quantity in an allowed unit; empty when no allowed unit fits, or none converts exactly
     */
    public static Optional<Quantity> toAllowed(BigDecimal amount, String unit, List<String> allowedUnits,
                                               Optional<String> preferredUnit) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        List<String> candidates = new ArrayList<>();
        preferredUnit.ifPresent(candidates::add);
        for (String allowed : allowedUnits) {
            if (!candidates.contains(allowed)) {
                candidates.add(allowed);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.of(new Quantity(amount, Optional.of(unit)));
        }
        // The unit as given, when allowed: no conversion, only the marketplace's spelling.
        for (String candidate : allowedUnits.isEmpty() ? candidates : allowedUnits) {
            if (sameUnit(unit, candidate)) {
                return Optional.of(new Quantity(amount, Optional.of(candidate)));
            }
        }
        for (String candidate : candidates) {
            Optional<BigDecimal> converted = convert(amount, unit, candidate);
            if (converted.isPresent()) {
                return Optional.of(new Quantity(converted.get(), Optional.of(candidate)));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether two unit spellings name the same unit ("cm" and "centimetros", "GB" and "gb").
     *
     * @param a a unit as written
     * @param b another unit as written
     * @return true when both are aliases of one length or weight unit, or equal ignoring case and accents
     */
    public static boolean sameUnit(String a, String b) {
        if (ValueMatcher.fold(a).equals(ValueMatcher.fold(b))) {
            return true;
        }
        Optional<LengthUnit> la = LengthUnit.fromSymbol(a);
        if (la.isPresent()) {
            return la.equals(LengthUnit.fromSymbol(b));
        }
        Optional<WeightUnit> wa = WeightUnit.fromSymbol(a);
        return wa.isPresent() && wa.equals(WeightUnit.fromSymbol(b));
    }

    /**
     * Converts an amount between two units, exactly.
     *
     * @param amount the number
     * @param from   its unit as written
     * @param to     the unit wanted, as written
     * @return {@code amount from} in {@code to}; empty when the units differ in kind, are unknown,
     *         or rounding would be needed
     */
    public static Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
        try {
            Optional<LengthUnit> lf = LengthUnit.fromSymbol(from);
            Optional<LengthUnit> lt = LengthUnit.fromSymbol(to);
            if (lf.isPresent() && lt.isPresent()) {
                return Optional.of(Length.of(amount.abs(), lf.get()).to(lt.get()).amount().multiply(
                        BigDecimal.valueOf(amount.signum() < 0 ? -1 : 1)));
            }
            Optional<WeightUnit> wf = WeightUnit.fromSymbol(from);
            Optional<WeightUnit> wt = WeightUnit.fromSymbol(to);
            if (wf.isPresent() && wt.isPresent()) {
                return Optional.of(Weight.of(amount.abs(), wf.get()).to(wt.get()).amount().multiply(
                        BigDecimal.valueOf(amount.signum() < 0 ? -1 : 1)));
            }
            if (ValueMatcher.fold(from).equals(ValueMatcher.fold(to))) {
                return Optional.of(amount);
            }
            return Optional.empty();
        } catch (ArithmeticException inexact) {
            return Optional.empty();
        }
    }
}
