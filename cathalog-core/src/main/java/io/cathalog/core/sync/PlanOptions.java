package io.cathalog.core.sync;

/**
 * Choices for one plan: whether destructive changes are allowed.
 *
 * @param prune          delete ERP categories that the source of truth does not have (only
 *                       empty ones, children first)
 * @param allowMoves     allow a category move, which the ERP can only do as create, move
 *                       products, delete
 */
public record PlanOptions(boolean prune, boolean allowMoves) {

    /** Nothing destructive. */
    public static PlanOptions defaults() {
        return new PlanOptions(false, false);
    }
}
