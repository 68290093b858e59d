package io.cathalog.core.sync;

import java.util.Objects;

/**
 * Choices for one plan.
 *
 * @param prune       delete ERP categories the source of truth does not have (only empty ones,
 *                    children first); destructive
 * @param allowMoves  allow moving a category to another parent, which Bling can only do as create
 *                    new, move the products, delete the old one; destructive
 * @param drift       what to do with values edited by hand in the ERP since the last sync
 * @param fullRefresh read every managed product again instead of only what changed since the last
 *                    run (costs one request per product; catches anything an incremental read
 *                    cannot see)
 */
public record PlanOptions(boolean prune, boolean allowMoves, DriftPolicy drift, boolean fullRefresh) {

    public PlanOptions {
        Objects.requireNonNull(drift, "drift");
    }

    /** Nothing destructive, drift overwritten, incremental reads. */
    public static PlanOptions defaults() {
        return new PlanOptions(false, false, DriftPolicy.OVERWRITE, false);
    }

    public PlanOptions withPrune(boolean p) {
        return new PlanOptions(p, allowMoves, drift, fullRefresh);
    }

    public PlanOptions withMoves(boolean m) {
        return new PlanOptions(prune, m, drift, fullRefresh);
    }

    public PlanOptions withDrift(DriftPolicy d) {
        return new PlanOptions(prune, allowMoves, d, fullRefresh);
    }

    public PlanOptions withFullRefresh(boolean f) {
        return new PlanOptions(prune, allowMoves, drift, f);
    }
}
