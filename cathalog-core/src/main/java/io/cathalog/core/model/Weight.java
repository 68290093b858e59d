package io.cathalog.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative weight with its unit. Conversions are exact ({@link BigDecimal}); two weights
 * are {@linkplain #isSameAs(Weight) the same} when they weigh the same, whatever their units,
 * while {@link #equals(Object)} compares amount and unit as written.
 *
 * @param amount the amount, without trailing zeros; not negative
 * @param unit   its unit
 */
public record Weight(BigDecimal amount, WeightUnit unit) implements Comparable<Weight> {

    /**
     * Drops the amount's trailing zeros.
     *
     * @param amount the amount, without trailing zeros; not negative
     * @param unit   its unit
     * @throws io.cathalog.core.ValidationException if the amount is negative
     */
    public Weight {
        Units.checkAmount(amount);
        Objects.requireNonNull(unit, "unit");
        amount = Units.strip(amount);
    }

    /**
     * A weight from a decimal written with a point.
     *
     * @param amount the amount, e.g. {@code "0.3"}
     * @param unit   its unit
     * @return the weight
     * @throws NumberFormatException                if {@code amount} is not a decimal
     * @throws io.cathalog.core.ValidationException if the amount is negative
     */
    public static Weight of(String amount, WeightUnit unit) {
        return new Weight(new BigDecimal(amount), unit);
    }

    /**
     * A weight.
     *
     * @param amount the amount
     * @param unit   its unit
     * @return the weight
     * @throws io.cathalog.core.ValidationException if the amount is negative
     */
    public static Weight of(BigDecimal amount, WeightUnit unit) {
        return new Weight(amount, unit);
    }

    /**
     * Reads a weight as people write it.
     *
     * @param text e.g. "300 g", "0,3 kg", "1.25kg" (comma or point decimals, any known alias)
     * @return the weight, in the unit written
     * @throws io.cathalog.core.ValidationException if the text is not an amount and a known weight unit
     */
    public static Weight parse(String text) {
        Units.Parsed<WeightUnit> p = Units.parse(text, WeightUnit.values(), "weight");
        return new Weight(p.amount(), p.unit());
    }

    /**
     * This weight in another unit, exactly (grams and kilograms always convert exactly).
     *
     * @param target the unit to convert to
     * @return the same weight in {@code target}
     */
    public Weight to(WeightUnit target) {
        return new Weight(Units.convert(amount, unit, target), target);
    }

    /**
     * This weight in another unit, rounded as asked.
     *
     * @param target   the unit to convert to
     * @param scale    the decimals to keep
     * @param rounding how to round the dropped decimals
     * @return the weight in {@code target}
     */
    public Weight to(WeightUnit target, int scale, RoundingMode rounding) {
        return new Weight(Units.convert(amount, unit, target, scale, rounding), target);
    }

    /**
     * The weight in the base unit, for comparing.
     *
     * @return the weight in grams, exactly
     */
    public BigDecimal grams() {
        return Units.strip(amount.multiply(unit.inBaseUnits()));
    }

    /**
     * Whether two weights weigh the same, whatever their units.
     *
     * @param other the other weight
     * @return true when both are the same number of grams
     */
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
