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

    /**
     * Checks the options.
     *
     * @param prune       delete ERP categories (and, in families, variations) the source of truth
     *                    does not have; destructive
     * @param allowMoves  allow moving a category to another parent; destructive
     * @param drift       what to do with values edited by hand in the ERP
     * @param fullRefresh read every managed product again
     * @throws NullPointerException when {@code drift} is null
     */
    public PlanOptions {
        Objects.requireNonNull(drift, "drift");
    }

    /**
     * Nothing destructive, drift overwritten, incremental reads.
     *
     * @return the default options
     */
    public static PlanOptions defaults() {
        return new PlanOptions(false, false, DriftPolicy.OVERWRITE, false);
    }

    /**
     * These options with prune on or off.
     *
     * @param p whether to delete what the source of truth does not have
     * @return the new options
     */
    public PlanOptions withPrune(boolean p) {
        return new PlanOptions(p, allowMoves, drift, fullRefresh);
    }

    /**
     * These options with category moves allowed or not.
     *
     * @param m whether a category may move to another parent
     * @return the new options
     */
    public PlanOptions withMoves(boolean m) {
        return new PlanOptions(prune, m, drift, fullRefresh);
    }

    /**
     * These options with another drift policy.
     *
     * @param d what to do with values edited by hand in the ERP
     * @return the new options
     */
    public PlanOptions withDrift(DriftPolicy d) {
        return new PlanOptions(prune, allowMoves, d, fullRefresh);
    }

    /**
     * These options with a full refresh or an incremental read.
     *
     * @param f whether to read every managed product again
     * @return the new options
     */
    public PlanOptions withFullRefresh(boolean f) {
        return new PlanOptions(prune, allowMoves, drift, f);
    }
}
