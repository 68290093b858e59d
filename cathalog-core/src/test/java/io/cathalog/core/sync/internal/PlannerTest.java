package io.cathalog.core.sync.internal;

import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.RemoteOperation;
import io.cathalog.core.sync.Assignment;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.CategoryRef;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.DriftPolicy;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.FieldDrift;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductRef;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;

import static io.cathalog.core.sync.internal.Observed.remote;
import static org.assertj.core.api.Assertions.assertThat;

/** The planner alone: a pure function of the catalog, the observation, the id map and the options. */
class PlannerTest {
    private static final long STORE = 77;

    /** The ERP, with the catalog's store among its sales channels. */
    private static Observed erp() {
        return Observed.erp().store(STORE);
    }
    private static final ToIntFunction<RemoteOperation> ONE_EACH = op -> 1;

    // ------------------------------------------------------------------ the world of most tests

    /**
     * A catalog and an ERP that differ in every way the planner knows: a category to rename, two to
     * create (one under the other), one to move, one to prune; a product to update and one to
     * create; a custom field to create; store category and product links to create and to update.
     */
    private static Catalog everyKindCatalog() {
        return Catalog.builder()
                .category(Category.root("audio", "Audio"))
                .category(Category.root("new", "Novos"))
                .category(Category.child("new-sub", "Sub", "new"))
                .category(Category.child("moving", "Mover", "audio"))
                .product(Product.builder("S1", "Fone").category("audio").price(new BigDecimal("12.00"))
                        .attribute("Voltagem", AttributeValue.text("220")).build())
                .product(Product.builder("S2", "Caixa").category("new").build())
                .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre",
                        Map.of("audio", "MLB1", "new", "MLB2")))
                .build();
    }

    private static Observation everyKindErp() {
        return erp().category(20, "Audio velho").category(30, "Velha").category(40, "Mover")
                .product(remote(101, "S1", "Fone", OptionalLong.of(20), Optional.of(new BigDecimal("10")), List.of()))
                .categoryLink(500, STORE, 20, "MLB0", "Old name")
                .productLink(600, STORE, 101, "MLB-LISTING-1", List.of(30L))
                .members(30)
                .build();
    }

    private static final Map<String, Long> EVERY_KIND_IDS = Map.of("audio", 20L, "moving", 40L);

    private static Planner.Input input(Catalog catalog, Observation observed, Map<String, Long> ids, PlanOptions options) {
        return new Planner.Input("acme", catalog, observed, ids, options, ProductScope.everything(), 2.0,
                MarketplaceCheck.NONE, ONE_EACH);
    }

    private static SyncPlan plan(Catalog catalog, Observation observed, Map<String, Long> ids, PlanOptions options) {
        return Planner.plan(input(catalog, observed, ids, options)).plan();
    }

    private static final PlanOptions EVERYTHING = PlanOptions.defaults().withPrune(true).withMoves(true);

    private static <T extends Change> List<T> changes(SyncPlan plan, Class<T> kind) {
        return plan.changes().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T extends Change> T only(SyncPlan plan, Class<T> kind) {
        List<T> all = changes(plan, kind);
        assertThat(all).as(kind.getSimpleName()).hasSize(1);
        return all.get(0);
    }

    // ------------------------------------------------------------------ every kind

    @Test
    void everyChangeKindIsPlannedInApplyOrder() {
        SyncPlan plan = plan(everyKindCatalog(), everyKindErp(), EVERY_KIND_IDS, EVERYTHING);

        assertThat(plan.changes()).extracting(c -> c.getClass().getSimpleName() + " " + c.key()).containsExactly(
                "CreateCustomField Voltagem",
                "RenameCategory audio",
                "CreateCategory new",
                "ReplaceCategory moving",
                "CreateCategory new-sub",
                "UpdateProduct S1",
                "CreateProduct S2",
                "UpdateStoreCategoryLink ml/audio",
                "CreateStoreCategoryLink ml/new",
                "UpdateProductStoreLink ml/S1",
                "CreateProductStoreLink ml/S2",
                "DeleteCategory moving",
                "DeleteCategory #30");

        assertThat(only(plan, Change.CreateCustomField.class).name()).isEqualTo("Voltagem");
        Change.RenameCategory rename = only(plan, Change.RenameCategory.class);
        assertThat(rename.id()).isEqualTo(20);
        assertThat(rename.oldName()).isEqualTo("Audio velho");
        assertThat(rename.name()).isEqualTo("Audio");

        Change.UpdateProduct update = only(plan, Change.UpdateProduct.class);
        assertThat(update.id()).isEqualTo(101);
        assertThat(update.values().price()).contains(new Assignment<>(Optional.of("10"), new BigDecimal("12.00"),
                Optional.empty()));
        assertThat(update.values().custom()).containsOnlyKeys("Voltagem");
        assertThat(update.values().custom().get("Voltagem").after()).isEqualTo("220");
        assertThat(update.values().name()).isEmpty();
        assertThat(update.values().category()).as("already in its category").isEmpty();

        Change.CreateProduct create = only(plan, Change.CreateProduct.class);
        assertThat(create.values().name().orElseThrow().after()).isEqualTo("Caixa");

        Change.UpdateStoreCategoryLink catLink = only(plan, Change.UpdateStoreCategoryLink.class);
        assertThat(catLink.linkId()).isEqualTo(500);
        assertThat(catLink.category()).isEqualTo(CategoryRef.existing("audio", 20));
        assertThat(catLink.marketplaceCategory().before()).contains("MLB0");
        assertThat(catLink.marketplaceCategory().after()).isEqualTo("MLB1");
        assertThat(catLink.description().after()).isEqualTo("Audio");

        Change.UpdateProductStoreLink prodLink = only(plan, Change.UpdateProductStoreLink.class);
        assertThat(prodLink.linkId()).isEqualTo(600);
        assertThat(prodLink.product()).isEqualTo(ProductRef.existing("S1", 101));
        assertThat(prodLink.category().after()).isEqualTo(CategoryRef.existing("audio", 20));
        assertThat(prodLink.category().before()).contains("Velha");

        Change.ReplaceCategory replace = only(plan, Change.ReplaceCategory.class);
        assertThat(replace.oldId()).isEqualTo(40);
        assertThat(replace.parent()).contains(CategoryRef.existing("audio", 20));
        assertThat(replace.oldParent()).isEqualTo("the root");
    }

    @Test
    void referencesToWhatThePlanCreatesArePlannedRefs() {
        SyncPlan plan = plan(everyKindCatalog(), everyKindErp(), EVERY_KIND_IDS, EVERYTHING);

        Change.CreateCategory sub = changes(plan, Change.CreateCategory.class).stream()
                .filter(c -> c.key().equals("new-sub")).findFirst().orElseThrow();
        assertThat(sub.parent()).contains(CategoryRef.planned("new"));
        assertThat(only(plan, Change.CreateProduct.class).values().category().orElseThrow().after())
                .isEqualTo(CategoryRef.planned("new"));
        assertThat(only(plan, Change.CreateStoreCategoryLink.class).category()).isEqualTo(CategoryRef.planned("new"));
        Change.CreateProductStoreLink link = only(plan, Change.CreateProductStoreLink.class);
        assertThat(link.product()).isEqualTo(ProductRef.planned("S2"));
        assertThat(link.category()).isEqualTo(CategoryRef.planned("new"));
        assertThat(link.code()).isEqualTo("S2");
        // A category the ERP has is referred to by its id.
        assertThat(only(plan, Change.ReplaceCategory.class).parent()).contains(CategoryRef.existing("audio", 20));
    }

    @Test
    void aProductMovingIntoAReplacedCategoryRefersToTheNewOne() {
        Catalog catalog = Catalog.builder()
                .category(Category.root("a", "A"))
                .category(Category.child("b", "B", "a"))
                .product(Product.builder("P", "Produto").category("b").build())
                .build();
        Observation seen = erp().category(1, "A").category(2, "B")
                .product(remote(9, "P", "Produto", 2)).build();

        SyncPlan plan = plan(catalog, seen, Map.of("a", 1L, "b", 2L), PlanOptions.defaults().withMoves(true));

        assertThat(only(plan, Change.UpdateProduct.class).values().category().orElseThrow().after())
                .isEqualTo(CategoryRef.planned("b"));
        assertThat(plan.changes().get(plan.changes().size() - 1)).isEqualTo(new Change.DeleteCategory("b", 2, "B"));
    }

    // ------------------------------------------------------------------ moves

    @Test
    void withoutAllowMovesAMovedCategoryIsReportedNotReplaced() {
        SyncPlan plan = plan(everyKindCatalog(), everyKindErp(), EVERY_KIND_IDS, PlanOptions.defaults());

        assertThat(changes(plan, Change.ReplaceCategory.class)).isEmpty();
        assertThat(changes(plan, Change.DeleteCategory.class)).isEmpty();
        assertThat(plan.attention()).anySatisfy(a -> {
            assertThat(a.key()).isEqualTo("moving");
            assertThat(a.reason()).contains("allowMoves");
        });
        assertThat(plan.categoryIds()).containsEntry("moving", 40L);
    }

    @Test
    void withAllowMovesAMovedCategoryIsReplacedAndTheOldOneDeletedLast() {
        SyncPlan plan = plan(everyKindCatalog(), everyKindErp(), EVERY_KIND_IDS, PlanOptions.defaults().withMoves(true));

        assertThat(only(plan, Change.ReplaceCategory.class).key()).isEqualTo("moving");
        assertThat(plan.changes().get(plan.changes().size() - 1)).isEqualTo(new Change.DeleteCategory("moving", 40,
                "Mover"));
        assertThat(plan.categoryIds()).doesNotContainKey("moving");
    }

    @Test
    void theOldCategoryOfAReplacementIsNeitherPrunedNorReportedAsUnknown() {
        Observation seen = everyKindErp();
        Observation withMembers = new Observation(seen.at(), seen.stores(), seen.categories(), seen.products(),
                seen.previous(), seen.unkeyed(), seen.customFields(), seen.categoryLinks(), seen.productLinks(),
                Map.of(30L, List.of(), 40L, List.of()));

        SyncPlan plan = plan(everyKindCatalog(), withMembers, EVERY_KIND_IDS, EVERYTHING);

        assertThat(changes(plan, Change.DeleteCategory.class)).extracting(Change::key).containsExactly("moving", "#30");
        assertThat(plan.attention()).extracting(AttentionItem::key).doesNotContain("#40");
    }

    @Test
    void replacedCategoriesAreDeletedChildrenFirst() {
        Catalog catalog = Catalog.builder()
                .category(Category.root("y", "Y"))
                .category(Category.child("x", "X", "y"))
                .category(Category.child("z", "Z", "x"))
                .build();
        Observation seen = erp().category(1, "Y").category(2, "X").category(3, "Z", 2).category(4, "Stray", 2)
                .members(4).build();

        SyncPlan plan = plan(catalog, seen, Map.of("y", 1L, "x", 2L, "z", 3L), EVERYTHING);

        assertThat(changes(plan, Change.ReplaceCategory.class)).extracting(Change::key).containsExactly("x", "z");
        assertThat(changes(plan, Change.DeleteCategory.class)).extracting(Change.DeleteCategory::id)
                .containsExactly(3L, 4L, 2L);
    }

    // ------------------------------------------------------------------ prune

    @Test
    void withoutPruneNothingIsDeleted() {
        SyncPlan plan = plan(everyKindCatalog(), everyKindErp(), EVERY_KIND_IDS, PlanOptions.defaults());

        assertThat(changes(plan, Change.DeleteCategory.class)).isEmpty();
    }

    @Test
    void pruneDeletesOnlyEmptyCategoriesChildrenFirst() {
        Catalog catalog = Catalog.builder()
                .category(Category.root("keep", "Keep"))
                .product(Product.builder("MOVES", "Moves out").category("keep").build())
                .build();
        Observation seen = erp()
                .category(1, "Keep")
                .category(10, "Old root").category(11, "Old child", 10).category(12, "Old grandchild", 11)
                .category(20, "Has a stranger")
                .category(30, "Emptied by the plan")
                .category(40, "Unlisted members")
                .category(50, "Parent of a stranger's home").category(51, "Stranger's home", 50)
                .product(remote(900, "MOVES", "Moves out", 30))
                .members(10).members(11).members(12)
                .members(20, 901L)
                .members(30, 900L)
                .members(50).members(51, 902L)
                .build();

        SyncPlan plan = plan(catalog, seen, Map.of("keep", 1L), PlanOptions.defaults().withPrune(true));

        assertThat(changes(plan, Change.DeleteCategory.class)).extracting(Change.DeleteCategory::id)
                .containsExactly(12L, 11L, 10L, 30L);
        assertThat(only(plan, Change.UpdateProduct.class).values().category().orElseThrow().after())
                .isEqualTo(CategoryRef.existing("keep", 1));
        assertThat(plan.attention()).filteredOn(a -> a.entity() == EntityKind.CATEGORY)
                .extracting(AttentionItem::key).containsExactlyInAnyOrder("#20", "#40", "#50", "#51");
        assertThat(plan.attention()).filteredOn(a -> a.key().equals("#50")).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("still has categories"));
        assertThat(changes(plan, Change.DeleteCategory.class).get(0))
                .isEqualTo(new Change.DeleteCategory("#12", 12, "Old root > Old child > Old grandchild"));
    }

    // ------------------------------------------------------------------ drift

    /** The catalog says 10; the engine last wrote 10; someone changed it to 15 by hand in the ERP. */
    private static SyncPlan driftPlan(DriftPolicy policy) {
        Catalog catalog = Catalog.builder().category(Category.root("a", "A"))
                .product(Product.builder("D", "Drifted").category("a").price(new BigDecimal("10")).build())
                .build();
        Observation seen = erp().category(1, "A")
                .product(remote(5, "D", "Drifted", OptionalLong.of(1), Optional.of(new BigDecimal("15")), List.of()))
                .baseline(remote(5, "D", "Drifted", OptionalLong.of(1), Optional.of(new BigDecimal("10")), List.of()))
                .build();
        return plan(catalog, seen, Map.of("a", 1L), PlanOptions.defaults().withDrift(policy));
    }

    @ParameterizedTest
    @EnumSource(DriftPolicy.class)
    void driftIsReportedUnderEveryPolicy(DriftPolicy policy) {
        SyncPlan plan = driftPlan(policy);

        assertThat(plan.drift()).containsExactly(new FieldDrift(EntityKind.PRODUCT, "D", "price", Optional.of("10"),
                Optional.of("15")));
        assertThat(plan.driftPolicy()).isEqualTo(policy);
    }

    @Test
    void overwriteWritesTheCatalogsValueBack() {
        SyncPlan plan = driftPlan(DriftPolicy.OVERWRITE);

        assertThat(only(plan, Change.UpdateProduct.class).values().price().orElseThrow().after())
                .isEqualByComparingTo("10");
    }

    @Test
    void keepRemoteLeavesTheEditedValueAlone() {
        SyncPlan plan = driftPlan(DriftPolicy.KEEP_REMOTE);

        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void failPlansTheWriteButTheEngineRefusesToApplyIt() {
        SyncPlan plan = driftPlan(DriftPolicy.FAIL);

        // The plan shows what would be written; DefaultSyncEngine refuses it (EngineTest).
        assertThat(only(plan, Change.UpdateProduct.class).values().price()).isPresent();
    }

    @Test
    void aChangeInTheErpThatTheCatalogDoesNotManageIsNoDrift() {
        Catalog catalog = Catalog.builder().category(Category.root("a", "A"))
                .product(Product.builder("D", "Drifted").category("a").build())
                .build();
        Observation seen = erp().category(1, "A")
                .product(remote(5, "D", "Drifted", OptionalLong.of(1), Optional.of(new BigDecimal("15")), List.of()))
                .baseline(remote(5, "D", "Drifted", OptionalLong.of(1), Optional.of(new BigDecimal("10")), List.of()))
                .build();

        SyncPlan plan = plan(catalog, seen, Map.of("a", 1L), PlanOptions.defaults());

        assertThat(plan.drift()).isEmpty();
        assertThat(plan.changes()).isEmpty();
    }

    // ------------------------------------------------------------------ rule precedence

    @Test
    void attributeRulesApplyInPrecedenceOrder() {
        Catalog catalog = Catalog.builder().category(Category.root("a", "A"))
                .attributeRule(new AttributeRule("cor-override", Optional.empty(), "Cor",
                        new AttributeSource.Overrides(Map.of("OVR", AttributeValue.text("verde")))))
                .attributeRule(new AttributeRule("cor-constant", Optional.empty(), "Cor",
                        new AttributeSource.Constant(AttributeValue.text("preto"))))
                .attributeRule(new AttributeRule("material-default", Optional.empty(), "Material",
                        new AttributeSource.Default(AttributeValue.text("misto"))))
                .attributeRule(new AttributeRule("material-name", Optional.empty(), "Material",
                        new AttributeSource.FromName("(algodao|poliester)", AttributeSource.ValueKind.TEXT,
                                Optional.empty())))
                .product(Product.builder("OVR", "Camisa").category("a").build())
                .product(Product.builder("CONST", "Camisa").category("a")
                        .attribute("Cor", AttributeValue.text("azul")).build())
                .product(Product.builder("OWN", "Camisa de algodão").category("a")
                        .attribute("Material", AttributeValue.text("seda")).build())
                .product(Product.builder("DERIVED", "Camisa de Algodão").category("a").build())
                .product(Product.builder("DEFAULT", "Camisa").category("a").build())
                .build();
        Observation seen = erp().category(1, "A").customField(7, "Cor").customField(8, "Material").build();

        SyncPlan plan = plan(catalog, seen, Map.of("a", 1L), PlanOptions.defaults());

        assertThat(custom(plan, "OVR", "Cor")).isEqualTo(ruled("verde", "cor-override"));
        assertThat(custom(plan, "CONST", "Cor")).isEqualTo(ruled("preto", "cor-constant"));
        assertThat(custom(plan, "OWN", "Material")).isEqualTo(Assignment.of("seda"));
        assertThat(custom(plan, "DERIVED", "Material"))
                .isEqualTo(ruled("algodao", "material-name"));
        assertThat(custom(plan, "DEFAULT", "Material"))
                .isEqualTo(ruled("misto", "material-default"));
    }

    private static Assignment<String> ruled(String value, String rule) {
        return new Assignment<>(Optional.empty(), value, Optional.of(rule));
    }

    private static Assignment<String> custom(SyncPlan plan, String sku, String field) {
        return changes(plan, Change.CreateProduct.class).stream().filter(c -> c.sku().equals(sku)).findFirst()
                .orElseThrow(() -> new AssertionError("no creation of " + sku)).values().custom().get(field);
    }

    @Test
    void theErpsOwnValueCountsAsTheProductsOwn() {
        Catalog catalog = Catalog.builder().category(Category.root("a", "A"))
                .attributeRule(new AttributeRule("material-default", Optional.empty(), "Material",
                        new AttributeSource.Default(AttributeValue.text("misto"))))
                .product(Product.builder("P", "Camisa").category("a").build())
                .build();
        Observation seen = erp().category(1, "A").customField(8, "Material")
                .product(remote(3, "P", "Camisa", OptionalLong.of(1), Optional.empty(),
                        List.of(new CustomFieldValue(8, OptionalLong.of(80), "linho"))))
                .build();

        SyncPlan plan = plan(catalog, seen, Map.of("a", 1L), PlanOptions.defaults());

        assertThat(plan.changes()).as("the default does not replace the ERP's value").isEmpty();
    }

    // ------------------------------------------------------------------ determinism and estimate

    @Test
    void theSameInputGivesAnEqualPlan() {
        SyncPlan first = plan(everyKindCatalog(), everyKindErp(), EVERY_KIND_IDS, EVERYTHING);
        SyncPlan second = plan(everyKindCatalog(), everyKindErp(), EVERY_KIND_IDS, EVERYTHING);

        assertThat(second).isEqualTo(first);
        assertThat(second.toJson()).isEqualTo(first.toJson());
    }

    @Test
    void theOrderTheErpListsThingsInDoesNotChangeThePlan() {
        Observation seen = everyKindErp();
        List<io.cathalog.core.remote.RemoteCategory> reversed = new ArrayList<>(seen.categories());
        Collections.reverse(reversed);
        Observation shuffled = new Observation(seen.at(), seen.stores(), reversed, seen.products(), seen.previous(),
                seen.unkeyed(), seen.customFields(), seen.categoryLinks(), seen.productLinks(), seen.categoryMembers());

        assertThat(plan(everyKindCatalog(), shuffled, EVERY_KIND_IDS, EVERYTHING))
                .isEqualTo(plan(everyKindCatalog(), seen, EVERY_KIND_IDS, EVERYTHING));
    }

    @Test
    void theEstimateUsesTheRemotesCosts() {
        Catalog catalog = Catalog.builder().category(Category.root("a", "A")).category(Category.root("b", "B"))
                .product(Product.builder("P", "Produto").category("a").build())
                .build();
        Planner.Input in = new Planner.Input("acme", catalog, erp().build(), Map.of(), PlanOptions.defaults(),
                ProductScope.everything(), 2.0, MarketplaceCheck.NONE,
                op -> op == RemoteOperation.CREATE_CATEGORY ? 7 : op == RemoteOperation.CREATE_PRODUCT ? 5 : 1000);

        SyncPlan plan = Planner.plan(in).plan();

        assertThat(plan.changes()).hasSize(3);
        assertThat(plan.estimatedRequests()).isEqualTo(7 + 7 + 5);
        assertThat(plan.estimatedDuration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aNewCustomValueCostsTheReadBackOfItsProduct() {
        Catalog catalog = Catalog.builder().category(Category.root("a", "A"))
                .product(Product.builder("P", "Produto").category("a")
                        .attribute("Cor", AttributeValue.text("azul")).build())
                .build();
        Observation seen = erp().category(1, "A").customField(7, "Cor")
                .product(remote(3, "P", "Produto", 1)).build();
        Planner.Input in = new Planner.Input("acme", catalog, seen, Map.of("a", 1L), PlanOptions.defaults(),
                ProductScope.everything(), 2.0, MarketplaceCheck.NONE,
                op -> op == RemoteOperation.UPDATE_PRODUCT ? 3 : op == RemoteOperation.READ_PRODUCT ? 4 : 1000);

        SyncPlan plan = Planner.plan(in).plan();

        assertThat(plan.changes()).hasSize(1);
        assertThat(plan.estimatedRequests()).isEqualTo(3 + 4);
    }

    @Test
    void aStoreTheErpDoesNotHaveNeedsAttentionAndGetsNothingPlanned() {
        Catalog catalog = Catalog.builder().category(Category.root("audio", "Audio"))
                .product(Product.builder("S1", "Fone").category("audio").build())
                .store(new Store("ml", 404, "mercadolivre", "Mercado Livre", Map.of("audio", "MLB1")))
                .build();
        Observation seen = erp().category(20, "Audio").product(remote(101, "S1", "Fone", OptionalLong.of(20),
                Optional.empty(), List.of())).build();

        SyncPlan plan = Planner.plan(new Planner.Input("acme", catalog, seen, Map.of(), PlanOptions.defaults(),
                ProductScope.everything(), 2.85, MarketplaceCheck.NONE, op -> 1)).plan();

        assertThat(plan.changes()).as("no link to a store that would refuse it at apply").isEmpty();
        assertThat(plan.attention()).singleElement().satisfies(a -> {
            assertThat(a.store()).contains("ml");
            assertThat(a.reason()).contains("no store #404").contains("#" + STORE);
        });
    }

    @Test
    void aProductThatNeedsAttentionForAStoreGetsWhatCanBeFilledButNoNewLinkThere() {
        Catalog catalog = Catalog.builder().category(Category.root("audio", "Audio"))
                .product(Product.builder("BAD", "Fone sem marca").category("audio").build())
                .product(Product.builder("GOOD", "Fone com marca").category("audio").build())
                .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre", Map.of("audio", "MLB1")))
                .build();
        Observation seen = erp().category(20, "Audio")
                .product(remote(101, "BAD", "Fone sem marca", OptionalLong.of(20), Optional.empty(), List.of()))
                .product(remote(102, "GOOD", "Fone com marca", OptionalLong.of(20), Optional.empty(), List.of()))
                .categoryLink(500, STORE, 20, "MLB1", "Audio")
                .customField(900, "Mercado Livre: Cor [COLOR]")
                .build();
        MarketplaceCheck marketplace = (product, store, category) -> product.sku().equals("BAD")
                ? new MarketplaceCheck.Verdict(new java.util.TreeMap<>(Map.of("Mercado Livre: Cor [COLOR]", "Preto")),
                        List.of("Mercado Livre: BRAND: required"))
                : new MarketplaceCheck.Verdict(new java.util.TreeMap<>(Map.of("Mercado Livre: Cor [COLOR]", "Branco")),
                        List.of());

        SyncPlan plan = Planner.plan(new Planner.Input("acme", catalog, seen, Map.of(), PlanOptions.defaults(),
                ProductScope.everything(), 2.85, marketplace, op -> 1)).plan();

        assertThat(plan.changes()).as("both get the values that can be filled; only the accepted one is linked")
                .extracting(Change::key).containsExactly("BAD", "GOOD", "ml/GOOD");
        assertThat(plan.attention()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("BAD");
            assertThat(a.store()).contains("ml");
            assertThat(a.reason()).contains("BRAND");
        });
    }

    @Test
    void theEstimateCountsTheReadsAnApplyMakesAgainAndSaysSo() {
        Catalog catalog = Catalog.builder().category(Category.root("audio", "Audio"))
                .product(Product.builder("S1", "Fone novo").category("audio").build()).build();
        Observation built = erp().category(20, "Audio").product(remote(101, "S1", "Fone", OptionalLong.of(20),
                Optional.empty(), List.of())).build();
        Observation seen = new Observation(built.at(), built.stores(), built.categories(), built.products(),
                built.previous(), built.unkeyed(), built.customFields(), built.categoryLinks(), built.productLinks(),
                built.categoryMembers(), 7);

        SyncPlan plan = Planner.plan(new Planner.Input("acme", catalog, seen, Map.of(), PlanOptions.defaults(),
                ProductScope.everything(), 2.85, MarketplaceCheck.NONE, op -> 1)).plan();

        assertThat(plan.changes()).singleElement().isInstanceOf(Change.UpdateProduct.class);
        assertThat(plan.readRequests()).isEqualTo(7);
        assertThat(plan.writeRequests()).isEqualTo(1);
        assertThat(plan.estimatedRequests()).isEqualTo(8);
        assertThat(plan.summary()).contains("About 8 requests (7 to read the ERP, 1 to write)");
        assertThat(SyncPlan.fromJson(plan.toJson())).isEqualTo(plan);
    }
}
