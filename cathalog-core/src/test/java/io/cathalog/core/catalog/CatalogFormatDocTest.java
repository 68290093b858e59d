package io.cathalog.core.catalog;

import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The complete example of docs/catalog-format.md is a valid catalog, so the doc cannot rot. */
class CatalogFormatDocTest {

    static String exampleFromDoc() throws Exception {
        Path doc = Path.of("..", "docs", "catalog-format.md");
        String text = Files.readString(doc);
        int start = text.indexOf("```json\n");
        assertThat(start).as("a ```json block in %s", doc).isNotNegative();
        int end = text.indexOf("\n```", start + 8);
        return text.substring(start + 8, end);
    }

    @Test
    void theDocumentedExampleLoads() throws Exception {
        Catalog catalog = JsonCatalogFile.reader().read(exampleFromDoc(), "docs/catalog-format.md");
        assertThat(catalog.tree().parentFirst()).extracting(Category::key)
                .containsExactly("electronics", "home", "audio", "kitchen", "headphones", "speakers");
        assertThat(catalog.products()).hasSize(2);
        assertThat(catalog.categorisationRules()).hasSize(4);
        assertThat(catalog.attributeRules()).hasSize(5);
        assertThat(catalog.stores()).extracting(s -> s.marketplace()).containsExactly("mercadolivre", "shopee");
        assertThat(catalog.product("FONE-BT-001").orElseThrow().attributes()).hasSize(5);
    }

    @Test
    void theDocumentedFamilyLoads() throws Exception {
        String text = Files.readString(Path.of("..", "docs", "catalog-format.md"));
        int start = text.indexOf("```json family\n");
        assertThat(start).as("the family example").isNotNegative();
        int end = text.indexOf("\n```", start + 15);
        Catalog catalog = JsonCatalogFile.reader().read(text.substring(start + 15, end), "docs/catalog-format.md");
        io.cathalog.core.model.Product shirt = catalog.product("CAM-BASICA").orElseThrow();
        assertThat(shirt.variations()).hasSize(8);
        assertThat(shirt.absentCombinations()).containsExactly(java.util.Map.of("Cor", "Verde", "Tamanho", "G"));
        assertThat(shirt.variations().get(0).optionsText()).isEqualTo("Cor:Azul;Tamanho:P");
        assertThat(shirt.variations().get(2).grossWeight()).isPresent();
        assertThat(shirt.variations().get(5).attributes()).containsKey("Estampa");
    }

    @Test
    void familyProblemsAreReportedWithTheirPointersAndPlaces() {
        String json = """
                {
                  "format_version": 1,
                  "products": [
                    { "sku": "A", "name": "Camiseta", "variations": [
                      { "sku": "A-1", "options": { "Cor": "Azul", "Tamanho": "P" } },
                      { "sku": "A-2", "options": { "Cor": "Azul" } }
                    ] },
                    { "sku": "B", "name": "Meia", "variations": [
                      { "sku": "B-1", "options": { "Cor": "Azul" } },
                      { "sku": "B-2", "options": { "Cor": "Azul" } }
                    ] },
                    { "sku": "C", "name": "Boné", "variations": [
                      { "sku": "A-1", "options": { "Cor": "" } },
                      { "sku": "C-2", "options": {} }
                    ] },
                    { "sku": "Z", "name": "Bermuda" },
                    { "sku": "D", "name": "Bermuda", "variations": [
                      { "sku": "Z", "options": { "Cor": "Azul" } }
                    ] }
                  ]
                }
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonCatalogFile.reader().read(json, "f.json"))
                .isInstanceOfSatisfying(io.cathalog.core.CatalogValidationException.class, e -> {
                    assertThat(e.problems()).extracting(io.cathalog.core.Problem::pointer).contains(
                            "/products/0/variations/1/options", "/products/1/variations/1/options",
                            "/products/2/variations/0/options", "/products/2/variations/1/options",
                            "/products/4/variations/0/sku");
                    assertThat(e.problems()).filteredOn(p -> p.pointer().equals("/products/1/variations/1/options"))
                            .singleElement().satisfies(p -> {
                                assertThat(p.message()).contains("same options as 'B-1'");
                                assertThat(p.location()).isPresent();
                            });
                });
    }

    @Test
    void absentCombinationsAreCheckedWithTheirPointerLineAndColumn() {
        String json = """
                {
                  "format_version": 1,
                  "products": [
                    { "sku": "A", "name": "Camiseta", "variations": [
                      { "sku": "A-1", "options": { "Cor": "Azul", "Tamanho": "P" } },
                      { "sku": "A-2", "options": { "Cor": "Preto", "Tamanho": "M" } }
                    ], "absent_combinations": [
                      { "Cor": "Azul", "Tamanho": "M" },
                      { "Cor": "Azul" },
                      { "Cor": "Verde", "Tamanho": "M" },
                      { "Tamanho": "P", "Cor": "Azul" },
                      { "Tamanho": "M", "Cor": "Azul" },
                      { "Cor": "Azul", "Tamanho": 3 }
                    ] },
                    { "sku": "B", "name": "Meia", "absent_combinations": [ { "Cor": "Azul" } ] }
                  ]
                }
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonCatalogFile.reader().read(json, "f.json"))
                .isInstanceOfSatisfying(io.cathalog.core.CatalogValidationException.class, e -> {
                    assertThat(e.problems()).extracting(io.cathalog.core.Problem::pointer).containsExactly(
                            "/products/0/absent_combinations/5/Tamanho", "/products/1/absent_combinations");
                    assertThat(e.problems().get(0).location()).contains(new io.cathalog.core.Problem.Location(13, 24));
                });
        // Without the wrongly typed one, the model's checks name each bad combination in turn.
        String typed = json.replace("""
                      { "Tamanho": "M", "Cor": "Azul" },
                      { "Cor": "Azul", "Tamanho": 3 }
                """, """
                      { "Tamanho": "M", "Cor": "Azul" }
                """).replace(", \"absent_combinations\": [ { \"Cor\": \"Azul\" } ]", "");
        assertThat(typed).doesNotContain("3 }").contains("\"Meia\" }");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonCatalogFile.reader().read(typed, "f.json"))
                .isInstanceOfSatisfying(io.cathalog.core.CatalogValidationException.class, e -> {
                    assertThat(e.problems()).extracting(io.cathalog.core.Problem::pointer).containsExactly(
                            "/products/0/absent_combinations/1", "/products/0/absent_combinations/2",
                            "/products/0/absent_combinations/3", "/products/0/absent_combinations/4");
                    assertThat(e.problems()).extracting(io.cathalog.core.Problem::message).satisfiesExactly(
                            m -> assertThat(m).contains("names exactly the family's options [Cor, Tamanho], not [Cor]"),
                            m -> assertThat(m).contains("no variation of the family has Cor 'Verde'"),
                            m -> assertThat(m).contains("variation 'A-1' has this combination: it is not absent"),
                            m -> assertThat(m).contains("is declared twice"));
                    assertThat(e.problems().get(1).location()).map(io.cathalog.core.Problem.Location::line).contains(10L);
                });
    }

    @Test
    void theCatalogBuilderChecksAbsentCombinationsToo() {
        io.cathalog.core.model.Product.Builder b = io.cathalog.core.model.Product.builder("A", "Camiseta")
                .variation(io.cathalog.core.model.Variation.builder("A-1").option("Cor", "Azul").option("Tamanho", "P").build())
                .variation(io.cathalog.core.model.Variation.builder("A-2").option("Cor", "Preto").option("Tamanho", "M").build());
        assertThat(b.absentCombination(java.util.Map.of("Tamanho", "M", "Cor", "Azul")).build().absentCombinations())
                .containsExactly(java.util.Map.of("Cor", "Azul", "Tamanho", "M"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.absentCombination(java.util.Map.of("Cor", "Azul",
                        "Tamanho", "P")).build())
                .isInstanceOf(io.cathalog.core.ValidationException.class)
                .hasMessageContaining("/absent_combinations/1").hasMessageContaining("variation 'A-1'");
    }
}
