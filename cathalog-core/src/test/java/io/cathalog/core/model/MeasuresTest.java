package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasuresTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "10 cm; 10; CENTIMETRE",
            "100mm; 100; MILLIMETRE",
            "0,3 m; 0.3; METRE",
            "1.5 M; 1.5; METRE",
            "2 pol; 2; INCH",
            "12 centímetros; 12; CENTIMETRE",
            "7\"; 7; INCH",
    })
    void parsesLengthsWrittenAsPeopleWriteThem(String text, String amount, LengthUnit unit) {
        Length length = Length.parse(text);
        assertThat(length.amount()).isEqualByComparingTo(amount);
        assertThat(length.unit()).isEqualTo(unit);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0,3 kg; 0.3; KILOGRAM", "250g; 250; GRAM", "1.25 quilos; 1.25; KILOGRAM"})
    void parsesWeights(String text, String amount, WeightUnit unit) {
        Weight weight = Weight.parse(text);
        assertThat(weight.amount()).isEqualByComparingTo(amount);
        assertThat(weight.unit()).isEqualTo(unit);
    }

    @Test
    void refusesWhatIsNotAMeasure() {
        assertThatThrownBy(() -> Length.parse("10")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("expected a number and a unit");
        assertThatThrownBy(() -> Length.parse("10 furlongs")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown length unit 'furlongs'");
        assertThatThrownBy(() -> Weight.parse("3 cm")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Length.parse("-3 cm")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void convertsExactly() {
        assertThat(Length.parse("10 cm").to(LengthUnit.MILLIMETRE)).isEqualTo(Length.of("100", LengthUnit.MILLIMETRE));
        assertThat(Length.parse("2 in").to(LengthUnit.CENTIMETRE)).isEqualTo(Length.of("5.08", LengthUnit.CENTIMETRE));
        assertThat(Length.parse("254 mm").to(LengthUnit.INCH)).isEqualTo(Length.of("10", LengthUnit.INCH));
        assertThat(Weight.parse("1234 g").to(WeightUnit.KILOGRAM)).isEqualTo(Weight.of("1.234", WeightUnit.KILOGRAM));
    }

    @Test
    void conversionsRoundTripExactly() {
        String[] amounts = {"0", "1", "0.3", "12.345", "1000", "0.001", "99999.999"};
        for (String a : amounts) {
            for (LengthUnit from : LengthUnit.values()) {
                Length original = Length.of(a, from);
                for (LengthUnit to : LengthUnit.values()) {
                    try {
                        Length there = original.to(to);
                        assertThat(there.to(from)).as("%s -> %s -> %s", original, to, from).isEqualTo(original);
                        assertThat(there.isSameAs(original)).isTrue();
                    } catch (ArithmeticException inexact) {
                        // Only metric to inch can lack a finite decimal; it is refused, never rounded.
                        assertThat(to).isEqualTo(LengthUnit.INCH);
                    }
                }
            }
            for (WeightUnit from : WeightUnit.values()) {
                Weight original = Weight.of(a, from);
                for (WeightUnit to : WeightUnit.values()) {
                    assertThat(original.to(to).to(from)).isEqualTo(original);
                }
            }
        }
    }

    @Test
    void inexactConversionsAreRefusedUnlessRoundingIsAskedFor() {
        Length oneMillimetre = Length.of("1", LengthUnit.MILLIMETRE);
        assertThatThrownBy(() -> oneMillimetre.to(LengthUnit.INCH)).isInstanceOf(ArithmeticException.class);
        assertThat(oneMillimetre.to(LengthUnit.INCH, 4, RoundingMode.HALF_UP).amount()).isEqualByComparingTo("0.0394");
    }

    @Test
    void equalityIsAsWrittenAndSamenessIsPhysical() {
        assertThat(Length.parse("10.0 cm")).isEqualTo(Length.parse("10 cm"));
        assertThat(Length.parse("10 cm")).isNotEqualTo(Length.parse("100 mm"));
        assertThat(Length.parse("10 cm").isSameAs(Length.parse("100 mm"))).isTrue();
        assertThat(Weight.parse("0,3 kg").isSameAs(Weight.parse("300 g"))).isTrue();
        assertThat(Weight.parse("1 kg").compareTo(Weight.parse("999 g"))).isPositive();
        assertThat(Weight.parse("0,3 kg").grams()).isEqualTo(new BigDecimal("300"));
    }

    @Test
    void dimensionsConvertAsAWhole() {
        Dimensions d = new Dimensions(Length.parse("18 cm"), Length.parse("200 mm"), Length.parse("0.08 m"));
        Dimensions cm = d.to(LengthUnit.CENTIMETRE);
        assertThat(cm).isEqualTo(new Dimensions(Length.parse("18 cm"), Length.parse("20 cm"), Length.parse("8 cm")));
        assertThat(cm.isSameAs(d)).isTrue();
    }
}
