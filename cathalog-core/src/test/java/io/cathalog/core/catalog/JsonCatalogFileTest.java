package io.cathalog.core.catalog;

import io.cathalog.core.CatalogValidationException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.Problem;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonCatalogFileTest {

    private final JsonCatalogFile reader = JsonCatalogFile.reader();

    private List<Problem> problemsOf(String json) {
        CatalogValidationException e = catchThrowableOfType(CatalogValidationException.class,
                () -> reader.read(json, "test.json"));
        assertThat(e).as("the catalog should have been refused").isNotNull();
        assertThat(e.source()).contains("test.json");
        return e.problems();
    }

    private static Problem.Location at(long line, long column) {
        return new Problem.Location(line, column);
    }

    @Test
    void readsAValidCatalogIntoTheModel() {
        Catalog c = reader.read("""
                {"format_version": 1,
                 "categories": [{"key": "a", "name": "Áudio"}, {"key": "f", "name": "Fones", "parent": "a"}],
                 "products": [{"sku": "S1", "name": "Fone", "price": "10.50", "status": "inactive", "category": "f",
                               "gtin": "7891234567895", "net_weight": "0,3 kg",
                               "dimensions": {"width": "1 cm", "height": "2 cm", "depth": "30 mm"},
                               "attributes": {"Cor": {"choice": "Azul"}, "Watts": {"number": 10, "unit": "W"},
                                              "Novo": true, "Modelo": "X1", "Peças": 3}}],
                 "categorisation_rules": [{"id": "r1", "category": "f", "match": {"name_keywords": ["fone"]}}],
                 "attribute_rules": [{"id": "r2", "attribute": "brand", "default": "Genérica"},
                                     {"id": "r3", "attribute": "Memória", "category": "a",
                                      "from_name": {"pattern": "(\\\\d+)\\\\s*gb", "kind": "number", "unit": "GB"}}],
                 "stores": [{"key": "ml", "remote_id": 1, "marketplace": "mercadolivre", "name": "ML",
                             "category_mapping": {"f": "MLB1"}}]}
                """, "ok.json");
        assertThat(c.tree().pathName("f")).isEqualTo("Áudio > Fones");
        var p = c.product("S1").orElseThrow();
        assertThat(p.price()).contains(new BigDecimal("10.50"));
        assertThat(p.status()).isEqualTo(ProductStatus.INACTIVE);
        assertThat(p.netWeight()).contains(Weight.parse("300 g").to(io.cathalog.core.model.WeightUnit.KILOGRAM));
        assertThat(p.dimensions().orElseThrow().depth()).isEqualTo(Length.parse("30 mm"));
        assertThat(p.attributes()).containsEntry("Cor", AttributeValue.choice("Azul"))
                .containsEntry("Watts", AttributeValue.number(new BigDecimal("10"), "W"))
                .containsEntry("Novo", AttributeValue.bool(true))
                .containsEntry("Modelo", AttributeValue.text("X1"))
                .containsEntry("Peças", AttributeValue.number(new BigDecimal("3")));
        assertThat(c.attributeRules().get(1).source()).isEqualTo(
                new AttributeSource.FromName("(\\d+)\\s*gb", AttributeSource.ValueKind.NUMBER, Optional.of("GB")));
        assertThat(c.store("ml").orElseThrow().marketplaceCategory("f")).contains("MLB1");
    }

    @Test
    void notesAreForPeopleAListOfStringsAndNothingElse() {
        Catalog c = reader.read("""
                {"format_version": 1, "notes": ["store 'Loja' is left out"],
                 "categories": [{"key": "a", "name": "A"}]}
                """, "notes.json");
        assertThat(c.tree().size()).isEqualTo(1);
        assertThat(problemsOf("{\"format_version\": 1, \"notes\": [\"ok\", 3]}")).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/notes/1"));
        assertThat(problemsOf("{\"format_version\": 1, \"notes\": \"one\"}")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("list of strings"));
    }

    @Test
    void malformedJsonIsReportedWithItsLineAndColumn() {
        List<Problem> problems = problemsOf("""
                {"format_version": 1,
                 "categories": [
                   {"key": "a", "name": "A"}
                   {"key": "b", "name": "B"}
                 ]}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("malformed JSON");
            assertThat(p.location()).contains(at(4, 4));
            assertThat(p.pointer()).isEqualTo("/categories");
        });
    }

    @Test
    void emptyAndTruncatedFilesAreReported() {
        assertThat(problemsOf("")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(problemsOf("{\"format_version\": 1, \"categories\": [")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("malformed JSON").contains("end-of-input"));
        assertThat(problemsOf("[]")).singleElement().satisfies(p -> assertThat(p.message()).contains("JSON object"));
        assertThat(problemsOf("{\"format_version\": 1} {}")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("after the end"));
    }

    @Test
    void invalidUtf8IsReportedNotCrashedOn() throws Exception {
        byte[] bytes = "{\"format_version\": 1, \"categories\": [{\"key\": \"a\", \"name\": \"Caf\u00e9\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        int e = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Caf") + 3;
        broken[e] = (byte) 0xC3;
        broken[e + 1] = (byte) 0x28; // not a continuation byte
        CatalogValidationException ex = catchThrowableOfType(CatalogValidationException.class,
                () -> reader.read(new ByteArrayInputStream(broken), "utf8.json"));
        assertThat(ex.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("UTF-8");
            assertThat(p.location()).map(Problem.Location::line).contains(1L);
        });
    }

    @Test
    void unknownFieldsAreReportedEverywhere() {
        List<Problem> problems = problemsOf("""
                {"format_version": 1, "categoris": [],
                 "categories": [{"key": "a", "name": "A", "parnet": "x"}],
                 "products": [{"sku": "S", "name": "N", "dimensions": {"width": "1 cm", "height": "1 cm", "depht": "1 cm", "depth": "1 cm"}}]}
                """);
        assertThat(problems).extracting(Problem::pointer)
                .containsExactly("/categoris", "/categories/0/parnet", "/products/0/dimensions/depht");
        assertThat(problems.get(0).location()).contains(at(1, 23));
        assertThat(problems.get(1).location()).contains(at(2, 43));
        assertThat(problems.get(1).message()).contains("unknown field 'parnet'").contains("parent");
    }

    @Test
    void duplicateKeysAreAllReported() {
        List<Problem> problems = problemsOf("""
                {"format_version": 1,
                 "categories": [{"key": "a", "name": "A", "name": "B"}],
                 "products": [{"sku": "S", "name": "N", "sku": "T"}],
                 "format_version": 1}
                """);
        assertThat(problems).extracting(Problem::pointer)
                .containsExactly("/categories/0/name", "/products/0/sku", "/format_version");
        assertThat(problems).extracting(Problem::location).containsExactly(
                Optional.of(at(2, 43)), Optional.of(at(3, 41)), Optional.of(at(4, 2)));
        assertThat(problems.get(0).message()).contains("duplicate key 'name'");
    }

    @Test
    void treeProblemsPointAtTheCategory() {
        List<Problem> problems = problemsOf("""
                {"format_version": 1,
                 "categories": [
                   {"key": "root", "name": "Eletrônicos"},
                   {"key": "bad key", "name": "Invalid"},
                   {"key": "orphan", "name": "Órfã", "parent": "nowhere"},
                   {"key": "twin", "name": "ELETRONICOS"},
                   {"key": "x", "name": "X", "parent": "y"},
                   {"key": "y", "name": "Y", "parent": "x"},
                   {"key": "long", "name": "%s"}
                 ]}
                """.formatted("N".repeat(121)));
        assertThat(problems).extracting(Problem::pointer).containsExactly(
                "/categories/1/key", "/categories/2/parent", "/categories/3/name", "/categories/4/parent",
                "/categories/6/name");
        assertThat(problems).extracting(p -> p.location().orElseThrow().line()).containsExactly(4L, 5L, 6L, 7L, 9L);
        assertThat(problems.get(1).message()).contains("unknown parent 'nowhere'");
        assertThat(problems.get(2).message()).contains("clashes with 'Eletrônicos'");
        assertThat(problems.get(3).message()).contains("cycle");
        assertThat(problems.get(4).message()).contains("121 characters long; at most 120");
    }

    @Test
    void productProblemsPointAtTheField() {
        List<Problem> problems = problemsOf("""
                {"format_version": 1,
                 "categories": [{"key": "a", "name": "A"}],
                 "products": [
                   {"sku": "S1", "name": "Ok", "gtin": "7891234567890"},
                   {"sku": "S2", "name": "%s"},
                   {"sku": "S5", "name": "Same SKU", "category": "nope"},
                   {"sku": "S4", "name": "Bad weight", "net_weight": "3 cm", "price": "1,50", "status": "gone"},
                   {"name": "No SKU"},
                   {"sku": "S5", "name": "First S5 is valid"}
                 ]}
                """.formatted("Fone ".repeat(25).strip()));
        assertThat(problems).extracting(Problem::pointer).containsExactly(
                "/products/0/gtin", "/products/1/name", "/products/2/category",
                "/products/3/net_weight", "/products/3/price", "/products/3/status", "/products/4", "/products/5/sku");
        assertThat(problems.get(0).message()).isEqualTo(
                "invalid GTIN '7891234567890': check digit is 0, should be 5");
        assertThat(problems.get(0).location()).contains(at(4, 32));
        assertThat(problems.get(7).message()).isEqualTo("duplicate SKU 'S5': an earlier product has it");
        assertThat(problems.get(6).message()).isEqualTo("missing 'sku'");
    }

    @Test
    void rulesNamingUnknownCategoriesAreReported() {
        List<Problem> problems = problemsOf("""
                {"format_version": 1,
                 "categories": [{"key": "a", "name": "A"}],
                 "categorisation_rules": [
                   {"id": "r1", "category": "a", "match": {"sku_prefix": "X"}},
                   {"id": "r2", "category": "missing", "match": {"name_pattern": "(broken"}},
                   {"id": "r3", "category": "missing", "match": {"brand": "B"}}
                 ],
                 "attribute_rules": [
                   {"id": "r1", "attribute": "Cor", "default": "Azul"},
                   {"id": "r4", "category": "gone", "attribute": "Cor", "constant": {"choice": "Azul"}},
                   {"id": "r5", "attribute": "net_weight", "default": {"number": 3, "unit": "cm"}},
                   {"id": "r6", "attribute": "Cor", "default": "A", "constant": "B"}
                 ],
                 "stores": [{"key": "s", "remote_id": 1, "marketplace": "shopee", "name": "S",
                             "category_mapping": {"zzz": "100"}}]}
                """);
        assertThat(problems).extracting(Problem::pointer).containsExactly(
                "/categorisation_rules/1/match/name_pattern",
                "/categorisation_rules/2/category",
                "/attribute_rules/0/id",
                "/attribute_rules/1/category",
                "/attribute_rules/2/default/unit",
                "/attribute_rules/3",
                "/stores/0/category_mapping/zzz");
        assertThat(problems.get(1).message()).isEqualTo("rule 'r3' names unknown category 'missing'");
        assertThat(problems.get(1).location()).contains(at(6, 17));
        assertThat(problems.get(5).message()).contains("one source");
    }

    @Test
    void versionIsRequiredAndChecked() {
        assertThat(problemsOf("{}")).singleElement().satisfies(p -> assertThat(p.message()).contains("format_version"));
        assertThat(problemsOf("{\"format_version\": 2}")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unsupported format_version 2"));
    }

    @Test
    void deeplyNestedDocumentsAreRefusedEarly() {
        String deep = "{\"format_version\": 1, \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThat(problemsOf(deep)).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("refused").contains("nesting depth (33) exceeds the maximum allowed (32"));
    }

    @Test
    void largeDocumentsAreRefusedPastTheLimit() {
        JsonCatalogFile small = JsonCatalogFile.reader(1_000);
        String big = "{\"format_version\": 1, \"categories\": [" + "{\"key\": \"k\", \"name\": \"n\"},".repeat(100) + "{}]}";
        assertThatThrownBy(() -> small.read(big, "big.json"))
                .isInstanceOf(CatalogValidationException.class)
                .hasMessageContaining("refused before it was read in full")
                .hasMessageContaining("Document length (2641) exceeds the maximum allowed (1000");
    }

    @Test
    void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, "{\"format_version\": 1, \"categories\": [{\"key\": \"a\", \"name\": \"A\"}]}");
        CatalogSource source = JsonCatalogFile.source(file);
        assertThat(source.load().tree().size()).isEqualTo(1);
        Files.writeString(file, "{\"format_version\": 1}");
        assertThat(source.load().tree().size()).as("re-read on every load").isZero();
        assertThatThrownBy(() -> JsonCatalogFile.source(dir.resolve("missing.json")).load())
                .isInstanceOf(CathalogException.class)
                .hasMessageContaining("not found").hasMessageContaining("missing.json");
    }

    @Test
    void aStoreMayDeclareAListingPolicy() {
        io.cathalog.core.model.Catalog c = reader.read("""
                {"format_version": 1, "categories": [{"key": "a", "name": "A"}],
                 "stores": [{"key": "ml", "remote_id": 1, "marketplace": "mercadolivre", "name": "ML",
                             "listing_policy": {"status": "paused", "listing_type": "gold_special", "free_shipping": true,
                                                "overrides": {"S1": {"list": false}, "S2": {"price": 9.9, "title": "T"}}}},
                            {"key": "sh", "remote_id": 2, "marketplace": "shopee", "name": "S"}]}
                """, "test.json");
        io.cathalog.core.model.ListingPolicy p = c.store("ml").orElseThrow().listingPolicy();
        assertThat(p.createListings()).isTrue();
        assertThat(p.status()).isEqualTo(io.cathalog.core.model.ListingPolicy.ListingStatus.PAUSED);
        assertThat(p.listingType()).contains("gold_special");
        assertThat(p.freeShipping()).isTrue();
        assertThat(p.forProduct("S1").list()).isFalse();
        assertThat(p.forProduct("S2").price()).contains(new java.math.BigDecimal("9.9"));
        assertThat(c.store("sh").orElseThrow().managesListings()).isFalse();
    }

    @Test
    void aBadListingPolicyIsNamedWithItsPlace() {
        List<Problem> problems = problemsOf("""
                {"format_version": 1, "categories": [{"key": "a", "name": "A"}],
                 "stores": [{"key": "ml", "remote_id": 1, "marketplace": "mercadolivre", "name": "ML",
                             "listing_policy": {"status": "live", "listing_type": "Gold Special", "colour": 1,
                                                "overrides": {"S1": {"list": "no", "price": -1}}}}]}
                """);
        assertThat(problems).extracting(Problem::pointer).contains(
                "/stores/0/listing_policy/status", "/stores/0/listing_policy/colour",
                "/stores/0/listing_policy/overrides/S1/list");
        assertThat(problems).filteredOn(p -> p.pointer().equals("/stores/0/listing_policy/status")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).contains("'published' or 'paused'");
                    assertThat(p.location()).isPresent();
                });
    }
}
