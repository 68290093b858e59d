package io.cathalog.marketplaces;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.marketplace.ErpLanding;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Both plugins, found by ServiceLoader, in the engine on the sandbox's messy demo account. */
class DemoAccountMarketplacesTest {

    @Test
    void fillsWhatCanBeFilledAndListsExactlyWhatCannotPerStore() {
        try (BlingSandbox sandbox = BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false).seedDemo().start()) {
            String account = sandbox.defaultAccountId();
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1000)
                            .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                    .build();
            MarketplaceRegistry registry = MarketplaceRegistry.load(getClass().getClassLoader());
            assertThat(registry.problems()).isEmpty();
            SyncEngine engine = SyncEngine.builder().account(account)
                    .source(CatalogSource.of(JsonCatalogFile.reader().read(DemoCatalog.json(), "demo")))
                    .remote(new BlingCatalogRemote(client)).marketplaces(registry).build();

            SyncPlan plan = engine.plan(PlanOptions.defaults());
            // Values the marketplaces ask for land in custom fields named as ErpLanding decides.
            List<String> fields = plan.changes().stream().filter(c -> c.entity() == EntityKind.CUSTOM_FIELD)
                    .map(c -> c.key()).toList();
            // The others are the free attributes the demo catalog's rules give (issue 18: what the
            // listed categories require, under the seller's own names).
            assertThat(fields).isNotEmpty().filteredOn(f -> ErpLanding.parseCustomFieldName(f).isEmpty())
                    .containsExactlyInAnyOrder("Gênero", "Modelo", "Quantidade de peças", "É sem fio");
            assertThat(fields).anySatisfy(f -> assertThat(f).startsWith("Mercado Livre: "));
            assertThat(plan.changes()).filteredOn(c -> c.entity() == EntityKind.PRODUCT)
                    .anySatisfy(c -> assertThat(c.fields()).anySatisfy(f -> assertThat(f.field()).startsWith("custom:Mercado Livre: ")));

            Set<String> stores = plan.attention().stream().flatMap(a -> a.store().stream()).collect(Collectors.toSet());
            assertThat(stores).contains("mercadolivre", "shopee");
            List<AttentionItem> perStore = plan.attention().stream().filter(a -> a.store().isPresent()).toList();
            assertThat(perStore).allSatisfy(a -> assertThat(a.reason()).isNotBlank());

            // Issue 18: the Mercado Livre store's policy lists what satisfies its categories.
            assertThat(plan.changes()).filteredOn(c -> c instanceof io.cathalog.core.sync.Change.CreateListing)
                    .hasSize(35);
            // 16 declared products, 18 only in Bling (listed at Bling's price) and the T-shirt family
            // MOD-CAM-V1 with its three sizes (GTINs from the rule gtin-camiseta-hering).
            assertThat(plan.changes()).filteredOn(c -> c instanceof io.cathalog.core.sync.Change.CreateListing cl
                            && cl.product().sku().equals("MOD-CAM-V1")).singleElement()
                    .satisfies(c -> assertThat(((io.cathalog.core.sync.Change.CreateListing) c).values().variations())
                            .extracting(v -> v.attributes().get("SIZE") + " " + v.attributes().get("GTIN"))
                            .containsExactly("P 7891033001019", "M 7891033001026", "G 7891033001033"));
            var report = engine.apply(plan);
            assertThat(report.outcomes()).noneMatch(o -> o.outcome() == Outcome.FAILED);
            assertThat(sandbox.account().listings()).hasSize(35)
                    .filteredOn(l -> l.path("status").asInt() == 1).as("published").hasSize(33);

            // After the sync nothing is left to fill, and what needs a person is the same list.
            SyncPlan after = engine.plan(PlanOptions.defaults());
            assertThat(after.changes()).as(after.render()).isEmpty();
            assertThat(after.attention().stream().filter(a -> a.store().isPresent()).toList()).isEqualTo(perStore);
            assertThat(plan.changes()).anySatisfy(c -> assertThat(c.action()).isEqualTo(ChangeAction.CREATE));
        }
    }
}
