package io.cathalog.cli;

import io.cathalog.core.sync.SyncPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A dry run: what a sync would change. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Observes the Bling account and prints what a sync would change; writes nothing to Bling.",
                "Exit code: 0 no changes, 2 changes present, 1 error."})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Mixin
    PlanFlags flags;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan as JSON, for `apply FILE`.")
    Path out;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the plan as one self-contained HTML page (its listings per store included).")
    Path html;

    @Option(names = "--lines", defaultValue = "" + Reports.PLAN_LINES,
            description = "How many lines of the text plan to show (default: ${DEFAULT-VALUE}).")
    int lines;

    @Override
    public Integer call() throws Exception {
        CliConfig config = options.load();
        SyncPlan plan;
        // Observing writes the state (cursors, snapshots): one process per account.
        try (AccountLock lock = AccountLock.acquire(config, "plan")) {
            plan = Engines.engine(config, Engines.client(config), p -> { }).plan(flags.planOptions());
        }
        Reports.printPlan(plan, System.out, lines);
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, plan.toJson(), StandardCharsets.UTF_8);
            System.out.println("Saved the plan to " + out + "; apply it with: cathalog apply " + out);
        }
        if (html != null) {
            if (html.toAbsolutePath().getParent() != null) {
                Files.createDirectories(html.toAbsolutePath().getParent());
            }
            // Store sections are named as the catalog names its stores.
            java.util.List<io.cathalog.core.model.Store> stores =
                    io.cathalog.core.catalog.JsonCatalogFile.source(config.catalogOrFail()).load().stores();
            Files.writeString(html, HtmlPlan.render(plan, stores), StandardCharsets.UTF_8);
            System.out.println("Wrote the plan's HTML report to " + html);
        }
        return plan.hasChanges() ? 2 : 0;
    }
}
