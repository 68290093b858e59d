package io.cathalog.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative weight with its unit. Conversions are exact ({@link BigDecimal}); two weights
 * are {@linkplain #isSameAs(Weight) the same} when they weigh the same, whatever their units,
 * while {@link #equals(Object)} compares amount and unit as written.
 */
public record Weight(BigDecimal amount, WeightUnit unit) implements Comparable<Weight> {

    public Weight {
        Units.checkAmount(amount);
        Objects.requireNonNull(unit, "unit");
        amount = Units.strip(amount);
    }

    public static Weight of(String amount, WeightUnit unit) {
        return new Weight(new BigDecimal(amount), unit);
    }

    public static Weight of(BigDecimal amount, WeightUnit unit) {
        return new Weight(amount, unit);
    }

    /** Reads "300 g", "0,3 kg", "1.25kg" (comma or point decimals, any known alias). */
    public static Weight parse(String text) {
        Units.Parsed<WeightUnit> p = Units.parse(text, WeightUnit.values(), "weight");
        return new Weight(p.amount(), p.unit());
    }

    /** This weight in {@code target}, exactly (grams and kilograms always convert exactly). */
    public Weight to(WeightUnit target) {
        return new Weight(Units.convert(amount, unit, target), target);
    }

    public Weight to(WeightUnit target, int scale, RoundingMode rounding) {
        return new Weight(Units.convert(amount, unit, target, scale, rounding), target);
    }

    public BigDecimal grams() {
        return Units.strip(amount.multiply(unit.inBaseUnits()));
    }

    public boolean isSameAs(Weight other) {
        return compareTo(other) == 0;
    }

    @Override
    public int compareTo(Weight other) {
        return grams().compareTo(other.grams());
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + unit.symbol();
    }
}
