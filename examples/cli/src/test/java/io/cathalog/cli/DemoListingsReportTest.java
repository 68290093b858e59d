package io.cathalog.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.Store;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.ListingValues;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.ProductRef;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 in the demo: its plan lists products on Mercado Livre, the apply creates and publishes
 * them in the sandbox, the second plan is empty; the plan's HTML page shows the listings per store.
 */
class DemoListingsReportTest {

    @Test
    void theDemoCreatesListingsAndItsPlanPageShowsThemPerStore() throws Exception {
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start()) {
            String account = sandbox.defaultAccountId();
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(Engines.fastLimiter(account)).build();
            Catalog catalog = JsonCatalogFile.reader().read(DemoCatalog.json(), "demo-catalog.json");
            SyncEngine engine = SyncEngine.builder().account(account).source(CatalogSource.of(catalog))
                    .remote(new BlingCatalogRemote(client)).state(new InMemorySyncStateStore())
                    .marketplaces(MarketplaceRegistry.load(getClass().getClassLoader())).build();
            PlanOptions options = PlanOptions.defaults().withPrune(true);

            SyncPlan plan = engine.plan(options);
            Document page = HtmlAuditTest.parse(HtmlPlan.render(plan, catalog.stores()));
            Element ml = byId(page, "listings-mercadolivre");
            assertThat(text(ml, "span", "requirement-source")).containsExactly("offline snapshot 2026-01-05 of mercadolivre");
            List<Element> creates = rows(ml, "listing-create");
            assertThat(creates).hasSize(35);
            Element jbl = creates.stream().filter(r -> cell(r, "sku").equals("ELE-FON-0002")).findFirst().orElseThrow();
            assertThat(cell(jbl, "category")).isEqualTo("MLB196208");
            assertThat(cell(jbl, "title")).isEqualTo("Fone de Ouvido Bluetooth JBL Tune 68 Branco");
            assertThat(cell(jbl, "price")).isEqualTo("324.90");
            assertThat(cell(jbl, "status")).isEqualTo("published");
            assertThat(items(jbl, "attributes")).contains("BRAND: JBL", "MODEL: Tune", "IS_WIRELESS: Sim",
                    "GTIN: 7896900471995");
            // The T-shirt family is listed with its sizes (a product only in Bling at Bling's price, too).
            Element shirt = creates.stream().filter(r -> cell(r, "sku").equals("MOD-CAM-V1")).findFirst().orElseThrow();
            assertThat(cell(shirt, "category")).isEqualTo("MLB31447");
            assertThat(items(shirt, "attributes")).contains("GENDER: Masculino", "COLOR: Branco");
            Element inactive = creates.stream().filter(r -> cell(r, "sku").equals("ELE-FON-0007")).findFirst().orElseThrow();
            assertThat(cell(inactive, "status")).as("an inactive product's listing is not published").isEqualTo("draft (not published)");
            Element notListed = (Element) ml.getElementsByTagName("table").item(1);
            assertThat(notListed.getAttribute("class")).isEqualTo("not-listed");
            Element pan = rowsOf(notListed).stream().filter(r -> cell(r, "sku").equals("CAS-UTL-0001")).findFirst()
                    .orElseThrow();
            assertThat(items(pan, "missing")).containsExactly("PIECES_NUMBER");
            assertThat(cell(pan, "reason")).contains("Quantidade de peças (PIECES_NUMBER) is required");
            assertThat(rowsOf(notListed)).hasSize(77);
            Element shopee = byId(page, "listings-shopee");
            assertThat(text(shopee, "span", "requirement-source")).containsExactly("offline snapshot 2026-01-05 of shopee");
            assertThat(shopee.getTextContent()).contains("No listing policy");
            assertThat(rows(shopee, "listing-create")).isEmpty();

            ApplyReport report = engine.apply(plan);
            assertThat(report.outcomes()).noneMatch(o -> o.outcome() == Outcome.FAILED);
            List<ObjectNode> listings = sandbox.account().listings();
            assertThat(listings).hasSize(35);
            // Bling's situations: 1 published; a new listing is a draft (2) until published.
            assertThat(listings).filteredOn(l -> l.path("status").asInt() == 1).hasSize(33);
            assertThat(listings).filteredOn(l -> l.path("status").asInt() == 2).hasSize(2);
            // Every one through the Mercado Livre store (the only one with a listing policy).
            assertThat(new BlingCatalogRemote(client).listings(205000000001L, "mercadolivre")).hasSize(35);

            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DemoCommand.printListings(plan, report, catalog, new BlingCatalogRemote(client),
                    new PrintStream(buffer, true, StandardCharsets.UTF_8));
            assertThat(buffer.toString(StandardCharsets.UTF_8))
                    .contains("the plan: 35 to create (33 to publish once created)")
                    .contains("35 in Bling {draft=2, published=33}; 35 created by this run")
                    .contains("77 products not listed").contains("19 missing PIECES_NUMBER (e.g. CAS-UTL-0001)");

            SyncPlan second = engine.plan(options);
            assertThat(second.changes()).as(second.render()).isEmpty();
            assertThat(rows(byId(HtmlAuditTest.parse(HtmlPlan.render(second, catalog.stores())), "listings-mercadolivre"),
                    "listing-create")).isEmpty();
        }
    }

    @Test
    void namesFromBlingOrTheCatalogAreEscapedInTheListingsSection() throws Exception {
        String evil = "<script>alert('x')</script>";
        Store store = new Store("ml", 204L, "mercadolivre", "Loja " + evil, Map.of())
                .withListingPolicy(ListingPolicy.builder().build());
        ListingValues values = new ListingValues("mercadolivre", "MLB196208", "Fone " + evil, new BigDecimal("10.90"),
                Map.of("MODEL", evil), Optional.empty(), false);
        SyncPlan plan = plan(List.of(new Change.CreateListing("ml", 204L, ProductRef.planned("SKU-1"), values, true)),
                List.of(new AttentionItem(EntityKind.LISTING, "ml/SKU-2", Optional.of("ml"),
                        "no listing: SKU-2 needs attention in store ml (1 problem(s) for category MLB196208): MODEL ("
                                + evil + ")")));

        String html = HtmlPlan.render(plan, List.of(store));

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
        Document page = HtmlAuditTest.parse(html);
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        Element ml = byId(page, "listings-ml");
        assertThat(cell(rows(ml, "listing-create").get(0), "title")).isEqualTo("Fone " + evil);
        assertThat(items(rows(ml, "listing-create").get(0), "attributes")).containsExactly("MODEL: " + evil);
        assertThat(ml.getElementsByTagName("h3").item(0).getTextContent()).isEqualTo("Loja " + evil + " (ml)");
    }

    @Test
    void statusChangesAndUpdatesAreRowsOfTheirOwn() throws Exception {
        ListingValues before = new ListingValues("mercadolivre", "MLB196208", "Fone", new BigDecimal("10.90"),
                Map.of("MODEL", "Tune"), Optional.empty(), false);
        ListingValues after = new ListingValues("mercadolivre", "MLB196208", "Fone", new BigDecimal("12.90"),
                Map.of("MODEL", "Tune"), Optional.empty(), false);
        SyncPlan plan = plan(List.of(
                new Change.UpdateListing("ml", 91L, 204L, ProductRef.existing("A", 1L), before, after),
                new Change.SetListingStatus("ml", 92L, 204L, "mercadolivre", "B", ListingPolicy.ListingStatus.PUBLISHED),
                new Change.SetListingStatus("ml", 93L, 204L, "mercadolivre", "C", ListingPolicy.ListingStatus.PAUSED)), List.of());

        Element ml = byId(HtmlAuditTest.parse(HtmlPlan.render(plan, List.of())), "listings-ml");

        assertThat(items(rows(ml, "listing-update").get(0), "attributes")).containsExactly("price: 10.90 -> 12.90");
        assertThat(cell(rows(ml, "listing-publish").get(0), "sku")).isEqualTo("B");
        assertThat(cell(rows(ml, "listing-publish").get(0), "status")).isEqualTo("published");
        assertThat(cell(rows(ml, "listing-pause").get(0), "sku")).isEqualTo("C");
        assertThat(cell(rows(ml, "listing-pause").get(0), "status")).isEqualTo("paused");
    }

    @Test
    void theAuditPageShowsTheListingFindingsPerStore() throws Exception {
        Store store = new Store("mercadolivre", 205000000001L, "mercadolivre", "Mercado Livre", Map.of())
                .withListingPolicy(ListingPolicy.builder().listingType("gold_special").freeShipping(true).build());
        AuditReport audit = new AuditReport("demo", Instant.parse("2026-12-03T09:21:56Z"), List.of(
                new AuditFinding("listing-not-in-policy", "#9100000007", Optional.of("mercadolivre"),
                        "'Fone' lists ELE-FON-0003, which the store's listing policy does not list"),
                new AuditFinding("listing-category-mismatch", "mercadolivre/ELE-FON-0004", Optional.of("mercadolivre"),
                        "listed in MLB1; the store maps its category to MLB196208"),
                new AuditFinding("invalid-gtin", "ELE-FON-0005", Optional.empty(), "GTIN '1' fails")));

        Element ml = byId(HtmlAuditTest.parse(HtmlAudit.render(audit, List.of(), List.of(store), Reports.ACCOUNT_ZONE)),
                "listings-mercadolivre");

        Element table = (Element) ml.getElementsByTagName("table").item(0);
        assertThat(table.getAttribute("class")).isEqualTo("listing-findings");
        assertThat(rowsOf(table)).extracting(r -> cell(r, "kind") + " " + cell(r, "key"))
                .containsExactly("listing-not-in-policy #9100000007",
                        "listing-category-mismatch mercadolivre/ELE-FON-0004");
        assertThat(ml.getTextContent()).contains("Listing policy: creates listings, published, gold_special, free shipping.");
    }

    @Test
    void theMissingAttributesComeFromTheItemsDataNotItsText() throws Exception {
        Store store = new Store("ml", 204L, "mercadolivre", "Loja", Map.of())
                .withListingPolicy(ListingPolicy.builder().build());
        // The text names MODEL and GTIN among its problems; the data says which are missing.
        SyncPlan plan = plan(List.of(), List.of(
                new AttentionItem(EntityKind.LISTING, "ml/X", Optional.of("ml"), "no listing: X needs attention in"
                        + " store ml (2 problem(s) for category MLB1): MODEL (too long); GTIN (a GTIN is required)",
                        List.of("GTIN")),
                new AttentionItem(EntityKind.LISTING, "ml/Y", Optional.of("ml"),
                        "no listing: Y has no price for its listing in store ml")));
        Element ml = byId(HtmlAuditTest.parse(HtmlPlan.render(SyncPlan.fromJson(plan.toJson()), List.of(store))),
                "listings-ml");
        Element notListed = (Element) ml.getElementsByTagName("table").item(0);
        assertThat(notListed.getAttribute("class")).isEqualTo("not-listed");
        assertThat(rowsOf(notListed)).extracting(r -> cell(r, "sku") + " " + items(r, "missing"))
                .containsExactly("X [GTIN]", "Y []");
    }

    private static SyncPlan plan(List<Change> changes, List<AttentionItem> attention) {
        return new SyncPlan("demo", changes, attention, List.of(), PlanOptions.defaults(), "f", new TreeMap<>(),
                0, 10, Duration.ofSeconds(1), new TreeMap<>(Map.of("ml", "offline snapshot 2026-01-05 of mercadolivre")));
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("div");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private static List<Element> rows(Element within, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList trs = within.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            Element tr = (Element) trs.item(i);
            if (tr.getAttribute("class").equals(cls)) {
                out.add(tr);
            }
        }
        return out;
    }

    private static List<Element> rowsOf(Element table) {
        List<Element> out = new ArrayList<>();
        NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            out.add((Element) trs.item(i));
        }
        return out;
    }

    private static Element cellElement(Element row, String cls) {
        NodeList tds = row.getElementsByTagName("td");
        for (int i = 0; i < tds.getLength(); i++) {
            Element td = (Element) tds.item(i);
            if (List.of(td.getAttribute("class").split(" ")).contains(cls)) {
                return td;
            }
        }
        throw new AssertionError("no cell " + cls);
    }

    private static String cell(Element row, String cls) {
        return cellElement(row, cls).getTextContent();
    }

    private static List<String> items(Element row, String cls) {
        NodeList lis = cellElement(row, cls).getElementsByTagName("li");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lis.getLength(); i++) {
            out.add(lis.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> text(Element within, String tag, String cls) {
        NodeList nodes = within.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cls)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }
}
