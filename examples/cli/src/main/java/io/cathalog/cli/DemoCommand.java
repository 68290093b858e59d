package io.cathalog.cli;

import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** The one-command demo: a full sync of the sandbox's messy demo account, then proof it is done. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a full sync of a messy demo account in an in-process Bling sandbox.",
                "Plan -> apply -> audit -> plan again, with in-memory state and the sandbox's limits off.",
                "Exit code 0 when the second plan is empty, 1 otherwise."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--plan-lines", defaultValue = "" + Reports.PLAN_LINES,
            description = "How many lines of the text plan to show (default: ${DEFAULT-VALUE}).")
    int planLines;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Also write the first plan and the audit as HTML pages (plan.html, audit.html) in DIR.")
    java.nio.file.Path html;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        long started = System.nanoTime();
        // The sandbox's rate limits and IP blocks are Bling's real ones; with them the demo would
        // take minutes at 3 requests a second. The demo is about the data.
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false)
                .start()) {
            String account = sandbox.defaultAccountId();
            out.println(Style.bold("== Bling sandbox") + " at " + sandbox.baseUrl()
                    + " with the demo account (sandbox limits off for the demo)");
            BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(Engines.fastLimiter(account))
                    .build();
            MarketplaceRegistry marketplaces = MarketplaceRegistry.load(DemoCommand.class.getClassLoader());
            io.cathalog.core.model.Catalog catalog = JsonCatalogFile.reader().read(DemoCatalog.json(), "demo-catalog.json");
            out.println("   marketplace plugins: " + Engines.describe(marketplaces));
            ProgressPrinter progress = new ProgressPrinter(out, Style.terminal());
            SyncEngine engine = SyncEngine.builder().account(account)
                    .source(CatalogSource.of(catalog))
                    .remote(new BlingCatalogRemote(client))
                    .state(new InMemorySyncStateStore())
                    .marketplaces(marketplaces)
                    .progress(progress)
                    .requestsPerSecond(Engines.FAST_RATE)   // the estimate at this demo's pace, not Bling's
                    .build();
            PlanOptions options = PlanOptions.defaults().withPrune(true);

            out.println();
            out.println(Style.bold("== 1. plan") + " (a dry run: nothing is written)");
            out.println("   with pruning (plan --prune): empty categories the catalog does not have are deleted");
            out.printf(java.util.Locale.ROOT, "   the estimate is at this sandbox's pace, %.0f requests/s"
                    + " (Bling allows 3/s: plan against Bling for its real time)%n", Engines.FAST_RATE);
            SyncPlan plan = engine.plan(options);
            Reports.printPlan(plan, out, planLines);
            out.println();
            out.println(Style.bold("   a family being fixed") + " (MOD-CAL-V1 in Bling: size 39/40 missing, 37/38 twice,"
                    + " 41/42 without GTIN)");
            Reports.printFamilies(plan, out);

            out.println();
            out.println(Style.bold("== 2. apply"));
            ApplyReport report;
            try {
                report = engine.apply(plan);
            } finally {
                progress.finish();
            }
            Reports.printApply(report, out);

            Reports.printFamily(sandbox.account(), "MOD-CAL-V1", out);
            printListings(plan, report, catalog, new BlingCatalogRemote(client), out);

            out.println();
            out.println(Style.bold("== 3. audit") + " (read-only: what is left needs a person)");
            AuditReport audit = engine.audit();
            Reports.printAudit(audit, out, 0);
            if (html != null) {
                writeReports(plan, audit, catalog, client, out);
            }

            out.println();
            out.println(Style.bold("== 4. plan again"));
            SyncPlan second = engine.plan(options);
            if (second.hasChanges()) {
                Reports.printPlan(second, out, planLines);
            }
            out.printf(java.util.Locale.ROOT, "Demo took %.1f s.%n", (System.nanoTime() - started) / 1e9);
            if (second.hasChanges()) {
                out.println("Second plan: " + second.changes().size() + " changes.");
                return 1;
            }
            out.println("Second plan: no changes.");
            return 0;
        }
    }

    /**
     * Per store: where its requirements came from; for a store whose listing policy the engine
     * keeps, the listings the plan made, what Bling holds after applying it, and why the other
     * products are not listed.
     */
    static void printListings(SyncPlan plan, ApplyReport report, io.cathalog.core.model.Catalog catalog,
                              BlingCatalogRemote remote, PrintStream out) {
        out.println();
        out.println(Style.bold("   listings (anúncios)") + " per store");
        for (ListingsView.StoreListings s : ListingsView.of(plan, catalog.stores())) {
            out.println("   " + Style.bold(Style.safe(s.key())) + ": requirements from "
                    + Style.safe(s.source().isEmpty() ? "(none read)" : s.source()));
            java.util.Optional<io.cathalog.core.model.Store> store = catalog.store(s.key());
            if (store.isEmpty() || !store.get().managesListings()) {
                out.println("     no listing policy: its listings are left alone");
                continue;
            }
            long toPublish = s.rows().stream().filter(r -> r.action().equals("create") && r.status().equals("published"))
                    .count();
            long created = report.outcomes().stream().filter(o -> o.change() instanceof io.cathalog.core.sync.Change.CreateListing
                    && o.change().key().startsWith(s.key() + "/") && o.outcome() == io.cathalog.core.sync.Outcome.CREATED)
                    .count();
            out.println("     policy: " + s.policy() + "; the plan: " + s.counts().entrySet().stream()
                    .map(e -> e.getValue() + " to " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("no listing changes")
                    + " (" + toPublish + " to publish once created)");
            java.util.List<io.cathalog.core.remote.RemoteListing> listings =
                    remote.listings(store.get().remoteId(), store.get().marketplace());
            java.util.Map<String, Long> states = listings.stream().collect(java.util.stream.Collectors.groupingBy(
                    l -> l.state().name().toLowerCase(java.util.Locale.ROOT), java.util.TreeMap::new,
                    java.util.stream.Collectors.counting()));
            out.println(Style.bold("   listings of store " + s.key()) + " (its listing policy: "
                    + store.get().listingPolicy().status().name().toLowerCase(java.util.Locale.ROOT) + "): "
                    + listings.size() + " in Bling " + states + "; " + created + " created by this run"
                    + (states.containsKey("draft") ? " (an inactive product's listing is created as a draft and left unpublished)" : ""));
            listings.stream().limit(5).forEach(l -> out.println("     #" + l.id() + " " + Style.safe(l.title()) + "  ["
                    + l.state().name().toLowerCase(java.util.Locale.ROOT) + ", " + l.attributes().size() + " attributes]"));
            if (listings.size() > 5) {
                out.println("     ... " + (listings.size() - 5) + " more");
            }
            out.println("     " + s.notListed().size() + " products not listed; why (the plan names each):");
            ListingsView.notListedSummary(s, 8).forEach(line -> out.println("       " + Style.safe(line)));
        }
    }

    /** The first plan's and the audit's HTML pages, in {@link #html}. */
    private void writeReports(SyncPlan plan, AuditReport audit, io.cathalog.core.model.Catalog catalog,
                              BlingClient client, PrintStream out) {
        try {
            java.nio.file.Files.createDirectories(html);
            java.nio.file.Path planPage = html.resolve("plan.html");
            java.nio.file.Path auditPage = html.resolve("audit.html");
            java.nio.file.Files.writeString(planPage, HtmlPlan.render(plan, catalog.stores()),
                    java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.writeString(auditPage, HtmlAudit.render(audit,
                    HtmlAudit.categoryTree(client, audit, java.util.Map.of()), catalog.stores(), Reports.ACCOUNT_ZONE),
                    java.nio.charset.StandardCharsets.UTF_8);
            out.println("   wrote " + planPage + " and " + auditPage);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
