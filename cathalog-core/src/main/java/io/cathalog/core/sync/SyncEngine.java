package io.cathalog.core.sync;

import io.cathalog.core.CathalogException;

/**
 * Makes one ERP account match the source of truth. The engine plans (a pure function of the
 * source of truth, what it observes in the ERP, what it wrote before and the marketplaces'
 * requirements), then applies the plan item by item through the rate-limited client, journaling
 * each change so that a crash is recovered by running again.
 *
 * <p>Every sync is idempotent: a second sync right after the first plans nothing. A plan is a dry
 * run: nothing is written until it is applied.
 */
public interface SyncEngine {

    /** Observes the ERP and plans; writes nothing to the ERP. */
    SyncPlan plan(PlanOptions options);

    /**
     * Applies a plan: every change gets exactly one outcome; a failed item does not stop the run.
     *
     * @throws CathalogException a stale-plan leaf when the ERP changed since the plan was made
     */
    ApplyReport apply(SyncPlan plan);

    /** Plans and applies at once. */
    default ApplyReport sync(PlanOptions options) {
        return apply(plan(options));
    }

    /**
     * Plans, lets {@code proceed} look at the plan (e.g. against the day's request budget), and
     * applies it if it says so — from the same look at the ERP, without reading it a second time.
     * When {@code proceed} declines, nothing is written and the report has no outcomes.
     */
    default ApplyReport sync(PlanOptions options, java.util.function.Predicate<SyncPlan> proceed) {
        SyncPlan plan = plan(options);
        return proceed.test(plan) ? apply(plan) : new ApplyReport("-", java.util.List.of(), java.time.Duration.ZERO);
    }

    /** A read-only report of how the ERP differs from the source of truth. */
    AuditReport audit();

    /** A builder for the engine of one account. */
    static SyncEngineBuilder builder() {
        return new SyncEngineBuilder();
    }
}
