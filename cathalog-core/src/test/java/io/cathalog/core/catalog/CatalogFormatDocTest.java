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
}
