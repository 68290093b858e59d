package io.cathalog.jpa;

import io.cathalog.bling.BlingPacing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.bling.sandbox.SandboxAccount;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RetryPolicy;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ChangeEvent;
import io.cathalog.core.sync.ChangeListener;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncStateStore;
import io.cathalog.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A full sync of the sandbox's demo account with everything in the database (catalog tables,
 * sync state, change log) ends with the same account as with the in-memory stores and the file.
 */
class DemoSyncJpaTest {

    static Stream<TestDatabase.Kind> kinds() {
        return TestDatabase.kinds();
    }

    record Run(ApplyReport report, Map<String, List<String>> account) {
    }

    private static final List<ChangeEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static Run reference;

    static Run sync(CatalogSource source, SyncStateStore state, ChangeListener listener) {
        MutableClock clock = MutableClock.atDefaultInstant();
        try (BlingSandbox bling = BlingSandbox.builder().clock(clock).rateLimits(false).enforceIpBlocks(false)
                .seedDemo().start()) {
            String account = bling.defaultAccountId();
            BlingClient client = BlingClient.builder().baseUrl(bling.baseUrl())
                    .tokens(AccessTokenProvider.fixed(bling.issueTokens().accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1000)
                            .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                    .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                    .sleeper(d -> { })
                    .build();
            AtomicInteger runs = new AtomicInteger();
            SyncEngine engine = SyncEngine.builder().account(account).source(source).remote(new BlingCatalogRemote(client))
                    .state(state).listener(listener).runIds(() -> "run-" + runs.incrementAndGet()).build();
            ApplyReport report = engine.sync(PlanOptions.defaults().withPrune(true));
            ApplyReport again = engine.sync(PlanOptions.defaults().withPrune(true));
            assertThat(again.outcomes()).as("a second sync has nothing to do").isEmpty();
            return new Run(report, dump(bling.account()));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theDemoAccountEndsTheSameWithEverythingInTheDatabase(TestDatabase.Kind kind) {
        Catalog demo = JsonCatalogFile.reader().read(DemoCatalog.json(), "demo-catalog.json");
        if (reference == null) { // the in-memory run is the same for every database: once
            reference = sync(CatalogSource.of(demo), new InMemorySyncStateStore(), events::add);
        }
        Run reference = DemoSyncJpaTest.reference;

        try (TestDatabase db = TestDatabase.of(kind)) {
            JpaTransactions tx = JpaTransactions.resourceLocal(db.newFactory());
            JpaCatalogSource source = JpaCatalogSource.of(tx);
            source.save(demo);
            JpaChangeLog history = new JpaChangeLog(tx);
            JpaSyncStateStore state = new JpaSyncStateStore(tx);
            Run jpa = sync(source, state, history);

            assertThat(jpa.report().outcomes()).hasSameSizeAs(reference.report().outcomes()).hasSizeGreaterThan(150);
            assertThat(jpa.report().outcomes()).filteredOn(o -> o.outcome() == Outcome.FAILED).isEmpty();
            assertThat(jpa.account().keySet()).containsExactlyElementsOf(reference.account().keySet());
            jpa.account().forEach((what, items) ->
                    assertThat(items).as(what).containsExactlyElementsOf(reference.account().get(what)));
            System.out.println(kind + ": " + jpa.report().outcomes().size() + " changes; account has "
                    + jpa.account().entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey()).toList());

            List<ChangeRecord> all = new ArrayList<>();
            List<ChangeRecord> page = history.query(ChangeQuery.of(eventsAccount(events)).limit(500));
            while (!page.isEmpty()) {
                all.addAll(page);
                page = history.query(ChangeQuery.of(eventsAccount(events)).after(page.get(page.size() - 1).id()).limit(500));
            }
            assertThat(all).as("one history row per change").hasSize(events.size());
            assertThat(state.remoteIds(eventsAccount(events), EntityKind.CATEGORY)).containsKey("shoes");
            assertThat(state.unfinished(eventsAccount(events))).isEmpty();
        }
    }

    static String eventsAccount(List<ChangeEvent> events) {
        return events.get(0).accountId();
    }

    /** The account by natural keys: every id replaced by what it names (category path, SKU, field name, store). */
    static Map<String, List<String>> dump(SandboxAccount account) {
        Map<Long, String> categories = new HashMap<>();
        Map<Long, JsonNode> byId = new HashMap<>();
        account.categories().forEach(c -> byId.put(c.path("id").asLong(), c));
        for (ObjectNode c : account.categories()) {
            StringBuilder path = new StringBuilder(c.path("descricao").asText());
            JsonNode at = c;
            for (int depth = 0; depth < 20 && at.path("categoriaPai").path("id").asLong(0) != 0; depth++) {
                at = byId.get(at.path("categoriaPai").path("id").asLong());
                if (at == null) {
                    break;
                }
                path.insert(0, at.path("descricao").asText() + " > ");
            }
            categories.put(c.path("id").asLong(), "category:" + path);
        }
        Map<Long, String> products = new HashMap<>();
        account.products().forEach(p -> products.put(p.path("id").asLong(),
                "product:" + (p.path("codigo").asText().isEmpty() ? p.path("nome").asText() : p.path("codigo").asText())));
        Map<Long, String> fields = new HashMap<>();
        account.customFields().forEach(f -> fields.put(f.path("id").asLong(), "field:" + f.path("nome").asText()));
        Map<Long, String> stores = new HashMap<>();
        account.salesChannels().forEach(s -> stores.put(s.path("id").asLong(), "store:" + s.path("descricao").asText()));
        Map<String, Map<Long, String>> names = Map.of("categoria", categories, "categoriaPai", categories,
                "produto", products, "idProdutoPai", products, "loja", stores, "idLoja", stores,
                "idCampoCustomizado", fields, "campoCustomizado", fields);

        Map<String, List<String>> out = new TreeMap<>();
        out.put("categories", normalised(account.categories(), names));
        out.put("products", normalised(account.products(), names));
        out.put("customFields", normalised(account.customFields(), names));
        out.put("categoryStoreLinks", normalised(account.categoryStoreLinks(), names));
        out.put("productStoreLinks", normalised(account.productStoreLinks(), names));
        return out;
    }

    static List<String> normalised(List<ObjectNode> items, Map<String, Map<Long, String>> names) {
        return items.stream().map(i -> {
            ObjectNode copy = i.deepCopy();
            copy.remove("id");
            replaceIds(copy, null, names);
            return copy.toString();
        }).sorted().toList();
    }

    private static void replaceIds(JsonNode node, String parentField, Map<String, Map<Long, String>> names) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            List<String> names2 = new ArrayList<>();
            fields.forEachRemaining(e -> names2.add(e.getKey()));
            for (String field : names2) {
                JsonNode value = o.get(field);
                boolean idField = field.equals("id") || (field.startsWith("id") && field.length() > 2
                        && Character.isUpperCase(field.charAt(2)));
                if (idField && value.isNumber()) {
                    String context = field.equals("id") ? parentField : field;
                    Map<Long, String> lookup = context == null ? null : names.get(context);
                    long id = value.asLong();
                    o.put(field, id == 0 ? "none" : lookup == null ? "<id>" : lookup.getOrDefault(id, "<unknown " + context + ">"));
                } else {
                    replaceIds(value, field, names);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(e -> replaceIds(e, parentField, names));
        }
    }
}
