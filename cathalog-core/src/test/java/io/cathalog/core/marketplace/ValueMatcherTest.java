package io.cathalog.core.marketplace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueMatcherTest {

    @Test
    void ignoresCaseAccentsAndSpaces() {
        ValueMatcher m = ValueMatcher.standard();
        assertThat(m.matches("Não", "nao")).isTrue();
        assertThat(m.matches("  Aço   Inoxidável ", "aco inoxidavel")).isTrue();
        assertThat(m.matches("Algodão", "Algodao orgânico")).isFalse();
    }

    @Test
    void synonymsMatchAndJoinWhenTheyShareATerm() {
        ValueMatcher m = ValueMatcher.builder().synonyms("Preto", "Black").synonyms("Negro", "black").synonyms("P", "Pequeno").build();
        assertThat(m.matches("PRETO", "negro")).isTrue();
        assertThat(m.matches("preto", "pequeno")).isFalse();
        assertThat(m.synonymGroups()).hasSize(2);
    }

    @Test
    void findPrefersAnExactMatchThenASynonymInListOrder() {
        ValueMatcher m = ValueMatcher.builder().synonyms("Preto", "Black").build();
        List<String> options = List.of("Branco", "Black", "Preto");
        assertThat(m.find("preto", options, Function.identity())).contains("Preto");
        assertThat(m.find("BLACK", List.of("Branco", "Preto"), Function.identity())).contains("Preto");
        assertThat(m.find("Azul", options, Function.identity())).isEmpty();
    }

    @Test
    void aGroupNeedsTwoDifferentTerms() {
        assertThatThrownBy(() -> ValueMatcher.builder().synonyms("Não", "nao")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueMatcher.builder().synonyms("x", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
