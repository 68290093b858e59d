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
            printListings(catalog, new BlingCatalogRemote(client), out);
            long notListed = plan.attention().stream().filter(a -> a.entity() == io.cathalog.core.sync.EntityKind.LISTING)
                    .count();
            out.println("     " + notListed + " products not listed: the plan says why (e.g. "
                    + plan.attention().stream().filter(a -> a.entity() == io.cathalog.core.sync.EntityKind.LISTING)
                    .map(a -> Style.safe(a.key() + ": " + a.reason())).findFirst().orElse("none") + ")");

            out.println();
            out.println(Style.bold("== 3. audit") + " (read-only: what is left needs a person)");
            AuditReport audit = engine.audit();
            Reports.printAudit(audit, out, 0);

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

    /** The listings (anúncios) of each store whose listing policy the engine keeps, as Bling now holds them. */
    private static void printListings(io.cathalog.core.model.Catalog catalog, BlingCatalogRemote remote, PrintStream out) {
        for (io.cathalog.core.model.Store store : catalog.stores()) {
            if (!store.managesListings()) {
                continue;
            }
            java.util.List<io.cathalog.core.remote.RemoteListing> listings = remote.listings(store.remoteId(),
                    store.marketplace());
            out.println();
            out.println(Style.bold("   listings of store " + store.key()) + " (its listing policy: "
                    + store.listingPolicy().status().name().toLowerCase(java.util.Locale.ROOT) + "): "
                    + listings.size() + " in Bling");
            listings.stream().limit(8).forEach(l -> out.println("     #" + l.id() + " " + Style.safe(l.title()) + "  ["
                    + l.state().name().toLowerCase(java.util.Locale.ROOT) + ", " + l.attributes().size() + " attributes]"));
            if (listings.size() > 8) {
                out.println("     ... " + (listings.size() - 8) + " more");
            }
        }
    }
}
