package io.cathalog.cli;

import io.cathalog.core.sync.PlanOptions;
import picocli.CommandLine.Option;

/** The planning options of plan, apply (without a plan file) and sync. */
final class PlanFlags {
    @Option(names = "--prune", description = "Plan deleting categories that are not in the catalog.")
    boolean prune;

    @Option(names = "--moves", description = "Plan moving categories to another parent.")
    boolean moves;

    PlanOptions planOptions() {
        return PlanOptions.defaults().withPrune(prune).withMoves(moves);
    }
}
