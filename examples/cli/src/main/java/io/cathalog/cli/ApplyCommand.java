package io.cathalog.cli;

import io.cathalog.bling.BlingClient;
import io.cathalog.core.StalePlanException;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Applies a saved plan, or plans and applies at once. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Applies a plan saved with `plan --out FILE`; refused when Bling changed since the plan.",
                "Without a file, plans and applies at once (like sync).",
                "Exit code: 0 applied with no failures, 1 error, stale plan or failed items."})
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Mixin
    PlanFlags flags;

    @Parameters(arity = "0..1", paramLabel = "PLAN", description = "A plan JSON file from `plan --out`.")
    Path planFile;

    @Override
    public Integer call() throws Exception {
        CliConfig config = options.load();
        SyncPlan plan = null;
        if (planFile != null) {
            if (!Files.isRegularFile(planFile)) {
                System.err.println(Style.error("error: plan file " + planFile + (Files.exists(planFile)
                        ? " is not a file" : " does not exist") + "; make one with `cathalog plan --out FILE`,"
                        + " or run `cathalog apply` without a file to plan and apply at once"));
                return 1;
            }
            plan = SyncPlan.fromJson(Files.readString(planFile, StandardCharsets.UTF_8));
            if (!plan.accountId().equals(config.account())) {
                System.err.println(Style.error("error: " + planFile + " is a plan for account '" + plan.accountId()
                        + "', not '" + config.account() + "'"));
                return 1;
            }
        }
        return run(config, flags, plan);
    }

    /** Applies {@code plan}, or a fresh plan when it is null; shared with `sync`. */
    static int run(CliConfig config, PlanFlags flags, SyncPlan plan) {
        try (AccountLock lock = AccountLock.acquire(config, plan == null ? "sync" : "apply")) {
            return runLocked(config, flags, plan);
        }
    }

    private static int runLocked(CliConfig config, PlanFlags flags, SyncPlan plan) {
        ProgressPrinter progress = new ProgressPrinter(System.out, Style.terminal());
        BlingClient client = Engines.client(config);
        SyncEngine engine = Engines.engine(config, client, progress);
        if (plan == null) {
            plan = engine.plan(flags.planOptions());
            System.out.println(plan.summary());
        }
        if (!plan.hasChanges()) {
            System.out.println("Nothing to apply.");
            return 0;
        }
        ApplyReport report;
        try {
            report = engine.apply(plan);
        } catch (StalePlanException e) {
            progress.finish();
            System.err.println(Style.error("error: the plan is stale: Bling changed since it was made."
                    + " Make a new plan (cathalog plan --out FILE) and apply that."));
            return 1;
        } finally {
            progress.finish();
        }
        Reports.printApply(report, System.out);
        return report.hasFailures() ? 1 : 0;
    }
}
