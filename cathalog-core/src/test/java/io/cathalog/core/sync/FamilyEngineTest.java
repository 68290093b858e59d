package io.cathalog.core.sync;

import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteVariation;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Families (a parent with variations) through the engine, against the in-memory ERP. */
class FamilyEngineTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock);
    private final InMemorySyncStateStore state = new InMemorySyncStateStore();

    private static Variation v(String sku, String color, String size, String gtin) {
        Variation.Builder b = Variation.builder(sku).option("Cor", color).option("Tamanho", size);
        if (gtin != null) {
            b.gtin(gtin);
        }
        return b.build();
    }

    private static Catalog catalog(List<Variation> variations) {
        Product.Builder shirt = Product.builder("CAM", "Camiseta").category("roupas").price(new BigDecimal("49.90"));
        variations.forEach(shirt::variation);
        return Catalog.builder().category(Category.root("roupas", "Roupas")).product(shirt.build()).build();
    }

    private static List<Variation> base() {
        return List.of(v("CAM-AZ-P", "Azul", "P", "7891000315507"), v("CAM-AZ-M", "Azul", "M", "7891000100103"),
                v("CAM-VM-P", "Vermelho", "P", null));
    }

    private SyncEngine engine(Catalog catalog) {
        return SyncEngine.builder().account("acme").source(CatalogSource.of(catalog)).remote(remote).state(state)
                .clock(clock).build();
    }

    private ApplyReport sync(Catalog catalog, PlanOptions options) {
        clock.advance(Duration.ofMinutes(5));
        ApplyReport report = engine(catalog).sync(options);
        assertThat(report.hasFailures()).as(report.toString()).isFalse();
        return report;
    }

    private void assertSecondPlanEmpty(Catalog catalog, PlanOptions options) {
        clock.advance(Duration.ofMinutes(5));
        SyncPlan again = engine(catalog).plan(options);
        assertThat(again.changes()).as(PlanFormat.TEXT.render(again)).isEmpty();
    }

    private RemoteProduct family() {
        return remote.productsWithSku("CAM").get(0);
    }

    private static List<String> skus(RemoteProduct p) {
        return p.variations().stream().map(x -> x.sku().orElse("")).toList();
    }

    @Test
    void aFamilyIsCreatedInOneWriteWithItsVariations() {
        Catalog catalog = catalog(base());
        SyncPlan plan = engine(catalog).plan(PlanOptions.defaults());
        Change.CreateProduct create = plan.changes().stream().filter(c -> c instanceof Change.CreateProduct)
                .map(Change.CreateProduct.class::cast).findFirst().orElseThrow();
        assertThat(create.variations()).extracting(VariationEntry::sku)
                .containsExactly("CAM-AZ-P", "CAM-AZ-M", "CAM-VM-P");
        assertThat(PlanFormat.TEXT.render(plan)).contains("variation CAM-AZ-M: \"Cor:Azul;Tamanho:M\"");

        sync(catalog, PlanOptions.defaults());

        assertThat(remote.calls(InMemoryCatalogRemote.Call.CREATE_PRODUCT)).isEqualTo(1);
        RemoteProduct p = family();
        assertThat(skus(p)).containsExactly("CAM-AZ-P", "CAM-AZ-M", "CAM-VM-P");
        assertThat(p.variations().get(1).options()).containsExactly(Map.entry("Cor", "Azul"), Map.entry("Tamanho", "M"));
        assertThat(p.variations().get(0).gtin()).contains("7891000315507");
        assertThat(p.variations().get(2).price()).contains(new BigDecimal("49.90"));
        assertSecondPlanEmpty(catalog, PlanOptions.defaults());
    }

    @Test
    void aVariationIsAddedAndAnotherChangedInOneWriteThatCarriesEveryVariation() {
        sync(catalog(base()), PlanOptions.defaults());
        List<Variation> next = new ArrayList<>(base());
        next.set(2, v("CAM-VM-P", "Vinho", "P", "7891000053508"));
        next.add(v("CAM-AZ-G", "Azul", "G", null));
        Catalog catalog = catalog(next);
        remote.resetCalls();

        sync(catalog, PlanOptions.defaults());

        assertThat(remote.calls(InMemoryCatalogRemote.Call.UPDATE_VARIATIONS)).isEqualTo(1);
        assertThat(remote.deletedVariations()).isEmpty();
        RemoteProduct p = family();
        assertThat(skus(p)).containsExactly("CAM-AZ-P", "CAM-AZ-M", "CAM-VM-P", "CAM-AZ-G");
        assertThat(p.variations().get(2).options()).containsEntry("Cor", "Vinho");
        assertThat(p.variations().get(2).gtin()).contains("7891000053508");
        assertSecondPlanEmpty(catalog, PlanOptions.defaults());
    }

    @Test
    void aVariationTheCatalogDropsIsKeptWithoutPruneAndRemovedOnlyWithIt() {
        sync(catalog(base()), PlanOptions.defaults());
        long dropped = family().variations().get(1).id();
        Catalog catalog = catalog(List.of(base().get(0), base().get(2)));

        SyncPlan plan = engine(catalog).plan(PlanOptions.defaults());
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.attention()).anySatisfy(a -> assertThat(a.reason()).contains("CAM-AZ-M")
                .contains("a plan with prune removes it"));
        sync(catalog, PlanOptions.defaults());
        assertThat(skus(family())).contains("CAM-AZ-M");

        SyncPlan pruning = engine(catalog).plan(PlanOptions.defaults().withPrune(true));
        assertThat(pruning.changes()).singleElement().satisfies(c -> {
            assertThat(c.destructive()).isTrue();
            assertThat(PlanFormat.TEXT.render(pruning)).contains("variation CAM-AZ-M: \"Cor:Azul;Tamanho:M\" -> \"(removed)\"");
        });
        sync(catalog, PlanOptions.defaults().withPrune(true));

        assertThat(skus(family())).containsExactly("CAM-AZ-P", "CAM-VM-P");
        assertThat(remote.deletedVariations()).containsExactly(dropped);
        assertSecondPlanEmpty(catalog, PlanOptions.defaults().withPrune(true));
    }

    @Test
    void aVariationRenamedByHandIsDriftAndTheCatalogWins() {
        Catalog catalog = catalog(base());
        sync(catalog, PlanOptions.defaults());
        RemoteVariation m = family().variations().get(1);
        clock.advance(Duration.ofMinutes(5));
        remote.editVariation(m.id(), Map.of("Cor", "Azul", "Tamanho", "GG"), ProductChanges.none());

        SyncPlan plan = engine(catalog).plan(PlanOptions.defaults());
        assertThat(plan.drift()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("CAM-AZ-M");
            assertThat(d.field()).isEqualTo("options");
        });
        sync(catalog, PlanOptions.defaults());

        assertThat(family().variations().get(1).options()).containsEntry("Tamanho", "M");
        assertThat(remote.deletedVariations()).isEmpty();
        assertSecondPlanEmpty(catalog, PlanOptions.defaults());
    }

    @Test
    void aFamilyPlanReadsBackFromItsJson() {
        sync(catalog(base()), PlanOptions.defaults());
        List<Variation> next = new ArrayList<>(base().subList(0, 2));
        next.add(v("CAM-AZ-G", "Azul", "G", null));
        SyncPlan plan = engine(catalog(next)).plan(PlanOptions.defaults().withPrune(true));
        assertThat(plan.changes()).hasSize(1);

        String json = PlanFormat.JSON.render(plan);
        SyncPlan read = PlanFormat.parseJson(json);

        assertThat(read.changes()).isEqualTo(plan.changes());
        assertThat(PlanFormat.JSON.render(read)).isEqualTo(json);
        Change.UpdateVariations u = (Change.UpdateVariations) read.changes().get(0);
        assertThat(u.variations()).extracting(VariationEntry::action).containsExactly(VariationEntry.Action.KEEP,
                VariationEntry.Action.KEEP, VariationEntry.Action.ADD, VariationEntry.Action.REMOVE);
    }

    @Test
    void theAuditReportsFamilyProblemsAndOrphanVariations() {
        sync(catalog(base()), PlanOptions.defaults());
        RemoteProduct p = family();
        clock.advance(Duration.ofMinutes(5));
        // By hand: one variation renamed to another's options, another to other option names.
        remote.editVariation(p.variations().get(1).id(), Map.of("Cor", "Azul", "Tamanho", "P"), ProductChanges.none());
        remote.editVariation(p.variations().get(2).id(), Map.of("Cor", "Vermelho"), ProductChanges.none());
        remote.addProduct(InMemoryCatalogRemote.product("ORFA-1", "Variação sem pai"), "P", true);

        AuditReport audit = engine(catalog(base())).audit();
        assertThat(audit.findings()).extracting(AuditFinding::kind).contains("duplicate-variation-combination",
                "inconsistent-variation-options");

        // Orphans show in an audit that lists the whole account (the first, or a full refresh).
        AuditReport full = SyncEngine.builder().account("acme").source(CatalogSource.of(catalog(base())))
                .remote(remote).state(new InMemorySyncStateStore()).clock(clock).build().audit();
        assertThat(full.findings()).filteredOn(f -> f.kind().equals("orphan-variation")).singleElement()
                .satisfies(f -> assertThat(f.key()).isEqualTo("ORFA-1"));
    }

    @Test
    void variationsAreLinkedToAStoreLikeTheirParent() {
        remote.addStore(77, "ML", "MercadoLivre");
        Product.Builder shirt = Product.builder("CAM", "Camiseta").category("roupas").price(new BigDecimal("49.90"));
        base().forEach(shirt::variation);
        Catalog catalog = Catalog.builder().category(Category.root("roupas", "Roupas")).product(shirt.build())
                .store(new io.cathalog.core.model.Store("ml", 77, "mercadolivre", "ML", Map.of("roupas", "MLB31447")))
                .build();

        sync(catalog, PlanOptions.defaults());

        List<Long> ids = new ArrayList<>(List.of(family().id()));
        family().variations().forEach(x -> ids.add(x.id()));
        assertThat(remote.productStoreLinksNow(77)).extracting(l -> l.productId()).containsExactlyInAnyOrderElementsOf(ids);
        // A variation added later is linked in the same run that adds it.
        Product.Builder more = Product.builder("CAM", "Camiseta").category("roupas").price(new BigDecimal("49.90"));
        base().forEach(more::variation);
        more.variation(v("CAM-AZ-G", "Azul", "G", null));
        Catalog next = Catalog.builder().category(Category.root("roupas", "Roupas")).product(more.build())
                .store(catalog.stores().get(0)).build();
        sync(next, PlanOptions.defaults());
        assertThat(remote.productStoreLinksNow(77)).hasSize(5);
        assertSecondPlanEmpty(next, PlanOptions.defaults());
    }

    @Test
    void aPlanSavedInFormat20StillReads() {
        SyncPlan plan = engine(catalog(base())).plan(PlanOptions.defaults());
        String json = PlanFormat.JSON.render(plan);
        assertThat(json).contains("\"format_version\" : \"2.4\"");
        // A 2.0 file has no families; its changes read as before.
        String simple = PlanFormat.JSON.render(engine(Catalog.builder().category(Category.root("roupas", "Roupas"))
                .product(Product.builder("S", "Simples").category("roupas").build()).build()).plan(PlanOptions.defaults()));
        SyncPlan old = PlanFormat.parseJson(simple.replace("\"2.4\"", "\"2.0\""));
        assertThat(old.changes()).extracting(Change::key).contains("S");
    }

    @Test
    void aParentWriteNeverDeletesAVariation() {
        sync(catalog(base()), PlanOptions.defaults());
        Product.Builder renamed = Product.builder("CAM", "Camiseta básica").category("roupas")
                .price(new BigDecimal("59.90"));
        base().forEach(renamed::variation);
        Catalog catalog = Catalog.builder().category(Category.root("roupas", "Roupas")).product(renamed.build()).build();

        sync(catalog, PlanOptions.defaults().withPrune(true));

        assertThat(family().name()).isEqualTo("Camiseta básica");
        assertThat(skus(family())).hasSize(3);
        assertThat(family().variations()).allSatisfy(x -> assertThat(x.price()).contains(new BigDecimal("59.90")));
        assertThat(remote.deletedVariations()).isEmpty();
        assertSecondPlanEmpty(catalog, PlanOptions.defaults());
    }

    @SuppressWarnings("unused")
    private static ProductChanges price(String p) {
        return new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new BigDecimal(p)), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }
}
