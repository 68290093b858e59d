package io.cathalog.core.model;

import java.math.BigDecimal;
import java.util.List;

/** A unit of a measure, defined by its exact size in the measure's base unit. */
public sealed interface MeasureUnit permits LengthUnit, WeightUnit {

    /**
     * The symbol the unit is written with.
     *
     * @return the canonical symbol, e.g. {@code cm}
     */
    String symbol();

    /**
     * The names accepted when parsing.
     *
     * @return the symbols and names, canonical first, all lower case
     */
    List<String> aliases();

    /**
     * The unit's size.
     *
     * @return how many base units (mm for lengths, g for weights) one of this unit is, exactly
     */
    BigDecimal inBaseUnits();
}
