package io.cathalog.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19, item 6: names that look the same compare equal. */
class TextTest {
    @Test
    void lookAlikesFoldToTheSameName() {
        String plain = Text.fold("Calçados");
        assertThat(plain).isEqualTo("calcados");
        for (String lookAlike : new String[] {"Calçados\u00a0", "\u00a0Calçados", "Cal\u200bçados", "\ufeffCalçados",
                "Calc\u0327ados", "Ｃａｌçａｄｏｓ", "Calçados\u202f", "CALÇADOS", "Calçados\u3000", "Cal\u200dçados\u2060"}) {
            assertThat(Text.fold(lookAlike)).as("U+%s", lookAlike.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(plain);
        }
        assertThat(Text.fold("Moda\u00a0\u2007 Feminina")).isEqualTo(Text.fold("moda feminina"));
        assertThat(Text.fold("Calçado")).isNotEqualTo(plain);
        assertThat(Text.fold("Cal çados")).isNotEqualTo(plain);
    }
}
