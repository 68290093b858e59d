package io.cathalog.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative length with its unit. Conversions are exact ({@link BigDecimal}); two lengths
 * are {@linkplain #isSameAs(Length) the same} when they measure the same, whatever their units,
 * while {@link #equals(Object)} compares amount and unit as written.
 *
 * @param amount the amount, without trailing zeros; not negative
 * @param unit   its unit
 */
public record Length(BigDecimal amount, LengthUnit unit) implements Comparable<Length> {

    /**
     * Drops the amount's trailing zeros.
     *
     * @param amount the amount, without trailing zeros; not negative
     * @param unit   its unit
     * @throws io.cathalog.core.ValidationException if the amount is negative
     */
    public Length {
        Units.checkAmount(amount);
        Objects.requireNonNull(unit, "unit");
        amount = Units.strip(amount);
    }

    /**
     * A length from a decimal written with a point.
     *
     * @param amount the amount, e.g. {@code "10.5"}
     * @param unit   its unit
     * @return the length
     * @throws NumberFormatException                if {@code amount} is not a decimal
     * @throws io.cathalog.core.ValidationException if the amount is negative
     */
    public static Length of(String amount, LengthUnit unit) {
        return new Length(new BigDecimal(amount), unit);
    }

    /**
     * A length.
     *
     * @param amount the amount
     * @param unit   its unit
     * @return the length
     * @throws io.cathalog.core.ValidationException if the amount is negative
     */
    public static Length of(BigDecimal amount, LengthUnit unit) {
        return new Length(amount, unit);
    }

    /**
     * Reads a length as people write it.
     *
     * @param text e.g. "10 cm", "100mm", "0,3 m", "2 pol" (comma or point decimals, any known alias)
     * @return the length, in the unit written
     * @throws io.cathalog.core.ValidationException if the text is not an amount and a known length unit
     */
    public static Length parse(String text) {
        Units.Parsed<LengthUnit> p = Units.parse(text, LengthUnit.values(), "length");
        return new Length(p.amount(), p.unit());
    }

    /**
     * This length in another unit, exactly.
     *
     * @param target the unit to convert to
     * @return the same length in {@code target}
     * @throws ArithmeticException if the result needs rounding (inches to millimetres never does)
     */
    public Length to(LengthUnit target) {
        return new Length(Units.convert(amount, unit, target), target);
    }

    /**
     * This length in another unit, rounded as asked.
     *
     * @param target   the unit to convert to
     * @param scale    the decimals to keep
     * @param rounding how to round the dropped decimals
     * @return the length in {@code target}
     */
    public Length to(LengthUnit target, int scale, RoundingMode rounding) {
        return new Length(Units.convert(amount, unit, target, scale, rounding), target);
    }

    /**
     * The length in the base unit, for comparing.
     *
     * @return the length in millimetres, exactly
     */
    public BigDecimal millimetres() {
        return Units.strip(amount.multiply(unit.inBaseUnits()));
    }

    /**
     * Whether two lengths measure the same, whatever their units.
     *
     * @param other the other length
     * @return true when both are the same number of millimetres
     */
    public boolean isSameAs(Length other) {
        return compareTo(other) == 0;
    }

    @Override
    public int compareTo(Length other) {
        return millimetres().compareTo(other.millimetres());
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit.symbol();
    }
}
