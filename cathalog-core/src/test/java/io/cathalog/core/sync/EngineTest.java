package io.cathalog.core.sync;

import io.cathalog.core.ConflictException;
import io.cathalog.core.StalePlanException;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.InMemoryCatalogRemote.Call;
import io.cathalog.core.testing.MutableClock;
import io.cathalog.core.testing.WriteRefusingStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine through its public builder, against the in-memory ERP: dry runs, staleness, idempotence. */
class EngineTest {
    private static final long STORE = 77;

    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock).addStore(STORE, "ML", "MercadoLivre");
    private final InMemorySyncStateStore state = new InMemorySyncStateStore();
    private final Catalog catalog = Catalog.builder()
            .category(Category.root("audio", "Áudio"))
            .category(Category.child("phones", "Fones", "audio"))
            .product(Product.builder("S1", "Fone azul").category("phones").price(new BigDecimal("99.90"))
                    .brand("Acme").grossWeight(Weight.of("250", WeightUnit.GRAM))
                    .attribute("Cor", AttributeValue.text("azul")).build())
            .product(Product.builder("S2", "Caixa de som").category("audio").price(new BigDecimal("150")).build())
            .store(new Store("ml", STORE, "mercadolivre", "Mercado Livre", Map.of("phones", "MLB1", "audio", "MLB2")))
            .build();
    private long oldCategory;

    @BeforeEach
    void seed() {
        remote.addCategory("Áudio");
        oldCategory = remote.addCategory("Velha");
        remote.addProduct(new NewProduct("S1", "Fone velho", ProductStatus.ACTIVE, ProductChanges.none()));
        clock.advance(Duration.ofMinutes(5));
    }

    private SyncEngine engine(SyncStateStore store, ProductScope scope) {
        return SyncEngine.builder().account("acme").source(CatalogSource.of(catalog)).remote(remote).state(store)
                .scope(scope).clock(clock).runIds(new java.util.function.Supplier<>() {
                    private int n;

                    @Override
                    public String get() {
                        return "run-" + ++n;
                    }
                }).build();
    }

    private SyncEngine engine() {
        return engine(state, ProductScope.everything());
    }

    private static final PlanOptions PRUNE = PlanOptions.defaults().withPrune(true);

    @Test
    void planAndAuditWriteNothingOnAFirstRun() {
        SyncEngine dryRun = engine(new WriteRefusingStateStore(), ProductScope.everything());

        SyncPlan plan = dryRun.plan(PRUNE);
        AuditReport audit = dryRun.audit();

        assertThat(plan.hasChanges()).isTrue();
        assertThat(audit.isClean()).isFalse();
        assertThat(remote.writes()).isZero();
    }

    @Test
    void planAndAuditWriteNothingAfterASync() {
        engine().sync(PRUNE);
        clock.advance(Duration.ofHours(1));
        remote.editProduct(remote.productsWithSku("S2").get(0).id(), new ProductChanges(Optional.of("Renamed"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        remote.resetCalls();
        SyncEngine dryRun = engine(new WriteRefusingStateStore(state), ProductScope.everything());

        SyncPlan plan = dryRun.plan(PRUNE);
        dryRun.audit();

        assertThat(plan.changes()).extracting(Change::key).containsExactly("S2");
        assertThat(remote.writes()).isZero();
    }

    @Test
    void aSecondPlanAfterASyncIsEmpty() {
        ApplyReport report = engine().sync(PRUNE);

        assertThat(report.hasFailures()).as(report.toString()).isFalse();
        assertThat(remote.categoryNow(oldCategory)).as("pruned").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        remote.resetCalls();
        SyncPlan again = engine().plan(PRUNE);

        assertThat(again.changes()).isEmpty();
        assertThat(remote.calls(Call.PRODUCT)).as("nothing is read in full again").isZero();
        assertThat(remote.productsWithSku("S1")).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Fone azul");
            assertThat(p.customFields()).hasSize(1);
        });
        assertThat(remote.productStoreLinksNow(STORE)).hasSize(2);
        assertThat(remote.storeCategoryLinksNow(STORE)).hasSize(2);
    }

    @Test
    void aProductAddedToACategoryBetweenThePlanAndThePruneMakesThePlanStale() {
        SyncEngine engine = engine(state, ProductScope.declaredOnly());
        SyncPlan plan = engine.plan(PRUNE);
        assertThat(plan.changes()).contains(new Change.DeleteCategory("#" + oldCategory, oldCategory, "Velha"));

        // Someone files a product the catalog does not manage under the category to be pruned.
        remote.addProduct(new NewProduct("STRANGER", "Not ours", ProductStatus.ACTIVE, new ProductChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.of(oldCategory), Optional.empty(), Optional.empty(), Optional.empty(), List.of())));
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> engine.apply(plan)).isInstanceOf(StalePlanException.class);
        assertThat(remote.writes()).isZero();
        assertThat(remote.categoryNow(oldCategory)).isPresent();
    }

    @Test
    void aPlanSavedAsJsonIsApplied() {
        String saved = engine().plan(PRUNE).toJson();
        clock.advance(Duration.ofMinutes(1));

        ApplyReport report = engine().apply(SyncPlan.fromJson(saved));

        assertThat(report.hasFailures()).as(report.toString()).isFalse();
        assertThat(report.outcomes()).isNotEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(engine().plan(PRUNE).changes()).isEmpty();
    }

    @Test
    void underTheFailPolicyAPlanWithDriftIsNotApplied() {
        engine().sync(PlanOptions.defaults());
        clock.advance(Duration.ofHours(1));
        long s2 = remote.productsWithSku("S2").get(0).id();
        remote.editProduct(s2, new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new BigDecimal("120")), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()));
        clock.advance(Duration.ofMinutes(1));
        SyncPlan plan = engine().plan(PlanOptions.defaults().withDrift(DriftPolicy.FAIL));
        assertThat(plan.drift()).extracting(FieldDrift::key, FieldDrift::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S2", "price"));
        remote.resetCalls();

        assertThatThrownBy(() -> engine().apply(plan)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("S2 price");
        assertThat(remote.writes()).isZero();
        assertThat(remote.productsWithSku("S2").get(0).price()).hasValueSatisfying(p ->
                assertThat(p).isEqualByComparingTo("120"));
    }
}
