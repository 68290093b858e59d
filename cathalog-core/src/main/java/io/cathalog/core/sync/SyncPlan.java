package io.cathalog.core.sync;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a sync would change, and what needs a person's attention. Immutable; the same inputs give
 * the same plan. Its forms for people and for saving are renderings ({@link PlanFormat}).
 *
 * @param accountId           the ERP account the plan is for
 * @param changes             typed, in the order they would be applied
 * @param attention           items reported, never guessed
 * @param drift               values edited by hand in the ERP since the last sync
 * @param options             the options it was made with; under {@link DriftPolicy#FAIL} a plan
 *                            with drift is refused by apply
 * @param observedFingerprint a digest of everything the plan depends on in the ERP (its
 *                            premises: the items it changes, the categories' parents, the
 *                            products in a category it prunes); applying the plan after any of
 *                            them changed is refused as stale
 * @param categoryIds         the ERP id of every catalog category the ERP already has, as the
 *                            plan matched them; the engine remembers them when the plan is applied
 * @param readRequests        how many API requests reading the ERP took for this plan; applying a
 *                            saved plan reads as much again (it checks the plan's premises)
 * @param estimatedRequests   how many API requests applying would take, the reads included
 * @param estimatedDuration   how long that takes at the account's rate
 * @param requirementSources  for each store whose marketplace requirements the plan read, where
 *                            they came from, for people (live from the ERP, or the plugin's
 *                            offline snapshot), by store key
 */
public record SyncPlan(String accountId, List<Change> changes, List<AttentionItem> attention,
                       List<FieldDrift> drift, PlanOptions options, String observedFingerprint,
                       SortedMap<String, Long> categoryIds, long readRequests, long estimatedRequests,
                       Duration estimatedDuration, SortedMap<String, String> requirementSources) {

    /**
     * A plan that read no marketplace requirements.
     *
     * @param accountId           the ERP account
     * @param changes             the changes
     * @param attention           items that need a person
     * @param drift               hand edits
     * @param options             the options
     * @param observedFingerprint the premises' digest
     * @param categoryIds         the matched categories' ids
     * @param readRequests        requests reading took
     * @param estimatedRequests   requests applying would take
     * @param estimatedDuration   how long that takes
     * @throws IllegalArgumentException when the reads exceed the estimate
     */
    public SyncPlan(String accountId, List<Change> changes, List<AttentionItem> attention, List<FieldDrift> drift,
                    PlanOptions options, String observedFingerprint, SortedMap<String, Long> categoryIds,
                    long readRequests, long estimatedRequests, Duration estimatedDuration) {
        this(accountId, changes, attention, drift, options, observedFingerprint, categoryIds, readRequests,
                estimatedRequests, estimatedDuration, new TreeMap<>());
    }

    /**
     * A plan whose reads are not counted (made by hand, e.g. in tests).
     *
     * @param accountId           the ERP account
     * @param changes             the changes
     * @param attention           items that need a person
     * @param drift               hand edits
     * @param options             the options
     * @param observedFingerprint the premises' digest
     * @param categoryIds         the matched categories' ids
     * @param estimatedRequests   requests applying would take
     * @param estimatedDuration   how long that takes
     * @throws IllegalArgumentException when the estimate is negative
     */
    public SyncPlan(String accountId, List<Change> changes, List<AttentionItem> attention, List<FieldDrift> drift,
                    PlanOptions options, String observedFingerprint, SortedMap<String, Long> categoryIds,
                    long estimatedRequests, Duration estimatedDuration) {
        this(accountId, changes, attention, drift, options, observedFingerprint, categoryIds, 0, estimatedRequests,
                estimatedDuration);
    }

    /**
     * Validates and copies the components.
     *
     * @param accountId           as described above
     * @param changes             as described above
     * @param attention           as described above
     * @param drift               as described above
     * @param options             as described above
     * @param observedFingerprint as described above
     * @param categoryIds         as described above
     * @param readRequests        as described above
     * @param estimatedRequests   as described above
     * @param estimatedDuration   as described above
     * @param requirementSources  as described above
     * @throws IllegalArgumentException when the reads exceed the estimate
     */
    public SyncPlan {
        requirementSources = Collections.unmodifiableSortedMap(new TreeMap<>(requirementSources));
        Objects.requireNonNull(accountId, "accountId");
        changes = List.copyOf(changes);
        attention = List.copyOf(attention);
        drift = List.copyOf(drift);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(observedFingerprint, "observedFingerprint");
        categoryIds = Collections.unmodifiableSortedMap(new TreeMap<>(categoryIds));
        Objects.requireNonNull(estimatedDuration, "estimatedDuration");
        if (readRequests < 0 || estimatedRequests < readRequests) {
            throw new IllegalArgumentException("requests: " + readRequests + " to read of " + estimatedRequests);
        }
    }

    /**
     * The requests writing would take: the estimate less the reads.
     *
     * @return the write requests
     */
    public long writeRequests() {
        return estimatedRequests - readRequests;
    }

    /**
     * What the plan does about values edited by hand in the ERP.
     *
     * @return the options' drift policy
     */
    public DriftPolicy driftPolicy() {
        return options.drift();
    }

    /**
     * How many changes of each action, e.g. for "2 to add, 5 to change, 0 to destroy".
     *
     * @return every action, zero included
     */
    public Map<ChangeAction, Long> counts() {
        Map<ChangeAction, Long> counts = new EnumMap<>(ChangeAction.class);
        for (ChangeAction a : ChangeAction.values()) {
            counts.put(a, 0L);
        }
        changes.forEach(c -> counts.merge(c.action(), 1L, Long::sum));
        return counts;
    }

    /**
     * Whether applying would change anything.
     *
     * @return true when there is at least one change
     */
    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /**
     * The plan as versioned JSON ({@link PlanFormat#JSON}); the same plan gives the same bytes.
     *
     * @return the JSON
     */
    public String toJson() {
        return PlanFormat.JSON.render(this);
    }

    /**
     * Reads a plan saved with {@link #toJson()}.
     *
     * @param json the saved plan
     * @return the plan
     * @throws io.cathalog.core.CathalogException when the text is not a plan of a version this
     *                                            library reads
     */
    public static SyncPlan fromJson(String json) {
        return PlanFormat.parseJson(json);
    }

    /**
     * The plan for people ({@link PlanFormat#TEXT}), ending with a summary line.
     *
     * @return the text
     */
    public String render() {
        return PlanFormat.TEXT.render(this);
    }

    /**
     * The summary line alone: "Plan: 3 to add, 12 to change, 0 to destroy...".
     *
     * @return the summary
     */
    public String summary() {
        return PlanFormat.summary(this);
    }
}
