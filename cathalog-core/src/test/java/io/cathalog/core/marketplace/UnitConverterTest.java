package io.cathalog.core.marketplace;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UnitConverterTest {

    @Test
    void parsesTheUsualWritings() {
        assertThat(UnitConverter.parse("10 cm")).contains(q("10", "cm"));
        assertThat(UnitConverter.parse("100mm")).contains(q("100", "mm"));
        assertThat(UnitConverter.parse("0,3 kg")).contains(q("0.3", "kg"));
        assertThat(UnitConverter.parse("128 GB")).contains(q("128", "GB"));
        assertThat(UnitConverter.parse("3").orElseThrow().unit()).isEmpty();
        assertThat(UnitConverter.parse("1.000,5 g")).isEmpty();
        assertThat(UnitConverter.parse("dez cm")).isEmpty();
    }

    @Test
    void keepsAnAllowedUnitInTheMarketplacesSpelling() {
        assertThat(UnitConverter.toAllowed(new BigDecimal("10"), "centimetros", List.of("mm", "cm"), Optional.of("mm")))
                .contains(q("10", "cm"));
        assertThat(UnitConverter.toAllowed(new BigDecimal("64"), "gb", List.of("GB", "TB"), Optional.empty()))
                .contains(q("64", "GB"));
    }

    @Test
    void convertsToTheDefaultThenTheFirstExactAllowedUnit() {
        assertThat(UnitConverter.toAllowed(new BigDecimal("0.3"), "kg", List.of("g"), Optional.of("g")))
                .contains(q("300", "g"));
        assertThat(UnitConverter.toAllowed(new BigDecimal("1.5"), "m", List.of("cm", "mm"), Optional.of("mm")))
                .contains(q("1500", "mm"));
        // 1 mm is not a finite number of inches: the next allowed unit is taken.
        assertThat(UnitConverter.toAllowed(new BigDecimal("1"), "mm", List.of("in", "cm"), Optional.of("in")))
                .contains(q("0.1", "cm"));
    }

    @Test
    void refusesWhatCannotBeExpressedExactly() {
        assertThat(UnitConverter.toAllowed(new BigDecimal("1"), "mm", List.of("in"), Optional.empty())).isEmpty();
        assertThat(UnitConverter.toAllowed(new BigDecimal("5"), "W", List.of("cm"), Optional.empty())).isEmpty();
        assertThat(UnitConverter.toAllowed(new BigDecimal("5"), "kg", List.of("cm"), Optional.empty())).isEmpty();
    }

    @Test
    void conversionsRoundTripExactly() {
        for (String[] c : new String[][] {{"10", "cm", "mm"}, {"0.3", "kg", "g"}, {"2.54", "cm", "in"},
                {"1234.5", "g", "kg"}, {"43", "in", "mm"}, {"0.001", "m", "mm"}}) {
            BigDecimal there = UnitConverter.convert(new BigDecimal(c[0]), c[1], c[2]).orElseThrow();
            BigDecimal back = UnitConverter.convert(there, c[2], c[1]).orElseThrow();
            assertThat(back).as("%s %s -> %s -> back", c[0], c[1], c[2]).isEqualByComparingTo(c[0]);
        }
        assertThat(UnitConverter.convert(new BigDecimal("10"), "cm", "mm")).contains(new BigDecimal("100"));
    }

    private static UnitConverter.Quantity q(String amount, String unit) {
        return new UnitConverter.Quantity(new BigDecimal(amount), Optional.of(unit));
    }
}
