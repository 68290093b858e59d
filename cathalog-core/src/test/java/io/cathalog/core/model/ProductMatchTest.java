package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductMatchTest {

    private static boolean matches(ProductMatch m, String sku, String name) {
        return m.matches(sku, name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void keywordsIgnoreCaseAndAccentsAndMatchWholeWords() {
        ProductMatch m = ProductMatch.builder().nameKeyword("cafe").nameKeyword("Moído").build();
        assertThat(matches(m, "X", "Café Especial MOIDO 500g")).isTrue();
        assertThat(matches(m, "X", "Café em grãos")).isFalse();
        ProductMatch fone = ProductMatch.builder().nameKeyword("fone").build();
        assertThat(matches(fone, "X", "Fone de ouvido")).isTrue();
        assertThat(matches(fone, "X", "Telefone sem fio")).isFalse();
    }

    @Test
    void patternsRunOnTheFoldedName() {
        ProductMatch m = ProductMatch.builder().namePattern("\\bcaf[eé]\\b.*\\d+\\s*g").build();
        assertThat(matches(m, "X", "CAFÉ torrado 250 G")).isTrue();
        assertThatThrownBy(() -> ProductMatch.builder().namePattern("(unclosed").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("/name_pattern");
    }

    @Test
    void everyCriterionMustHold() {
        ProductMatch m = ProductMatch.builder().skuPrefix("cx-").brand("JBL").gtinPrefix("789")
                .currentCategory("Eletrônicos > Áudio").build();
        assertThat(m.matches("CX-10", "Caixa", Optional.of("jbl"), Optional.of("7891234567895"),
                Optional.of("Eletronicos > Audio"))).isTrue();
        ProductMatch byName = ProductMatch.builder().currentCategory("audio").build();
        assertThat(byName.matches("CX-10", "Caixa", Optional.empty(), Optional.empty(),
                Optional.of("Eletrônicos > Áudio"))).as("a name matches the last name of the path").isTrue();
        assertThat(byName.matches("CX-10", "Caixa", Optional.empty(), Optional.empty(),
                Optional.of("Áudio > Fones"))).isFalse();
        assertThat(m.matches("CX-10", "Caixa", Optional.of("Sony"), Optional.of("7891234567895"),
                Optional.of("Eletrônicos > Áudio"))).isFalse();
        assertThat(m.matches("CX-10", "Caixa", Optional.of("jbl"), Optional.empty(), Optional.of("Áudio"))).isFalse();
        assertThat(m.matches("FN-10", "Caixa", Optional.of("jbl"), Optional.of("7891234567895"),
                Optional.of("Áudio"))).isFalse();
        assertThat(m.matches("CX-10", "Caixa", Optional.of("jbl"), Optional.of("7891234567895"),
                Optional.empty())).isFalse();
    }

    @Test
    void uncategorisedMatchesOnlyProductsWithoutACategory() {
        ProductMatch m = ProductMatch.builder().uncategorised().skuPattern("^pan").build();
        assertThat(m.matches("PAN-1", "Panela", Optional.empty(), Optional.empty(), Optional.empty())).isTrue();
        assertThat(m.matches("PAN-1", "Panela", Optional.empty(), Optional.empty(), Optional.of("Casa"))).isFalse();
    }

    @Test
    void needsACriterion() {
        assertThatThrownBy(() -> ProductMatch.builder().build()).hasMessageContaining("at least one criterion");
        assertThatThrownBy(() -> ProductMatch.builder().gtinPrefix("78a").build()).hasMessageContaining("/gtin_prefix");
        assertThat(ProductMatch.builder().skuPrefix("A").build()).isEqualTo(ProductMatch.builder().skuPrefix("A").build());
    }
}
