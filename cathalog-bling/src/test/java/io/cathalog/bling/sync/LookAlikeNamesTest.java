package io.cathalog.bling.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 6: a Bling category whose name differs from the catalog's only by a no-break
 * space, a zero-width space or full-width letters is the catalog's category (renamed to the exact
 * name, not created again), and the audit flags siblings that collide that way.
 */
class LookAlikeNamesTest {
    private static final Catalog CATALOG = Catalog.builder().category(Category.root("shoes", "Calçados"))
            .category(Category.root("fashion", "Moda")).build();

    private static EngineFixture fixture() {
        return new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false));
    }

    private static SyncEngine engine(EngineFixture fx) {
        return fx.engine(CatalogSource.of(CATALOG), fx.remote()).scope(ProductScope.declaredOnly()).build();
    }

    private static long count(EngineFixture fx, String prefix) {
        return fx.sandbox.account().categories().stream()
                .filter(c -> c.path("descricao").asText().replaceAll("[^A-Za-zç]", "").startsWith(prefix)).count();
    }

    @Test
    void aBlingCategoryWithANoBreakSpaceIsMatchedAndRenamedNotDuplicated() {
        try (EngineFixture fx = fixture()) {
            long shoes = fx.sandbox.account().addCategory("Calçados\u00a0", 0);
            long fashion = fx.sandbox.account().addCategory("Ｍｏｄａ\u200b", 0);
            SyncEngine engine = engine(fx);
            SyncPlan plan = engine.plan(PlanOptions.defaults());
            assertThat(plan.changes()).as(plan.summary()).allSatisfy(c -> {
                assertThat(c.action()).isEqualTo(ChangeAction.UPDATE);
                assertThat(c.remoteId().getAsLong()).isIn(shoes, fashion);
            }).hasSize(2);
            engine.apply(plan);
            assertThat(fx.sandbox.account().categories()).hasSize(2)
                    .extracting(c -> c.path("descricao").asText()).containsExactlyInAnyOrder("Calçados", "Moda");
            assertThat(engine.plan(PlanOptions.defaults()).changes()).isEmpty();
        }
    }

    @Test
    void theAuditMatchesLookAlikesAndFlagsSiblingsThatCollide() {
        try (EngineFixture fx = fixture()) {
            long first = fx.sandbox.account().addCategory("Calçados\u00a0", 0);
            long second = fx.sandbox.account().addCategory("Cal\u200bçados", 0);
            fx.sandbox.account().addCategory("Moda", 0);
            AuditReport audit = engine(fx).audit();
            assertThat(audit.findings()).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo("duplicate-category-name");
                assertThat(f.detail()).contains("#" + first).contains("#" + second);
            });
            assertThat(audit.findings()).filteredOn(f -> f.kind().equals("category-not-in-catalog"))
                    .as("the first look-alike is the catalog's category").noneMatch(f -> f.key().equals("#" + first));
            assertThat(count(fx, "Calçados")).isEqualTo(2);
        }
    }
}
