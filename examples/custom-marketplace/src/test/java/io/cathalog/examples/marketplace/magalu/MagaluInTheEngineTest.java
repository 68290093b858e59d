package io.cathalog.examples.marketplace.magalu;

import io.cathalog.bling.BlingPacing;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in the engine, with no change to the library: the demo account gets a third store on
 * marketplace {@code magalu}, the registry finds the plugin through ServiceLoader, its violations
 * become needs-attention items of that store and its values custom fields named by ErpLanding.
 */
class MagaluInTheEngineTest {

    @Test
    void theEngineFindsThePluginAndUsesItsRulesForTheMagaluStore() throws Exception {
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start()) {
            String account = sandbox.defaultAccountId();
            long magaluChannel = sandbox.account().addSalesChannel("Magalu", "Magalu");
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1000)
                            .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                    .build();
            MarketplaceRegistry registry = MarketplaceRegistry.load(getClass().getClassLoader());
            assertThat(registry.find("magalu")).get().isInstanceOf(MagaluMapper.class);
            assertThat(registry.problems()).isEmpty();

            SyncEngine engine = SyncEngine.builder().account(account)
                    .source(CatalogSource.of(JsonCatalogFile.reader().read(withMagaluStore(magaluChannel), "demo+magalu")))
                    .remote(new BlingCatalogRemote(client)).marketplaces(registry).build();
            SyncPlan plan = engine.plan(PlanOptions.defaults());

            List<AttentionItem> magalu = plan.attention().stream()
                    .filter(a -> a.store().equals(Optional.of("magalu")) && a.entity() == EntityKind.PRODUCT).toList();
            assertThat(magalu).isNotEmpty().allSatisfy(a -> assertThat(a.reason()).startsWith("Magalu: "));
            // The plugin's own rules, as its messages say them.
            assertThat(magalu).extracting(AttentionItem::reason)
                    .anySatisfy(r -> assertThat(r).contains("Magalu requires"));

            List<String> fields = plan.changes().stream().filter(c -> c.entity() == EntityKind.CUSTOM_FIELD)
                    .map(c -> c.key()).filter(k -> k.startsWith("Magalu: ")).toList();
            assertThat(fields).contains("Magalu: Garantia (meses) [garantia]").allSatisfy(f ->
                    assertThat(ErpLanding.parseCustomFieldName(f)).get()
                            .extracting(ErpLanding.CustomFieldKey::marketplaceDisplayName).isEqualTo("Magalu"));

            var report = engine.apply(plan);
            assertThat(report.outcomes()).noneMatch(o -> o.outcome() == Outcome.FAILED);
            SyncPlan after = engine.plan(PlanOptions.defaults());
            assertThat(after.changes()).as(after.render()).isEmpty();
            assertThat(after.attention().stream()
                    .filter(a -> a.store().equals(Optional.of("magalu")) && a.entity() == EntityKind.PRODUCT).toList())
                    .isEqualTo(magalu);
        }
    }

    /**
     * The demo catalog with one store, on marketplace "magalu", mapping two categories to Magalu's
     * (the demo's Mercado Livre and Shopee stores are left out: their plugins are not on this class path).
     */
    private static String withMagaluStore(long salesChannelId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode catalog = (ObjectNode) json.readTree(DemoCatalog.json());
        ObjectNode store = catalog.putArray("stores").addObject();
        store.put("key", "magalu").put("remote_id", salesChannelId).put("marketplace", "magalu").put("name", "Magalu");
        store.putObject("category_mapping").put("headphones", "EL-FONE").put("kitchen", "CA-PANELA");
        return json.writeValueAsString(catalog);
    }
}
