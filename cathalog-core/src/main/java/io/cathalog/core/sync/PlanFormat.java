package io.cathalog.core.sync;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two forms of a {@link SyncPlan}, both renderings of its typed changes.
 *
 * <ul>
 *   <li>{@link #TEXT}: for people, in Terraform's manner: {@code +} create, {@code ~} update with
 *       {@code before -> after}, {@code -} delete, {@code -/+} replace, {@code !} needs attention,
 *       and a summary line.</li>
 *   <li>{@link #JSON}: versioned ({@code format_version} {@value #JSON_VERSION}), with a stable
 *       field order, so that the same plan is the same bytes; {@link #parseJson(String)} reads it
 *       back into the same typed plan. A plan saved in an older major version is refused with a
 *       message that says to plan again.</li>
 * </ul>
 */
public enum PlanFormat {
    /** Text for people. */
    TEXT,
    /** Versioned JSON, to save, review and apply later. */
    JSON;

    /**
     * The version of the JSON form; a plan of another major version is refused. 2.1 added families
     * (a {@code create_product} with {@code variations}, {@code update_variations}); 2.2 added listings ({@code create_listing}, {@code update_listing},
     * {@code publish_listing}, {@code pause_listing}) and the per-store {@code requirement_sources};
     * 2.3 made publishing and pausing one kind, {@code set_listing_status} with its target
     * {@code status}, and gave listing values their {@code variations}; 2.4 added a status change's
     * {@code from} (the state the ERP holds the listing in) and an attention item's
     * {@code missing_attributes}. 2.0 to 2.3 files read as before (2.2's {@code publish_listing} and
     * {@code pause_listing} read as {@code set_listing_status}; no {@code from}, no missing attributes).
     */
    public static final String JSON_VERSION = "2.4";

    /**
     * Renders a plan in this form.
     *
     * @param plan the plan
     * @return the text or JSON (ending with a line break)
     */
    public String render(SyncPlan plan) {
        return this == JSON ? PlanJson.write(plan) : text(plan);
    }

    /**
     * Reads a plan saved in the JSON form.
     *
     * @param json the saved plan
     * @return the plan, typed as it was made
     * @throws io.cathalog.core.CathalogException when it is not a plan, or one of another major
     *                                            format version (plan again)
     */
    public static SyncPlan parseJson(String json) {
        return PlanJson.read(json);
    }

    /**
     * The summary line alone.
     *
     * @param plan the plan
     * @return e.g. "Plan: 3 to add, 12 to change, 0 to destroy, 1 to replace; 4 need attention.
     *         About 20 requests, 8 s at the account's rate."
     */
    public static String summary(SyncPlan plan) {
        Map<ChangeAction, Long> c = plan.counts();
        if (plan.changes().isEmpty()) {
            return "No changes." + (plan.attention().isEmpty() ? "" : " " + plan.attention().size() + " need attention.");
        }
        return "Plan: " + c.get(ChangeAction.CREATE) + " to add, " + c.get(ChangeAction.UPDATE) + " to change, "
                + c.get(ChangeAction.DELETE) + " to destroy, " + c.get(ChangeAction.REPLACE) + " to replace; "
                + plan.attention().size() + " need attention. About " + plan.estimatedRequests() + " requests"
                + (plan.readRequests() > 0 ? " (" + plan.readRequests() + " to read the ERP, " + plan.writeRequests()
                + " to write)" : "") + ", " + human(plan.estimatedDuration()) + " at the account's rate.";
    }

    /**
     * A duration as people say it: seconds under two minutes, minutes under two hours, then hours.
     *
     * @param d the duration
     * @return e.g. "8 s", "14 min", "3.5 h"
     */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }

    private static String text(SyncPlan plan) {
        StringBuilder s = new StringBuilder();
        for (Change c : plan.changes()) {
            s.append(c.action().symbol()).append(' ').append(Display.entity(c.entity())).append(' ').append(c.key());
            c.remoteId().ifPresent(id -> s.append(" (#").append(id).append(')'));
            if (c.destructive()) {
                s.append("  [destructive]");
            }
            s.append('\n');
            for (FieldChange f : c.fields()) {
                if (f.before().equals(f.after())) {
                    continue;
                }
                s.append("    ").append(f.field()).append(": ");
                if (c.action() == ChangeAction.CREATE || f.before().isEmpty()) {
                    s.append(quote(f.after()));
                } else if (c.action() == ChangeAction.DELETE) {
                    s.append(quote(f.before()));
                } else {
                    s.append(quote(f.before())).append(" -> ").append(quote(f.after()));
                }
                f.decidedBy().ifPresent(r -> s.append("   (rule ").append(r).append(')'));
                s.append('\n');
            }
        }
        for (FieldDrift d : plan.drift()) {
            s.append("~ drift ").append(Display.entity(d.entity())).append(' ').append(d.key()).append(' ')
                    .append(d.field()).append(": edited in the ERP since the last sync (").append(quote(d.lastKnown()))
                    .append(" -> ").append(quote(d.now())).append("); ").append(switch (plan.driftPolicy()) {
                        case OVERWRITE -> "the catalog's value is written back";
                        case KEEP_REMOTE -> "the ERP's value is kept";
                        case FAIL -> "apply is refused until a person decides";
                    }).append('\n');
        }
        for (AttentionItem a : plan.attention()) {
            s.append("! ").append(Display.entity(a.entity())).append(' ').append(a.key());
            a.store().ifPresent(st -> s.append(" [store ").append(st).append(']'));
            s.append(": ").append(a.reason()).append('\n');
        }
        plan.requirementSources().forEach((store, source) -> s.append("i requirements of store ").append(store)
                .append(": ").append(source).append('\n'));
        s.append(summary(plan)).append('\n');
        return s.toString();
    }

    private static String quote(Optional<String> v) {
        return v.map(x -> "\"" + x + "\"").orElse("(none)");
    }
}
