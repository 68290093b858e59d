package io.cathalog.core.model;

import java.math.BigDecimal;
import java.util.List;

/** A unit of a measure, defined by its exact size in the measure's base unit. */
public sealed interface MeasureUnit permits LengthUnit, WeightUnit {

    /** The canonical symbol, e.g. {@code cm}. */
    String symbol();

    /** Symbols accepted when parsing, canonical first, all lower case. */
    List<String> aliases();

    /** How many base units (mm for lengths, g for weights) one of this unit is, exactly. */
    BigDecimal inBaseUnits();
}
