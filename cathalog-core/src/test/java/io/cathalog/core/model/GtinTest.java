package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "96385074",        // GTIN-8 (EAN-8)
            "036000291452",    // GTIN-12 (UPC-A)
            "4006381333931",   // GTIN-13 (EAN-13)
            "7891234567895",   // GTIN-13 with the Brazilian 789 prefix
            "10012345678902",  // GTIN-14
    })
    void acceptsValidCodes(String code) {
        assertThat(Gtin.isValid(code)).isTrue();
        assertThat(Gtin.of(code).digits()).isEqualTo(code);
        assertThat(Gtin.of(" " + code + " ").length()).isEqualTo(code.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "7891234567890", "036000291453", "96385075", "10012345678903"})
    void refusesAWrongCheckDigit(String code) {
        assertThat(Gtin.isValid(code)).isFalse();
        assertThatThrownBy(() -> Gtin.of(code))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "1234567", "12345678901", "123456789012345", "789123456789A", "7891234 67895"})
    void refusesWrongLengthsAndNonDigits(String code) {
        assertThat(Gtin.isValid(code)).isFalse();
        assertThatThrownBy(() -> new Gtin(code)).isInstanceOf(ValidationException.class);
    }

    @Test
    void computesTheCheckDigitOfEveryLength() {
        assertThat(Gtin.checkDigit("9638507")).isEqualTo(4);
        assertThat(Gtin.checkDigit("03600029145")).isEqualTo(2);
        assertThat(Gtin.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Gtin.checkDigit("1001234567890")).isEqualTo(2);
    }

    @Test
    void knowsItsPrefix() {
        assertThat(Gtin.of("7891234567895").hasPrefix("789")).isTrue();
        assertThat(Gtin.of("4006381333931").hasPrefix("789")).isFalse();
        assertThat(Gtin.isValid(null)).isFalse();
    }
}
