package io.cathalog.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative length with its unit. Conversions are exact ({@link BigDecimal}); two lengths
 * are {@linkplain #isSameAs(Length) the same} when they measure the same, whatever their units,
 * while {@link #equals(Object)} compares amount and unit as written.
 */
public record Length(BigDecimal amount, LengthUnit unit) implements Comparable<Length> {

    public Length {
        Units.checkAmount(amount);
        Objects.requireNonNull(unit, "unit");
        amount = Units.strip(amount);
    }

    public static Length of(String amount, LengthUnit unit) {
        return new Length(new BigDecimal(amount), unit);
    }

    public static Length of(BigDecimal amount, LengthUnit unit) {
        return new Length(amount, unit);
    }

    /** Reads "10 cm", "100mm", "0,3 m", "2 pol" (comma or point decimals, any known alias). */
    public static Length parse(String text) {
        Units.Parsed<LengthUnit> p = Units.parse(text, LengthUnit.values(), "length");
        return new Length(p.amount(), p.unit());
    }

    /** This length in {@code target}, exactly; {@link ArithmeticException} if that needs rounding. */
    public Length to(LengthUnit target) {
        return new Length(Units.convert(amount, unit, target), target);
    }

    /** This length in {@code target}, rounded to {@code scale} decimals as asked. */
    public Length to(LengthUnit target, int scale, RoundingMode rounding) {
        return new Length(Units.convert(amount, unit, target, scale, rounding), target);
    }

    public BigDecimal millimetres() {
        return Units.strip(amount.multiply(unit.inBaseUnits()));
    }

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
