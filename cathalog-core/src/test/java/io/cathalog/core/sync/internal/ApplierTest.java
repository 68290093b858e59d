package io.cathalog.core.sync.internal;

import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.Assignment;
import io.cathalog.core.sync.CategoryRef;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.ItemOutcome;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductFields;
import io.cathalog.core.sync.ProductRef;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.InMemoryCatalogRemote.Call;
import io.cathalog.core.testing.InMemoryCatalogRemote.Fault;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The applier alone, against the in-memory ERP: outcomes, the journal, look-ups, recovery, stops. */
class ApplierTest {
    private static final String ACCOUNT = "acme";
    private static final long STORE = 77;

    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock).addStore(STORE, "ML", "MercadoLivre");
    private final InMemorySyncStateStore store = new InMemorySyncStateStore();

    private ApplyReport apply(Change... changes) {
        return apply(Observed.erp().build(), changes);
    }

    private ApplyReport apply(Observation observed, Change... changes) {
        return apply(observed, RunControl.none(), changes);
    }

    private ApplyReport apply(Observation observed, RunControl control, Change... changes) {
        Applier applier = new Applier(ACCOUNT, remote, new StateView(ACCOUNT, store), new Recorder(ACCOUNT, store),
                clock, List.of(), SyncProgress.Listener.NONE);
        SyncPlan plan = new SyncPlan(ACCOUNT, List.of(changes), List.of(), List.of(), PlanOptions.defaults(),
                "sha256:test", new java.util.TreeMap<>(), 0, Duration.ZERO);
        return applier.apply(plan, observed, "run-2", control);
    }

    private static ProductFields newProduct(String name, Optional<CategoryRef> category) {
        ProductFields.Builder b = ProductFields.builder().name(Assignment.of(name))
                .status(Assignment.of(ProductStatus.ACTIVE));
        category.ifPresent(c -> b.category(Assignment.of(c)));
        return b.build();
    }

    private static Change.CreateProduct createProduct(String sku) {
        return new Change.CreateProduct(sku, newProduct("Produto " + sku, Optional.empty()));
    }

    /** An earlier run wrote its intent for this change and died before the outcome. */
    private void openIntent(EntityKind entity, String key) {
        store.journal(new JournalEntry(ACCOUNT, "run-1", 1, entity, key, ChangeAction.CREATE, Optional.empty(),
                Optional.empty(), clock.instant()));
    }

    private static List<Outcome> outcomes(ApplyReport report) {
        return report.outcomes().stream().map(ItemOutcome::outcome).toList();
    }

    // ------------------------------------------------------------------ outcomes and journal

    @Test
    void everyItemGetsExactlyOneOutcomeInPlanOrderAndAFailureDoesNotStopTheRun() {
        long category = remote.addCategory("A");
        long id = remote.addProduct(InMemoryCatalogRemote.product("S1", "Um"));
        remote.inject(Call.UPDATE_PRODUCT, Fault.validation("preço inválido"));
        Change[] changes = {
                new Change.CreateCategory("b", "B", Optional.empty()),
                new Change.UpdateProduct("S1", id, ProductFields.builder()
                        .price(Assignment.of(new BigDecimal("5"))).build()),
                createProduct("S2"),
                new Change.RenameCategory("a", category, "A", "A2")};

        ApplyReport report = apply(changes);

        assertThat(report.outcomes()).extracting(ItemOutcome::change).containsExactly(changes);
        assertThat(outcomes(report)).containsExactly(Outcome.CREATED, Outcome.FAILED, Outcome.CREATED, Outcome.UPDATED);
        assertThat(report.outcomes().get(1).error()).hasValueSatisfying(e -> assertThat(e).contains("preço inválido"));
        assertThat(remote.productNow(id).orElseThrow().price()).isEmpty();
    }

    @Test
    void theIntentIsJournaledBeforeTheRequestAndTheOutcomeAfter() {
        List<List<JournalEntry>> openAtTheRequest = new ArrayList<>();
        remote.beforeEachCall(call -> {
            if (call == Call.CREATE_CATEGORY) {
                openAtTheRequest.add(store.unfinished(ACCOUNT));
            }
        });

        apply(new Change.CreateCategory("b", "B", Optional.empty()));

        assertThat(openAtTheRequest).singleElement().satisfies(open -> assertThat(open).singleElement()
                .satisfies(e -> {
                    assertThat(e.key()).isEqualTo("b");
                    assertThat(e.isIntent()).isTrue();
                }));
        long id = remote.categoriesNow().get(0).id();
        List<JournalEntry> journal = store.journalOf(ACCOUNT);
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).outcome()).isEmpty();
        assertThat(journal.get(1).outcome()).contains(Outcome.CREATED);
        assertThat(journal.get(1).remoteId()).contains(id);
        assertThat(journal.get(1).sequence()).isGreaterThan(journal.get(0).sequence());
        assertThat(store.unfinished(ACCOUNT)).isEmpty();
        assertThat(store.remoteId(ACCOUNT, EntityKind.CATEGORY, "b")).contains(id);
    }

    // ------------------------------------------------------------------ journal-guided look-ups

    @Test
    void withoutAnOpenIntentNothingIsLookedUpBeforeCreating() {
        apply(new Change.CreateCustomField("Cor"),
                new Change.CreateCategory("a", "A", Optional.empty()),
                new Change.CreateProduct("S", newProduct("Produto", Optional.of(CategoryRef.planned("a")))),
                new Change.CreateStoreCategoryLink("ml/a", STORE, CategoryRef.planned("a"), "MLB1", "Áudio"),
                new Change.CreateProductStoreLink("ml", STORE, ProductRef.planned("S"), "S", CategoryRef.planned("a")));

        assertThat(remote.calls(Call.CUSTOM_FIELDS)).isZero();
        assertThat(remote.calls(Call.CATEGORIES)).isZero();
        assertThat(remote.calls(Call.PRODUCTS)).isZero();
        assertThat(remote.calls(Call.STORE_CATEGORY_LINKS)).isZero();
        assertThat(remote.calls(Call.PRODUCT_STORE_LINKS)).isZero();
        assertThat(remote.writes()).isEqualTo(5);
    }

    @Test
    void anOpenIntentMakesTheCreationLookItsKeyUpAndAdoptWhatAnEarlierRunMade() {
        long category = remote.addCategory("A");
        long product = remote.addProduct(InMemoryCatalogRemote.product("S", "Produto"));
        long field = remote.addCustomField("Cor");
        openIntent(EntityKind.CATEGORY, "a");
        openIntent(EntityKind.PRODUCT, "S");
        openIntent(EntityKind.CUSTOM_FIELD, "Cor");

        ApplyReport report = apply(new Change.CreateCustomField("Cor"),
                new Change.CreateCategory("a", "A", Optional.empty()),
                new Change.CreateProduct("S", newProduct("Produto", Optional.of(CategoryRef.planned("a")))));

        assertThat(outcomes(report)).containsOnly(Outcome.CREATED);
        assertThat(remote.calls(Call.CUSTOM_FIELDS)).isEqualTo(1);
        assertThat(remote.calls(Call.CATEGORIES)).isEqualTo(1);
        assertThat(remote.calls(Call.PRODUCTS)).isEqualTo(1);
        assertThat(remote.calls(Call.CREATE_CUSTOM_FIELD)).isZero();
        assertThat(remote.calls(Call.CREATE_CATEGORY)).isZero();
        assertThat(remote.calls(Call.CREATE_PRODUCT)).isZero();
        assertThat(remote.customFieldsNow()).hasSize(1);
        assertThat(remote.categoriesNow()).hasSize(1);
        assertThat(remote.productsWithSku("S")).singleElement()
                .satisfies(p -> assertThat(p.categoryId()).hasValue(category));
        assertThat(store.remoteId(ACCOUNT, EntityKind.PRODUCT, "S")).contains(product);
        assertThat(store.remoteId(ACCOUNT, EntityKind.CUSTOM_FIELD, "Cor")).contains(field);
    }

    @Test
    void anOpenIntentWhoseWriteNeverArrivedCreatesAfterTheLookUp() {
        openIntent(EntityKind.PRODUCT, "S");

        ApplyReport report = apply(createProduct("S"));

        assertThat(outcomes(report)).containsExactly(Outcome.CREATED);
        assertThat(remote.calls(Call.PRODUCTS)).isEqualTo(1);
        assertThat(remote.calls(Call.CREATE_PRODUCT)).isEqualTo(1);
        assertThat(remote.productsWithSku("S")).hasSize(1);
    }

    // ------------------------------------------------------------------ lost answers

    @Test
    void aCreationWhoseAnswerWasLostIsFoundNotRepeated() {
        remote.inject(Call.CREATE_PRODUCT, Fault.lostAnswer())
                .inject(Call.CREATE_CATEGORY, Fault.lostAnswer())
                .inject(Call.CREATE_CUSTOM_FIELD, Fault.lostAnswer())
                .inject(Call.CREATE_PRODUCT_STORE_LINK, Fault.lostAnswer());

        ApplyReport report = apply(new Change.CreateCustomField("Cor"),
                new Change.CreateCategory("a", "A", Optional.empty()),
                new Change.CreateProduct("S", newProduct("Produto", Optional.of(CategoryRef.planned("a")))),
                new Change.CreateProductStoreLink("ml", STORE, ProductRef.planned("S"), "S", CategoryRef.planned("a")));

        assertThat(outcomes(report)).containsOnly(Outcome.CREATED);
        assertThat(remote.calls(Call.CREATE_PRODUCT)).isEqualTo(1);
        assertThat(remote.calls(Call.CREATE_CATEGORY)).isEqualTo(1);
        assertThat(remote.calls(Call.CREATE_CUSTOM_FIELD)).isEqualTo(1);
        assertThat(remote.calls(Call.CREATE_PRODUCT_STORE_LINK)).isEqualTo(1);
        RemoteProduct p = remote.productsWithSku("S").get(0);
        assertThat(remote.productsWithSku("S")).hasSize(1);
        assertThat(remote.categoriesNow()).hasSize(1);
        assertThat(remote.customFieldsNow()).hasSize(1);
        assertThat(remote.productStoreLinksNow(STORE)).singleElement()
                .satisfies(l -> assertThat(l.productId()).isEqualTo(p.id()));
        assertThat(store.journalOf(ACCOUNT)).filteredOn(e -> e.key().equals("S")).last()
                .satisfies(e -> assertThat(e.remoteId()).contains(p.id()));
    }

    @Test
    void aCreationThatNeverArrivedFailsWithTheTransportError() {
        remote.inject(Call.CREATE_PRODUCT, Fault.unreachable());

        ApplyReport report = apply(createProduct("S"));

        assertThat(outcomes(report)).containsExactly(Outcome.FAILED);
        assertThat(report.outcomes().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("connection refused"));
        assertThat(remote.productsWithSku("S")).isEmpty();
    }

    // ------------------------------------------------------------------ stop conditions

    @Test
    void aSpentDailyQuotaStopsTheRunAndSkipsTheRest() {
        stopsTheRun(Fault.dailyQuota(), DailyQuotaExceededException.class);
    }

    @Test
    void aDeadAuthorizationStopsTheRunAndSkipsTheRest() {
        stopsTheRun(Fault.reauthorization(), ReauthorizationRequiredException.class);
    }

    private void stopsTheRun(Fault fault, Class<? extends Exception> reason) {
        remote.inject(Call.CREATE_PRODUCT, fault);
        Change[] changes = {
                new Change.CreateCategory("a", "A", Optional.empty()),
                createProduct("S1"),
                createProduct("S2"),
                new Change.CreateCustomField("Cor")};

        ApplyStoppedException stopped = catchThrowableOfType(ApplyStoppedException.class, () -> apply(changes));

        assertThat(stopped).isNotNull();
        assertThat(stopped.getCause()).isInstanceOf(reason);
        assertThat(outcomes(stopped.report())).containsExactly(Outcome.CREATED, Outcome.FAILED, Outcome.SKIPPED,
                Outcome.SKIPPED);
        assertThat(stopped.report().outcomes().get(2).error()).hasValueSatisfying(e -> assertThat(e).contains("stopped"));
        assertThat(remote.calls(Call.CREATE_PRODUCT)).isEqualTo(1);
        assertThat(remote.calls(Call.CREATE_CUSTOM_FIELD)).isZero();
        // Every item has its outcome in the journal: the next run starts clean.
        assertThat(store.unfinished(ACCOUNT)).isEmpty();
        assertThat(store.journalOf(ACCOUNT)).filteredOn(e -> e.key().equals("Cor")).extracting(JournalEntry::outcome)
                .containsExactly(Optional.empty(), Optional.of(Outcome.SKIPPED));
    }

    // ------------------------------------------------------------------ references within a run

    @Test
    void aChangeUsesTheIdOfWhatAnEarlierChangeOfTheRunCreated() {
        ApplyReport report = apply(new Change.CreateCategory("new", "Novos", Optional.empty()),
                new Change.CreateCategory("sub", "Sub", Optional.of(CategoryRef.planned("new"))),
                new Change.CreateProduct("S", newProduct("Produto", Optional.of(CategoryRef.planned("sub")))),
                new Change.CreateStoreCategoryLink("ml/sub", STORE, CategoryRef.planned("sub"), "MLB1", "Fones"),
                new Change.CreateProductStoreLink("ml", STORE, ProductRef.planned("S"), "S", CategoryRef.planned("sub")));

        assertThat(outcomes(report)).containsOnly(Outcome.CREATED);
        RemoteCategory created = remote.categoriesNow().stream().filter(c -> c.name().equals("Novos")).findFirst()
                .orElseThrow();
        RemoteCategory sub = remote.categoriesNow().stream().filter(c -> c.name().equals("Sub")).findFirst()
                .orElseThrow();
        assertThat(sub.parentId()).isEqualTo(OptionalLong.of(created.id()));
        RemoteProduct p = remote.productsWithSku("S").get(0);
        assertThat(p.categoryId()).isEqualTo(OptionalLong.of(sub.id()));
        assertThat(remote.storeCategoryLinksNow(STORE)).singleElement()
                .satisfies(l -> assertThat(l.categoryId()).isEqualTo(sub.id()));
        assertThat(remote.productStoreLinksNow(STORE)).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo(p.id());
            assertThat(l.categoryIds()).containsExactly(sub.id());
        });
    }

    @Test
    void whenAParentFailsWhatDependsOnItIsSkipped() {
        remote.inject(Call.CREATE_CATEGORY, Fault.validation("nome inválido"));

        ApplyReport report = apply(new Change.CreateCategory("new", "Novos", Optional.empty()),
                new Change.CreateCategory("sub", "Sub", Optional.of(CategoryRef.planned("new"))),
                new Change.CreateProduct("S", newProduct("Produto", Optional.of(CategoryRef.planned("sub")))),
                new Change.CreateProductStoreLink("ml", STORE, ProductRef.planned("S"), "S", CategoryRef.planned("sub")));

        assertThat(outcomes(report)).containsExactly(Outcome.FAILED, Outcome.SKIPPED, Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(report.outcomes().get(1).error()).hasValueSatisfying(e -> assertThat(e).contains("'new'"));
        assertThat(remote.calls(Call.CREATE_CATEGORY)).isEqualTo(1);
        assertThat(remote.calls(Call.CREATE_PRODUCT)).isZero();
        assertThat(remote.calls(Call.CREATE_PRODUCT_STORE_LINK)).isZero();
        assertThat(store.unfinished(ACCOUNT)).isEmpty();
    }

    // ------------------------------------------------------------------ what is recorded

    @Test
    void anUpdateWithANewCustomValueReadsTheProductBackForItsLinkId() {
        long field = remote.addCustomField("Cor");
        long id = remote.addProduct(InMemoryCatalogRemote.product("S", "Produto"));
        RemoteProduct before = remote.productNow(id).orElseThrow();

        apply(Observed.erp().customField(field, "Cor").product(before).build(), new Change.UpdateProduct("S", id, ProductFields.builder()
                .custom("Cor", Assignment.of("azul")).build()));

        assertThat(remote.calls(Call.PRODUCT)).isEqualTo(1);
        Snapshots.ProductSnapshot snap = Snapshots.product(store.snapshot(ACCOUNT, EntityKind.PRODUCT, "S").orElseThrow());
        assertThat(snap.product().customFields()).singleElement().satisfies(v -> {
            assertThat(v.fieldId()).isEqualTo(field);
            assertThat(v.linkId()).isPresent();
            assertThat(v.value()).isEqualTo("azul");
        });
        assertThat(snap.product()).isEqualTo(remote.productNow(id).orElseThrow());
    }

    @Test
    void anUpdateOfAnExistingCustomValueSendsItsLinkIdAndReadsNothing() {
        long field = remote.addCustomField("Cor");
        long id = remote.addProduct(InMemoryCatalogRemote.product("S", "Produto"));
        remote.editProduct(id, new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new io.cathalog.core.remote.CustomFieldValue(field, OptionalLong.empty(),
                "preto"))));
        RemoteProduct before = remote.productNow(id).orElseThrow();

        apply(Observed.erp().customField(field, "Cor").product(before).build(), new Change.UpdateProduct("S", id, ProductFields.builder()
                .custom("Cor", new Assignment<>(Optional.of("preto"), "azul", Optional.empty())).build()));

        assertThat(remote.calls(Call.PRODUCT)).isZero();
        assertThat(remote.productNow(id).orElseThrow().customFields()).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("azul"));
    }

    @Test
    void deletingACategoryThatIsAlreadyGoneIsUnchanged() {
        ApplyReport report = apply(new Change.DeleteCategory("#5", 5, "Gone"));

        assertThat(outcomes(report)).containsExactly(Outcome.UNCHANGED);
    }

    @Test
    void aCategoryTheErpRefusesToDeleteFails() {
        long category = remote.addCategory("Busy");
        remote.addProduct(new io.cathalog.core.remote.NewProduct("S", "Produto", ProductStatus.ACTIVE,
                new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), OptionalLong.of(category), Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of())));

        ApplyReport report = apply(new Change.DeleteCategory("#" + category, category, "Busy"));

        assertThat(outcomes(report)).containsExactly(Outcome.FAILED);
        assertThat(remote.categoryNow(category)).isPresent();
        assertThatThrownBy(() -> remote.deleteCategory(category)).hasMessageContaining("has products");
    }

    @Test
    void theRunControlStopsTheRunBeforeItsNextChangeWithNothingOfItSent() {
        Change[] changes = {
                new Change.CreateCategory("a", "A", Optional.empty()),
                new Change.CreateCategory("b", "B", Optional.empty()),
                new Change.CreateCategory("c", "C", Optional.empty()),
                new Change.CreateCategory("d", "D", Optional.empty())};
        // Asked before every change: the third time it says stop (a shutdown, a lost lease).
        int[] asked = {0};
        RunControl control = () -> ++asked[0] >= 3 ? Optional.of("the scheduler is shutting down") : Optional.empty();

        ApplyStoppedException stopped = catchThrowableOfType(ApplyStoppedException.class,
                () -> apply(Observed.erp().build(), control, changes));

        assertThat(stopped.getCause()).isInstanceOf(io.cathalog.core.RunCancelledException.class)
                .hasMessageContaining("shutting down");
        assertThat(outcomes(stopped.report())).containsExactly(Outcome.CREATED, Outcome.CREATED, Outcome.SKIPPED,
                Outcome.SKIPPED);
        assertThat(remote.calls(Call.CREATE_CATEGORY)).as("nothing sent after the stop").isEqualTo(2);
        assertThat(store.unfinished(ACCOUNT)).as("every skipped item is journaled closed").isEmpty();
    }
}
