package io.cathalog.core.catalog;

import io.cathalog.core.CathalogException;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Store;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import against the fake ERP: keys, collisions, stores and products. */
class CatalogImportTest {
    private final InMemoryCatalogRemote erp =
            new InMemoryCatalogRemote(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static Map<String, String> keysToNames(Catalog catalog) {
        return catalog.tree().categories().stream().collect(java.util.stream.Collectors.toMap(Category::key,
                c -> c.name() + c.parentKey().map(p -> " < " + p).orElse("")));
    }

    @Test
    void keysAreReadableSlugsOfThePathAndTheSameAccountGivesTheSameBytes() {
        long electronics = erp.addCategory("Eletrônicos");
        erp.addCategory("Fones de Ouvido", OptionalLong.of(electronics));
        erp.addCategory("Acessórios", OptionalLong.of(electronics));
        long home = erp.addCategory("Casa & Cozinha");
        erp.addCategory("Acessórios", OptionalLong.of(home));
        erp.addCategory("Ｃｏｍｐｕｔａｄｏｒｅｓ  Gamer!");

        CatalogImport.Result first = CatalogImport.builder(erp).build().run();

        assertThat(keysToNames(first.catalog())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eletronicos", "Eletrônicos",
                "eletronicos/fones-de-ouvido", "Fones de Ouvido < eletronicos",
                "eletronicos/acessorios", "Acessórios < eletronicos",
                "casa-cozinha", "Casa & Cozinha",
                "casa-cozinha/acessorios", "Acessórios < casa-cozinha",
                "computadores-gamer", "Ｃｏｍｐｕｔａｄｏｒｅｓ  Gamer!"));
        assertThat(first.notes()).isEmpty();
        assertThat(first.json()).startsWith("{\n  \"format_version\" : 1,\n  \"categories\" : [")
                .contains("\"key\" : \"eletronicos/fones-de-ouvido\"");
        // Parents come before their children, and the file reads back to the same catalog.
        assertThat(first.json().indexOf("\"eletronicos/acessorios\"")).isGreaterThan(first.json().indexOf("\"eletronicos\""));
        assertThat(JsonCatalogFile.reader().read(first.json(), "imported")).isEqualTo(first.catalog());

        CatalogImport.Result again = CatalogImport.builder(erp).build().run();
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void siblingsWhoseSlugsCollideGetANumericSuffixByAgeAndANewerOneNeverTakesAnOlderKey() {
        long home = erp.addCategory("Casa");
        erp.addCategory("Cama, Mesa e Banho", OptionalLong.of(home));
        erp.addCategory("Cama Mesa e Banho", OptionalLong.of(home));
        erp.addCategory("Cama/Mesa/Banho", OptionalLong.of(home));
        erp.addCategory("Cama Mesa e Banho", OptionalLong.empty()); // not a sibling: no suffix

        Map<String, String> keys = keysToNames(CatalogImport.builder(erp).build().run().catalog());
        assertThat(keys).containsEntry("casa/cama-mesa-e-banho", "Cama, Mesa e Banho < casa")
                .containsEntry("casa/cama-mesa-e-banho-2", "Cama Mesa e Banho < casa")
                .containsEntry("casa/cama-mesa-banho", "Cama/Mesa/Banho < casa")
                .containsEntry("cama-mesa-e-banho", "Cama Mesa e Banho");

        // Someone adds one more look-alike later: the older categories keep their keys.
        erp.addCategory("Cama - Mesa e Banho", OptionalLong.of(home));
        Map<String, String> later = keysToNames(CatalogImport.builder(erp).build().run().catalog());
        assertThat(later).containsAllEntriesOf(keys).containsEntry("casa/cama-mesa-e-banho-3", "Cama - Mesa e Banho < casa");
    }

    @Test
    void siblingsWhoseNamesAreTheSameIgnoringCaseAndAccentsKeepTheOlderAndTheFileSaysWhy() {
        long accented = erp.addCategory("Eletrônicos");
        erp.addCategory("Áudio", OptionalLong.of(accented));
        long plain = erp.addCategory("ELETRONICOS");
        erp.addCategory("Celulares", OptionalLong.of(plain));

        CatalogImport.Result result = CatalogImport.builder(erp).build().run();

        assertThat(keysToNames(result.catalog())).containsOnlyKeys("eletronicos", "eletronicos/audio");
        assertThat(result.notes()).singleElement().asString()
                .contains("'ELETRONICOS' (#" + plain + ", a root) is left out")
                .contains("'Eletrônicos' (#" + accented + ")")
                .contains("with the 1 category under it");
        assertThat(result.json()).contains("\"notes\" : [ \"category 'ELETRONICOS'");
    }

    @Test
    void namesTheFormatCannotHoldAreCleanedAndSaidToBeRenamed() {
        erp.addCategory("  Moda\tPraia ");
        CatalogImport.Result result = CatalogImport.builder(erp).build().run();
        assertThat(keysToNames(result.catalog())).containsExactly(Map.entry("moda-praia", "Moda Praia"));
        assertThat(result.notes()).singleElement().asString().contains("so a sync renames it");
    }

    @Test
    void storesGetTheirMarketplaceFromTheChannelTypeAndTheirMappingFromTheLinks() {
        long phones = erp.addCategory("Celulares");
        long shoes = erp.addCategory("Calçados");
        erp.addStore(11, "Mercado Livre - Loja Oficial", "MercadoLivre");
        erp.addStore(12, "Shopee", "Shopee");
        erp.addStore(13, "Minha Loja Integrada", "LojaIntegrada");
        erp.addStore(14, "Loja Própria", "Tray");
        erp.addStoreCategoryLink(11, phones, "MLB1055", "Celulares e Smartphones");
        erp.addStoreCategoryLink(11, phones, "MLB9999", "a newer duplicate link");
        erp.addStoreCategoryLink(11, shoes, "MLB23332", "Tênis");
        erp.addStoreCategoryLink(13, shoes, "LI-77", "Calçados");

        CatalogImport.Result result = CatalogImport.builder(erp).marketplace("tray", "tray-plugin").build().run();

        assertThat(result.catalog().stores()).containsExactly(
                new Store("mercado-livre-loja-oficial", 11, "mercadolivre", "Mercado Livre - Loja Oficial",
                        Map.of("celulares", "MLB1055", "calcados", "MLB23332")),
                new Store("shopee", 12, "shopee", "Shopee", Map.of()),
                new Store("loja-propria", 14, "tray-plugin", "Loja Própria", Map.of()));
        assertThat(result.notes()).singleElement().asString()
                .contains("'Minha Loja Integrada' (remote_id 13, channel type 'LojaIntegrada')")
                .contains("no known marketplace").contains("{ \"calcados\": \"LI-77\" }");
    }

    @Test
    void productsAreImportedOnlyWhenAskedWithTheirCategoryKeysAndWhatTheFormatHolds() {
        long phones = erp.addCategory("Celulares");
        erp.addProduct(new NewProduct("CEL-1", "Celular X", ProductStatus.INACTIVE, new ProductChanges(Optional.empty(),
                Optional.empty(), Optional.of("Sonora"), Optional.of(Gtin.of("7891234567895")),
                Optional.of(new BigDecimal("1299.900")), OptionalLong.of(phones), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of())));
        erp.addProduct(InMemoryCatalogRemote.product("", "Sem código"));
        erp.addProduct(InMemoryCatalogRemote.product("CEL-1", "Repetido"));
        erp.addProduct(InMemoryCatalogRemote.product("CAPA-1", "Capa"));
        erp.markDeleted(erp.addProduct(InMemoryCatalogRemote.product("OLD-1", "Apagado")));

        assertThat(CatalogImport.builder(erp).build().run().catalog().products()).isEmpty();

        List<String> progress = new java.util.ArrayList<>();
        CatalogImport.Result result = CatalogImport.builder(erp).products(true)
                .progress((read, total) -> progress.add(read + "/" + total)).build().run();
        assertThat(progress).as("the repeated SKU and the one without are not read").containsExactly("1/2", "2/2");
        assertThat(result.catalog().products()).containsExactly(
                Product.builder("CEL-1", "Celular X").status(ProductStatus.INACTIVE).category("celulares")
                        .brand("Sonora").gtin("7891234567895").price(new BigDecimal("1299.9")).build(),
                Product.builder("CAPA-1", "Capa").build());
        assertThat(result.json()).contains("\"price\" : 1299.9");
        assertThat(result.notes()).hasSize(2).anySatisfy(n -> assertThat(n).contains("SKU 'CEL-1'"))
                .anySatisfy(n -> assertThat(n).startsWith("1 product has no SKU"));
    }

    @Test
    void writingRefusesAnExistingFileUnlessToldToOverwrite(@TempDir Path dir) throws Exception {
        erp.addCategory("Moda");
        CatalogImport.Result result = CatalogImport.builder(erp).build().run();
        Path file = dir.resolve("sub/catalog.json");
        result.write(file, false);
        assertThat(Files.readString(file)).isEqualTo(result.json());

        Files.writeString(file, "curated by hand");
        assertThatThrownBy(() -> result.write(file, false)).isInstanceOf(CathalogException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("curated by hand");
        result.write(file, true);
        assertThat(Files.readString(file)).isEqualTo(result.json());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }
}
