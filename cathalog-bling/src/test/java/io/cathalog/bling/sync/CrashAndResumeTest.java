package io.cathalog.bling.sync;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Weight;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncStateStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A crash after every single write of a 50-change plan — the write applied, its answer lost, the
 * process gone — then a run again: the account ends exactly as an uninterrupted sync leaves it,
 * with no duplicate of anything.
 */
class CrashAndResumeTest {

    private static final long ML = 205_000_000_001L;
    private static final long SHOPEE = 205_000_000_002L;

    /** 4 categories, 15 products, 1 custom field, 5 category links, 25 product links: 50 changes. */
    static Catalog catalog() {
        Catalog.Builder b = Catalog.builder()
                .category(Category.root("home", "Casa"))
                .category(Category.child("kitchen", "Cozinha", "home"))
                .category(Category.child("bath", "Banheiro", "home"))
                .category(Category.child("garden", "Jardim", "home"));
        String[] cats = {"kitchen", "bath", "garden"};
        for (int i = 0; i < 15; i++) {
            b.product(Product.builder("CR-" + i, "Produto de teste " + i).brand("Marca " + (i % 3))
                    .price(new BigDecimal("10.90")).category(cats[i % 3])
                    .dimensions(new Dimensions(Length.parse("10 cm"), Length.parse("20 cm"), Length.parse("5 cm")))
                    .grossWeight(Weight.parse((100 + i) + " g"))
                    .attribute("Material", AttributeValue.text("Aço " + i)).build());
        }
        b.store(new Store("ml", ML, "mercadolivre", "ML", Map.of("kitchen", "MLB1", "bath", "MLB2", "garden", "MLB3")));
        b.store(new Store("shopee", SHOPEE, "shopee", "Shopee", Map.of("kitchen", "100", "bath", "200")));
        return b.build();
    }

    private static EngineFixture fixture() {
        EngineFixture fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false));
        assertThat(fx.sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre")).isEqualTo(ML);
        assertThat(fx.sandbox.account().addSalesChannel("Shopee", "Shopee")).isEqualTo(SHOPEE);
        return fx;
    }

    private static SyncEngine engine(EngineFixture fx, SyncStateStore state, io.cathalog.core.remote.CatalogRemote remote) {
        return SyncEngine.builder().account(fx.account).source(CatalogSource.of(catalog())).remote(remote).state(state)
                .scope(ProductScope.declaredOnly()).build();
    }

    @Test
    void aCrashAfterAnyWriteIsFinishedByTheNextRunWithoutDuplicates() {
        List<String> expected;
        int writes;
        try (EngineFixture fx = fixture()) {
            SyncEngine engine = engine(fx, new InMemorySyncStateStore(), fx.remote());
            SyncPlan plan = engine.plan(PlanOptions.defaults());
            assertThat(plan.changes()).hasSize(50);
            ApplyReport report = engine.apply(plan);
            assertThat(report.outcomes()).allMatch(o -> o.outcome() == Outcome.CREATED);
            writes = fx.sandbox.requestLog().writes().size();
            expected = fx.sandbox.account().contents();
            assertThat(new HashSet<>(expected)).as("no duplicates in the reference").hasSize(expected.size());
        }
        assertThat(writes).isGreaterThanOrEqualTo(50);

        for (int crashAt = 1; crashAt <= 50; crashAt++) {
            try (EngineFixture fx = fixture()) {
                SyncStateStore state = new InMemorySyncStateStore();
                CrashingRemote crashing = new CrashingRemote(fx.remote(), crashAt);
                assertThatThrownBy(() -> engine(fx, state, crashing).sync(PlanOptions.defaults()))
                        .isInstanceOf(CrashingRemote.Crash.class);

                // A new process, the same state store: it finishes the work.
                SyncEngine again = engine(fx, state, fx.remote());
                ApplyReport resumed = again.sync(PlanOptions.defaults());
                assertThat(resumed.outcomes()).as("crash after write %d", crashAt)
                        .noneMatch(o -> o.outcome() == Outcome.FAILED);
                assertThat(fx.sandbox.account().contents()).as("crash after write %d", crashAt)
                        .isEqualTo(expected);
                assertThat(again.plan(PlanOptions.defaults()).changes()).as("crash after write %d", crashAt).isEmpty();
            }
        }
    }
}
