package io.cathalog.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Units of weight (mass), sized exactly in grams. */
public enum WeightUnit implements MeasureUnit {
    /** Gram, {@code g}: the base unit. */
    GRAM("g", "1", "gr", "grama", "gramas", "gram", "grams"),
    /** Kilogram, {@code kg}: Bling's unit for a product's weights. */
    KILOGRAM("kg", "1000", "kilo", "kilos", "quilo", "quilos", "quilograma", "quilogramas", "kilogram", "kilograms");

    private final String symbol;
    private final BigDecimal grams;
    private final List<String> aliases;

    WeightUnit(String symbol, String grams, String... more) {
        this.symbol = symbol;
        this.grams = new BigDecimal(grams);
        this.aliases = Units.aliases(symbol, more);
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public BigDecimal inBaseUnits() {
        return grams;
    }

    /**
     * The unit with this symbol or alias, ignoring case and accents.
     *
     * @param symbol e.g. {@code kg}, {@code quilos}, {@code gr}
     * @return the unit; empty when no weight unit is called so
     */
    public static Optional<WeightUnit> fromSymbol(String symbol) {
        return Units.find(values(), symbol);
    }
}
