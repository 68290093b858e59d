package io.cathalog.core.sync.internal;

import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Store;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.sync.Assignment;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductFields;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.sync.SyncStateStore;
import io.cathalog.core.testing.InMemoryCatalogRemote;
import io.cathalog.core.testing.InMemoryCatalogRemote.Call;
import io.cathalog.core.testing.MutableClock;
import io.cathalog.core.testing.WriteRefusingStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Observation alone: what it lists and reads, first and incremental, and that it never writes. */
class ObserverTest {
    private static final String ACCOUNT = "acme";
    private static final long STORE = 77;

    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock).addStore(STORE, "ML", "MercadoLivre");
    private final InMemorySyncStateStore store = new InMemorySyncStateStore();
    private final Catalog catalog = Catalog.builder()
            .category(Category.root("a", "A"))
            .product(Product.builder("S1", "Um").category("a").build())
            .product(Product.builder("S2", "Dois").category("a").build())
            .product(Product.builder("ABSENT", "Ainda não").category("a").build())
            .store(new Store("ml", STORE, "mercadolivre", "ML", Map.of()))
            .build();
    private long s1;
    private long s2;
    private long category;

    @BeforeEach
    void seed() {
        category = remote.addCategory("A");
        s1 = remote.addProduct(InMemoryCatalogRemote.product("S1", "Um"));
        s2 = remote.addProduct(InMemoryCatalogRemote.product("S2", "Dois"));
        remote.addProduct(InMemoryCatalogRemote.product("S3", "Três, not declared"));
        remote.addProduct(new NewProduct("", "No SKU", ProductStatus.ACTIVE, ProductChanges.none()));
        remote.addProduct(InMemoryCatalogRemote.product("S1-V", "A variation"), "P", true);
        long gone = remote.addProduct(InMemoryCatalogRemote.product("OLD", "Deleted"));
        remote.markDeleted(gone);
        remote.addProductStoreLink(STORE, s1, "MLB-1", List.of(category));
        // The seeds are older than the first observation.
        clock.advance(Duration.ofMinutes(10));
    }

    private Observer observer(SyncStateStore state) {
        return new Observer(ACCOUNT, remote, new StateView(ACCOUNT, state), clock);
    }

    private Observer.Observed observe(SyncStateStore state) {
        return observer(state).observe(catalog, ProductScope.everything(), false, false, RunControl.none());
    }

    /** A first observation, recorded as the engine records it before an apply; returns its start. */
    private Instant firstRunRecorded() {
        Instant start = clock.instant();
        new Recorder(ACCOUNT, store).record(observe(store).update());
        remote.resetCalls();
        return start;
    }

    @Test
    void anObservationCountsItsRequestsInTheRemotesCostsForThePlansEstimate() {
        remote.cost(io.cathalog.core.remote.RemoteOperation.READ_PRODUCT, 2);

        Observation o = observe(store).observation();

        // Every list here fits one page of 100; each product read costs what the remote says (2).
        int lists = 0;
        for (Call c : Call.values()) {
            if (c != Call.PRODUCT) {
                lists += remote.calls(c);
            }
        }
        assertThat(remote.calls(Call.PRODUCT)).isEqualTo(3);
        assertThat(o.readRequests()).isEqualTo(lists + 3 * 2L);
    }

    @Test
    void aLongObservationSaysHowManyProductsItHasReadOfHowMany() {
        List<long[]> heard = new ArrayList<>();
        observer(store).observe(catalog, ProductScope.everything(), false, false, RunControl.none(),
                (done, total) -> heard.add(new long[] {done, total}));

        assertThat(heard).as("one report before each read and one at the end, of the three to read")
                .extracting(h -> h[0] + "/" + h[1]).containsExactly("0/3", "1/3", "2/3", "3/3");
    }

    @Test
    void theFirstRunListsEverythingAndReadsEachManagedProductOnce() {
        Instant start = clock.instant();

        Observer.Observed seen = observe(store);

        Observation o = seen.observation();
        assertThat(o.products()).containsOnlyKeys("S1", "S2", "S3");
        assertThat(o.unkeyed()).extracting(s -> s.name()).containsExactly("No SKU");
        assertThat(o.previous()).as("the baseline is what is first seen: no drift").isEqualTo(o.products());
        assertThat(remote.productQueries()).containsExactly(ProductQuery.all(),
                ProductQuery.all().withSkus(List.of("ABSENT")));
        assertThat(remote.calls(Call.PRODUCT)).isEqualTo(3);
        assertThat(remote.calls(Call.PRODUCT_STORE_LINKS)).isEqualTo(1);
        assertThat(remote.calls(Call.PRODUCT_STORE_LINKS_CHANGED_SINCE)).isZero();
        assertThat(o.productLinks().get(STORE)).containsOnlyKeys(s1);
        assertThat(seen.update().writes()).contains(new StateUpdate.PutCursor(StateKeys.PRODUCTS_CURSOR,
                start.toString()), new StateUpdate.PutCursor(StateKeys.linksCursor(STORE), start.toString()));
        assertThat(seen.update().writes()).filteredOn(StateUpdate.PutProduct.class::isInstance).hasSize(3);
    }

    @Test
    void anIncrementalRunListsOnlyWhatChangedSinceTheCursorLessTheOverlap() {
        Instant cursor = firstRunRecorded();
        clock.advance(Duration.ofHours(1));
        remote.editProduct(s2, new ProductChanges(Optional.of("Dois, renamed by hand"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()));
        clock.advance(Duration.ofSeconds(10));

        Observation o = observe(store).observation();

        Instant since = cursor.minus(Duration.ofMinutes(2));
        // No full list: what changed since the cursor, less the overlap; and the declared product the
        // ERP still lacks, by its SKU.
        assertThat(remote.productQueries()).containsExactly(ProductQuery.all().changedSince(since),
                ProductQuery.all().withSkus(List.of("ABSENT")));
        assertThat(remote.linkQueries()).containsExactly(since);
        assertThat(remote.calls(Call.PRODUCT_STORE_LINKS)).isZero();
        assertThat(remote.calls(Call.PRODUCT)).as("only the product changed by hand is read").isEqualTo(1);
        assertThat(o.products()).containsOnlyKeys("S1", "S2", "S3");
        assertThat(o.products().get("S2").name()).isEqualTo("Dois, renamed by hand");
        assertThat(o.previous().get("S2").name()).as("the baseline stays what was first seen").isEqualTo("Dois");
        assertThat(o.productLinks().get(STORE)).as("kept from the snapshots").containsOnlyKeys(s1);
    }

    @Test
    void aChangeWithinTheOverlapIsSeen() {
        Instant cursor = firstRunRecorded();
        // A change stamped just before the cursor (the ERP's clock is behind ours) that no read saw.
        clock.set(cursor.minusSeconds(30));
        remote.editProduct(s1, new ProductChanges(Optional.of("Um, edited"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()));
        clock.set(cursor.plus(Duration.ofMinutes(5)));

        Observation o = observe(store).observation();

        assertThat(o.products().get("S1").name()).isEqualTo("Um, edited");
    }

    @Test
    void ourOwnWritesAreConfirmedWithoutReadingThemAgain() {
        firstRunRecorded();
        clock.advance(Duration.ofMinutes(1));
        write(s1, "S1");
        clock.advance(Duration.ofSeconds(5));
        remote.resetCalls();

        StateUpdate confirmed = observer(store).confirm(catalog, ProductScope.everything(), RunControl.none(), true, List.of());

        assertThat(remote.calls(Call.PRODUCT)).isZero();
        assertThat(remote.productQueries()).hasSize(2);
        assertThat(remote.productQueries().get(1).ids()).containsExactly(s1);
        new Recorder(ACCOUNT, store).record(confirmed);
        remote.resetCalls();
        clock.advance(Duration.ofMinutes(30));

        Observation next = observe(store).observation();

        assertThat(remote.calls(Call.PRODUCT)).as("the next run reads nothing again").isZero();
        assertThat(next.products().get("S1").price()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("9"));
    }

    @Test
    void aProductSomeoneChangedAfterOurWriteIsReadAgain() {
        firstRunRecorded();
        clock.advance(Duration.ofMinutes(1));
        write(s1, "S1");
        clock.advance(Duration.ofSeconds(3));
        remote.editProduct(s1, new ProductChanges(Optional.empty(), Optional.empty(), Optional.of("Marca"),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()));
        clock.advance(Duration.ofSeconds(3));
        remote.resetCalls();

        StateUpdate confirmed = observer(store).confirm(catalog, ProductScope.everything(), RunControl.none(), true, List.of());

        assertThat(remote.calls(Call.PRODUCT)).isEqualTo(1);
        assertThat(confirmed.writes()).filteredOn(StateUpdate.PutProduct.class::isInstance).singleElement()
                .satisfies(w -> assertThat(((StateUpdate.PutProduct) w).snapshot().product().brand())
                        .contains("Marca"));
    }

    /** Writes a price through the applier, as a run does: the applier records what it wrote. */
    private void write(long id, String sku) {
        Applier applier = new Applier(ACCOUNT, remote, new StateView(ACCOUNT, store), new Recorder(ACCOUNT, store),
                clock, List.of(), SyncProgress.Listener.NONE);
        SyncPlan plan = new SyncPlan(ACCOUNT, List.of(new Change.UpdateProduct(sku, id, ProductFields.builder()
                .price(Assignment.of(new BigDecimal("9"))).build())), List.of(), List.of(), PlanOptions.defaults(),
                "-", new TreeMap<>(), 1, Duration.ZERO);
        assertThat(applier.apply(plan, Observed.erp().build(), "run", RunControl.none()).outcomes().get(0).outcome())
                .isEqualTo(Outcome.UPDATED);
    }

    @Test
    void forAPruneItListsTheProductsOfEveryCategoryTheIdMapDoesNotKnow() {
        long unknown = remote.addCategory("Unknown");
        long moved = remote.addProduct(new NewProduct("S9", "Nove", ProductStatus.ACTIVE, new ProductChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.of(unknown), Optional.empty(), Optional.empty(), Optional.empty(), List.of())));
        store.putRemoteId(ACCOUNT, EntityKind.CATEGORY, "a", category);

        Observation o = observer(store).observe(catalog, ProductScope.everything(), false, true, RunControl.none()).observation();

        assertThat(o.categoryMembers()).containsExactly(Map.entry(unknown, List.of(moved)));
        assertThat(remote.productQueries()).contains(ProductQuery.all().inCategory(unknown));
    }

    @Test
    void observingWritesNothingOnAFirstRun() {
        SyncStateStore readOnly = new WriteRefusingStateStore();

        Observer.Observed seen = observer(readOnly).observe(catalog, ProductScope.everything(), true, true, RunControl.none());

        assertThat(seen.update().isEmpty()).isFalse();
    }

    @Test
    void observingAndConfirmingWriteNothingOnAnIncrementalRun() {
        firstRunRecorded();
        clock.advance(Duration.ofMinutes(1));
        write(s1, "S1");
        clock.advance(Duration.ofMinutes(1));
        remote.editProduct(s2, new ProductChanges(Optional.of("Dois, renamed"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()));
        SyncStateStore readOnly = new WriteRefusingStateStore(store);

        Observer.Observed seen = observer(readOnly).observe(catalog, ProductScope.everything(), false, true, RunControl.none());
        StateUpdate confirmed = observer(readOnly).confirm(catalog, ProductScope.everything(), RunControl.none(), true, List.of(STORE));

        assertThat(seen.observation().products().get("S2").name()).isEqualTo("Dois, renamed");
        assertThat(confirmed.isEmpty()).isFalse();
    }
}
