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
 * @param estimatedRequests     how many API requests applying would take
 * @param estimatedDuration     how long that takes at the account's rate
 */
public record SyncPlan(String accountId, List<PlannedChange> changes, List<AttentionItem> attention,
                       String observedFingerprint, long estimatedRequests, Duration estimatedDuration) {
    public SyncPlan {
        Objects.requireNonNull(accountId, "accountId");
        changes = List.copyOf(changes);
        attention = List.copyOf(attention);
        Objects.requireNonNull(observedFingerprint, "observedFingerprint");
        Objects.requireNonNull(estimatedDuration, "estimatedDuration");
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }
}
