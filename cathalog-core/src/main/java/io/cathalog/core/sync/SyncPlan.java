package io.cathalog.core.sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a sync would change, and what needs a person's attention. Immutable; the same inputs give
 * the same plan.
 *
 * @param accountId             the ERP account the plan is for
 * @param changes               in the order they would be applied
 * @param attention             items reported, never guessed
 * @param observedFingerprint   a fingerprint of what was observed in the ERP; applying the plan
 *                              after the ERP changed is refused as stale
 * @param drift                 values edited by hand in the ERP since the last sync
 * @param driftPolicy           what the plan did about them; under {@link DriftPolicy#FAIL} a plan
 *                              with drift is refused by apply
 * @param estimatedRequests     how many API requests applying would take
 * @param estimatedDuration     how long that takes at the account's rate
 */
public record SyncPlan(String accountId, List<PlannedChange> changes, List<AttentionItem> attention,
                       List<FieldDrift> drift, DriftPolicy driftPolicy, String observedFingerprint,
                       long estimatedRequests, Duration estimatedDuration) {

    /** The version of the plan's JSON form; a minor bump adds, a major one breaks. */
    public static final String FORMAT_VERSION = "1.0";

    public SyncPlan {
        Objects.requireNonNull(accountId, "accountId");
        changes = List.copyOf(changes);
        attention = List.copyOf(attention);
        drift = List.copyOf(drift);
        Objects.requireNonNull(driftPolicy, "driftPolicy");
        Objects.requireNonNull(observedFingerprint, "observedFingerprint");
        Objects.requireNonNull(estimatedDuration, "estimatedDuration");
    }

    /** How many changes of each action, e.g. for "2 to add, 5 to change, 0 to destroy". */
    public java.util.Map<ChangeAction, Long> counts() {
        java.util.Map<ChangeAction, Long> counts = new java.util.EnumMap<>(ChangeAction.class);
        for (ChangeAction a : ChangeAction.values()) {
            counts.put(a, 0L);
        }
        changes.forEach(c -> counts.merge(c.action(), 1L, Long::sum));
        return counts;
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** The plan as versioned JSON ({@link #FORMAT_VERSION}); the same plan gives the same bytes. */
    public String toJson() {
        return io.cathalog.core.sync.internal.PlanCodec.toJson(this);
    }

    /** Reads a plan saved with {@link #toJson()}. */
    public static SyncPlan fromJson(String json) {
        return io.cathalog.core.sync.internal.PlanCodec.fromJson(json);
    }

    /** The plan for people, Terraform-style, ending with a summary line. */
    public String render() {
        return io.cathalog.core.sync.internal.PlanCodec.toText(this);
    }

    /** The summary line alone: "Plan: 3 to add, 12 to change, 0 to destroy...". */
    public String summary() {
        return io.cathalog.core.sync.internal.PlanCodec.summary(this);
    }
}
