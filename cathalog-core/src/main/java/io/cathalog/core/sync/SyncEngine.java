package io.cathalog.core.sync;

import java.util.function.Predicate;

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

    /**
     * Observes the ERP and plans; writes nothing, neither to the ERP nor to the state store.
     *
     * @param options the plan's options
     * @return the plan
     */
    SyncPlan plan(PlanOptions options);

    /**
     * Applies a plan: every change gets exactly one outcome; a failed item does not stop the run.
     *
     * @param plan the plan, made by this engine (perhaps saved and read back)
     * @return one outcome per change
     * @throws io.cathalog.core.StalePlanException when anything the plan depends on changed in the
     *                                             ERP since it was made
     */
    default ApplyReport apply(SyncPlan plan) {
        return apply(plan, RunControl.none());
    }

    /**
     * Applies a plan, asking {@code control} before every change whether to stop.
     *
     * @param plan    the plan
     * @param control asked before each change; a reason to stop ends the run cleanly
     * @return one outcome per change
     * @throws ApplyStoppedException when the run stopped early (the report holds every outcome)
     */
    ApplyReport apply(SyncPlan plan, RunControl control);

    /**
     * Plans and applies at once, from one look at the ERP.
     *
     * @param options the plan's options
     * @return one outcome per change
     */
    default ApplyReport sync(PlanOptions options) {
        return sync(options, plan -> true, RunControl.none());
    }

    /**
     * Plans, lets {@code proceed} look at the plan (e.g. against the day's request budget), and
     * applies it if it says so — from the same look at the ERP, without reading it a second time.
     * When {@code proceed} declines, nothing is written to the ERP and the report has no outcomes.
     *
     * @param options the plan's options
     * @param proceed whether to apply the plan
     * @return one outcome per change, or none
     */
    default ApplyReport sync(PlanOptions options, Predicate<SyncPlan> proceed) {
        return sync(options, proceed, RunControl.none());
    }

    /**
     * As {@link #sync(PlanOptions, Predicate)}, asking {@code control} while reading and before
     * every change whether to stop. The default plans, then applies; the engine of
     * {@link #builder()} reads the ERP once for both.
     *
     * @param options the plan's options
     * @param proceed whether to apply the plan
     * @param control asked between items; a reason to stop ends the run cleanly
     * @return one outcome per change, or none
     */
    default ApplyReport sync(PlanOptions options, Predicate<SyncPlan> proceed, RunControl control) {
        SyncPlan plan = plan(options);
        return proceed.test(plan) ? apply(plan, control)
                : new ApplyReport("-", java.util.List.of(), java.time.Duration.ZERO);
    }

    /**
     * A read-only report of how the ERP differs from the source of truth; writes nothing.
     *
     * @return the report
     */
    AuditReport audit();

    /**
     * A builder for the engine of one account.
     *
     * @return a new builder
     */
    static SyncEngineBuilder builder() {
        return new SyncEngineBuilder();
    }
}
