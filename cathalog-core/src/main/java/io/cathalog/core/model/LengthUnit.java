package io.cathalog.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Units of length, sized exactly in millimetres. */
public enum LengthUnit implements MeasureUnit {
    /** Millimetre, {@code mm}: the base unit. */
    MILLIMETRE("mm", "1", "milimetro", "milimetros", "millimeter", "millimeters"),
    /** Centimetre, {@code cm}: Bling's unit for a product's dimensions. */
    CENTIMETRE("cm", "10", "centimetro", "centimetros", "centimeter", "centimeters"),
    /** Metre, {@code m}. */
    METRE("m", "1000", "metro", "metros", "meter", "meters"),
    /** Inch, {@code in} (also {@code pol}, {@code "}): exactly 25.4 mm. */
    INCH("in", "25.4", "\"", "pol", "polegada", "polegadas", "inch", "inches");

    private final String symbol;
    private final BigDecimal millimetres;
    private final List<String> aliases;

    LengthUnit(String symbol, String millimetres, String... more) {
        this.symbol = symbol;
        this.millimetres = new BigDecimal(millimetres);
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
        return millimetres;
    }

    /**
     * The unit with this symbol or alias, ignoring case and accents.
     *
     * @param symbol e.g. {@code cm}, {@code Centímetros}, {@code pol}
     * @return the unit; empty when no length unit is called so
     */
    public static Optional<LengthUnit> fromSymbol(String symbol) {
        return Units.find(values(), symbol);
    }
}
