package io.cathalog.bling.sync;

import io.cathalog.core.catalog.CatalogImport;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Store;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Adopting the messy demo account: import, then plan on the imported file. */
class CatalogImportDemoTest {

    private static List<Change> categoryChanges(SyncPlan plan) {
        return plan.changes().stream().filter(c -> c.entity() == EntityKind.CATEGORY).toList();
    }

    private static SyncPlan plan(EngineFixture fx, String json) {
        Catalog catalog = JsonCatalogFile.reader().read(json, "imported.json");
        return fx.engine(CatalogSource.of(catalog), fx.remote()).build().plan(PlanOptions.defaults());
    }

    @Test
    void theImportedDemoAccountPlansNoCategoryChangeAndARenameInTheFileIsExactlyOneRename() {
        try (EngineFixture fx = new EngineFixture()) {
            fx.sandbox.resetRequestLog();
            CatalogImport.Result imported = CatalogImport.builder(fx.remote()).products(true).build().run();
            assertThat(fx.sandbox.requestLog().writes()).as("an import only reads").isEmpty();
            // Adopting the file: the engine learns which ERP category each key names, as a sync would.
            imported.rememberCategories(fx.state, fx.account);
            assertThat(fx.state.remoteIds(fx.account, EntityKind.CATEGORY)).isEqualTo(imported.categoryIds())
                    .hasSize(imported.catalog().tree().size());

            Catalog catalog = imported.catalog();
            assertThat(catalog.tree().byKey("eletronicos/fones-de-ouvido")).hasValueSatisfying(c ->
                    assertThat(c.name()).isEqualTo("Fones de Ouvido"));
            assertThat(catalog.tree().byKey("casa-e-cozinha/acessorios")).isPresent();
            // The demo's "Eletronicos" (typed without the accent) cannot sit next to "Eletrônicos" in a catalog.
            assertThat(imported.notes()).anySatisfy(n -> assertThat(n).contains("'Eletronicos'").contains("left out"));
            assertThat(catalog.stores()).extracting(Store::marketplace).containsExactly("mercadolivre", "shopee");
            assertThat(catalog.stores().get(0).categoryMapping()).containsAllEntriesOf(Map.of(
                    "eletronicos/celulares-e-smartphones", "MLB1055", "eletronicos/fones-de-ouvido", "MLB196208",
                    "moda/camisetas", "MLB31447"));
            assertThat(catalog.products()).hasSizeGreaterThan(100)
                    .anySatisfy(p -> assertThat(p.categoryKey()).isPresent());

            SyncPlan plan = plan(fx, imported.json());
            assertThat(categoryChanges(plan)).as(plan.render()).isEmpty();

            // The same account, imported again, is the same file.
            assertThat(CatalogImport.builder(fx.remote()).products(true).build().run().json()).isEqualTo(imported.json());

            // Curating: a key renamed (everywhere the file names it) and one category's name changed.
            String curated = imported.json()
                    .replace("\"eletronicos/fones-de-ouvido\"", "\"headphones\"")
                    .replace("\"name\" : \"Informática\"", "\"name\" : \"Computadores\"");
            assertThat(curated).isNotEqualTo(imported.json()).contains("\"headphones\"");
            SyncPlan curatedPlan = plan(fx, curated);
            assertThat(categoryChanges(curatedPlan)).as(curatedPlan.render()).singleElement()
                    .isInstanceOfSatisfying(Change.RenameCategory.class, r -> {
                        assertThat(r.key()).isEqualTo("informatica");
                        assertThat(r.name()).isEqualTo("Computadores");
                    });
            // Apart from that rename, the curated file plans what the imported one did: the key change alone changes nothing.
            assertThat(curatedPlan.changes().size()).isEqualTo(plan.changes().size() + 1);
        }
    }
}
