package io.cathalog.marketplaces;

import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.marketplaces.mercadolivre.MercadoLivreMapper;
import io.cathalog.marketplaces.shopee.ShopeeMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The marketplaces' rules for families: each problem names the family, the variation and the rule. */
class FamilyRulesTest {
    private static final String ML_TSHIRTS = "MLB31447";
    private static final String SHOPEE_TSHIRTS = "100348";

    private final MercadoLivreMapper ml = Fixtures.mercadoLivreMapper();
    private final ShopeeMapper shopee = Fixtures.shopeeMapper();

    private static Product.Builder shirt() {
        return Product.builder("CAM", "Camiseta Básica Algodão").brand("Hering").price(new BigDecimal("49.90"))
                .dimensions(Fixtures.cm("25", "3", "30")).grossWeight(Fixtures.kg("0.2"))
                .attribute("Gênero", AttributeValue.choice("sem genero"))
                .attribute("Material principal", AttributeValue.choice("algodao"));
    }

    private static Variation v(String sku, String color, String size, String gtin) {
        Variation.Builder b = Variation.builder(sku).option("Cor", color).option("Tamanho", size);
        return gtin == null ? b.build() : b.gtin(gtin).build();
    }

    private static List<String> family(Normalisation n) {
        return n.violations().stream().filter(x -> x.attribute().equals("variations")).map(Violation::message).toList();
    }

    private static Product good() {
        return shirt().variation(v("CAM-AZ-P", "Azul", "P", "7891000315507"))
                .variation(v("CAM-AZ-M", "Azul", "M", "7891000100103"))
                .variation(v("CAM-PR-P", "Preto", "P", "7891000053508"))
                .variation(v("CAM-PR-M", "Preto", "M", "7898945080293")).build();
    }

    @Test
    void aGoodFamilyPassesBothMarketplacesAndItsOptionsCountForTheRequiredVaryingAttributes() {
        Normalisation m = ml.normalise(good(), Fixtures.store("mercadolivre"), ML_TSHIRTS);
        assertThat(family(m)).isEmpty();
        assertThat(m.violations()).extracting(Violation::attribute).doesNotContain("SIZE", "COLOR", "GTIN");
        assertThat(family(shopee.normalise(good(), Fixtures.store("shopee"), SHOPEE_TSHIRTS))).isEmpty();
    }

    @Test
    void mercadoLivreRulesNameTheFamilyTheVariationAndTheRule() {
        Product p = shirt().variation(Variation.builder("CAM-1").option("Cor", "Azul").option("Estampa", "Lisa")
                        .price(new BigDecimal("49.90")).build())
                .variation(Variation.builder("CAM-2").option("Cor", "Azul").option("Estampa", "Listrada")
                        .gtin("7891000100103").price(new BigDecimal("59.90")).build())
                .build();

        List<String> messages = family(ml.normalise(p, Fixtures.store("mercadolivre"), ML_TSHIRTS));

        assertThat(messages).anySatisfy(x -> assertThat(x).contains("family CAM").contains("'Estampa'")
                .contains("rule allow_variations"));
        assertThat(messages).anySatisfy(x -> assertThat(x).contains("variation CAM-2 is the same as CAM-1")
                .contains("rule distinct variations"));
        assertThat(messages).anySatisfy(x -> assertThat(x).contains("variation CAM-1 has no GTIN")
                .contains("rule GTIN per variation"));
        assertThat(messages).anySatisfy(x -> assertThat(x).contains("CAM-1 49.9").contains("CAM-2 59.9")
                .contains("rule same price"));
    }

    @Test
    void mercadoLivreCountsVariationsAgainstTheCategoryMaximum() {
        Product.Builder b = shirt();
        for (int i = 0; i < 101; i++) {
            b.variation(Variation.builder("CAM-" + i).option("Cor", "Cor " + i).option("Tamanho", "M").build());
        }
        assertThat(family(ml.normalise(b.build(), Fixtures.store("mercadolivre"), ML_TSHIRTS)))
                .anySatisfy(x -> assertThat(x).contains("101 variations").contains("at most 100")
                        .contains("rule max_variations_allowed"));
    }

    @Test
    void shopeeTakesTwoTiersWithinTheirLengthsAndEveryCombination() {
        Product p = shirt()
                .variation(Variation.builder("CAM-1").option("Cor", "Azul").option("Tamanho", "P")
                        .option("Comprimento da manga", "Curta").build())
                .variation(Variation.builder("CAM-2").option("Cor", "Azul petróleo com detalhes").option("Tamanho", "M")
                        .option("Comprimento da manga", "Longa").build())
                .build();
        List<String> messages = family(shopee.normalise(p, Fixtures.store("shopee"), SHOPEE_TSHIRTS));
        assertThat(messages).anySatisfy(x -> assertThat(x).contains("family CAM").contains("rule tier count"));
        assertThat(messages).anySatisfy(x -> assertThat(x).contains("'Comprimento da manga'")
                .contains("rule tier name length"));
        assertThat(messages).anySatisfy(x -> assertThat(x).contains("variation CAM-2")
                .contains("rule tier option length"));

        Product gap = shirt().variation(v("CAM-AZ-P", "Azul", "P", null)).variation(v("CAM-AZ-M", "Azul", "M", null))
                .variation(v("CAM-PR-P", "Preto", "P", null)).build();
        assertThat(family(shopee.normalise(gap, Fixtures.store("shopee"), SHOPEE_TSHIRTS)))
                .anySatisfy(x -> assertThat(x).contains("family CAM").contains("Cor:Preto;Tamanho:M")
                        .contains("rule every combination"));
    }

    @Test
    void shopeeReportsOnlyTheCombinationsNeitherPresentNorDeclaredAbsent() {
        Product.Builder grid = shirt().variation(v("CAM-AZ-P", "Azul", "P", null)).variation(v("CAM-AZ-M", "Azul", "M", null))
                .variation(v("CAM-AZ-G", "Azul", "G", null)).variation(v("CAM-PR-P", "Preto", "P", null));
        Product plain = grid.build();
        assertThat(family(shopee.normalise(plain, Fixtures.store("shopee"), SHOPEE_TSHIRTS))).singleElement()
                .satisfies(x -> assertThat(x).contains("Cor:Preto;Tamanho:M").contains("Cor:Preto;Tamanho:G"));
        Product oneAbsent = plain.toBuilder().absentCombination(java.util.Map.of("Tamanho", "M", "Cor", "Preto")).build();
        List<String> messages = family(shopee.normalise(oneAbsent, Fixtures.store("shopee"), SHOPEE_TSHIRTS));
        assertThat(messages).singleElement().satisfies(x -> assertThat(x).contains("family CAM")
                .contains("lacks the combinations [Cor:Preto;Tamanho:G]").doesNotContain("Tamanho:M")
                .contains("absent_combinations").contains("rule every combination"));

        Product bothAbsent = oneAbsent.toBuilder().absentCombination(java.util.Map.of("Cor", "Preto", "Tamanho", "G"))
                .build();
        assertThat(family(shopee.normalise(bothAbsent, Fixtures.store("shopee"), SHOPEE_TSHIRTS))).isEmpty();
        // Mercado Livre has no grid: absent combinations change nothing there.
        assertThat(family(ml.normalise(bothAbsent, Fixtures.store("mercadolivre"), ML_TSHIRTS)))
                .isEqualTo(family(ml.normalise(plain, Fixtures.store("mercadolivre"), ML_TSHIRTS)));
    }
}
