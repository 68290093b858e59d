package io.cathalog.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.core.CatalogValidationException;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables in, the same immutable Catalog out; problems with the file's pointers. */
class JpaCatalogSourceTest {

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    /** The documented example exercises every kind of value and rule. */
    static Catalog documentedExample() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "catalog-format.md"));
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).isTrue();
        return JsonCatalogFile.reader().read(m.group(1), "catalog-format.md");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSavedCatalogLoadsBackEqual(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaCatalogSource source = JpaCatalogSource.of(JpaTransactions.resourceLocal(db.newFactory()));
            for (Catalog catalog : new Catalog[]{documentedExample(), JsonCatalogFile.reader().read(DemoCatalog.json(), "demo")}) {
                source.save(catalog);
                assertThat(source.load()).isEqualTo(withPlainPrices(catalog));
            }
            assertThat(JpaCatalogSource.of(JpaTransactions.resourceLocal(db.newFactory()), "other").load().products()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void badRowsAreReportedWithTheFilesPointers(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaCatalogSource source = JpaCatalogSource.of(JpaTransactions.resourceLocal(db.newFactory()));
            source.save(documentedExample());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("update cathalog_category set parent_key = 'audoi' where category_key = 'speakers'");
                s.executeUpdate("update cathalog_product set gtin = '7891234567890' where sku = 'FONE-BT-001'");
                s.executeUpdate("update cathalog_categorisation_rule set category_key = 'speaker' where rule_id = 'caixas-jbl'");
            }
            assertThatThrownBy(source::load).isInstanceOfSatisfying(CatalogValidationException.class, e -> {
                assertThat(e.problems()).extracting(p -> p.pointer()).containsExactlyInAnyOrder(
                        "/categories/3/parent", "/products/0/gtin", "/categorisation_rules/1/category");
                assertThat(e.problems()).allSatisfy(p -> assertThat(p.location()).isEmpty());
            });
        }
    }

    /** The documented family, with its absent combination. */
    static Catalog documentedFamily() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "catalog-format.md"));
        Matcher m = Pattern.compile("```json family\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).isTrue();
        return JsonCatalogFile.reader().read(m.group(1), "catalog-format.md");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFamilyKeepsItsAbsentCombinationsAndABadOneIsReportedWithItsPointer(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaCatalogSource source = JpaCatalogSource.of(JpaTransactions.resourceLocal(db.newFactory()));
            Catalog family = documentedFamily();
            assertThat(family.products().get(0).absentCombinations()).isNotEmpty();
            source.save(family);
            assertThat(source.load()).isEqualTo(withPlainPrices(family));

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("update cathalog_product_variation set absent_combinations_json ="
                        + " '[{\"Cor\": \"Verde\", \"Tamanho\": \"M\"}]' where absent_combinations_json is not null");
            }
            assertThatThrownBy(source::load).isInstanceOfSatisfying(CatalogValidationException.class, e ->
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.pointer()).isEqualTo("/products/0/absent_combinations/0");
                        assertThat(p.message()).contains("variation 'CAM-BASICA-VD-M' has this combination");
                    }));
        }
    }

    /** The price column keeps no trailing zeros. */
    static Catalog withPlainPrices(Catalog c) {
        Catalog.Builder b = Catalog.builder().categories(c.tree().categories());
        for (Product p : c.products()) {
            b.product(p.price().isEmpty() ? p : p.toBuilder().price(strip(p.price().get())).build());
        }
        c.categorisationRules().forEach(b::categorisationRule);
        c.attributeRules().forEach(b::attributeRule);
        c.stores().forEach(b::store);
        return b.build();
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal d) {
        java.math.BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
