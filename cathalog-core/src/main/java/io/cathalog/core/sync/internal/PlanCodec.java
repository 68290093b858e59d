package io.cathalog.core.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.CathalogException;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.DriftPolicy;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.FieldChange;
import io.cathalog.core.sync.FieldDrift;
import io.cathalog.core.sync.PlannedChange;
import io.cathalog.core.sync.SyncPlan;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The plan's two forms: versioned JSON ({@code format_version}, stable field order, so the same
 * plan is the same bytes) and text for people, in Terraform's manner ({@code +} create, {@code ~}
 * update with {@code before -> after}, {@code -} delete, {@code -/+} replace, {@code !} needs
 * attention, and a summary line).
 */
public final class PlanCodec {
    private PlanCodec() {
    }

    public static String toJson(SyncPlan plan) {
        ObjectNode root = Json.object();
        root.put("format_version", SyncPlan.FORMAT_VERSION);
        root.put("account", plan.accountId());
        root.put("observed_fingerprint", plan.observedFingerprint());
        root.put("drift_policy", plan.driftPolicy().name().toLowerCase(Locale.ROOT));
        root.put("estimated_requests", plan.estimatedRequests());
        root.put("estimated_seconds", plan.estimatedDuration().toSeconds());
        ObjectNode summary = root.putObject("summary");
        Map<ChangeAction, Long> counts = plan.counts();
        for (ChangeAction a : ChangeAction.values()) {
            summary.put(a.name().toLowerCase(Locale.ROOT), counts.get(a));
        }
        summary.put("attention", plan.attention().size());
        summary.put("drift", plan.drift().size());
        ArrayNode changes = root.putArray("changes");
        for (PlannedChange c : plan.changes()) {
            ObjectNode o = changes.addObject();
            o.put("action", c.action().name().toLowerCase(Locale.ROOT));
            o.put("entity", c.entity().name().toLowerCase(Locale.ROOT));
            o.put("key", c.key());
            if (c.remoteId().isPresent()) {
                o.put("remote_id", c.remoteId().getAsLong());
            } else {
                o.putNull("remote_id");
            }
            o.put("destructive", c.destructive());
            ArrayNode fields = o.putArray("fields");
            for (FieldChange f : c.fields()) {
                ObjectNode fo = fields.addObject().put("field", f.field());
                optional(fo, "before", f.before());
                optional(fo, "after", f.after());
                optional(fo, "decided_by", f.decidedBy());
            }
        }
        ArrayNode attention = root.putArray("attention");
        for (AttentionItem a : plan.attention()) {
            ObjectNode o = attention.addObject().put("entity", a.entity().name().toLowerCase(Locale.ROOT))
                    .put("key", a.key());
            optional(o, "store", a.store());
            o.put("reason", a.reason());
        }
        ArrayNode drift = root.putArray("drift");
        for (FieldDrift d : plan.drift()) {
            ObjectNode o = drift.addObject().put("entity", d.entity().name().toLowerCase(Locale.ROOT))
                    .put("key", d.key()).put("field", d.field());
            optional(o, "last_known", d.lastKnown());
            optional(o, "now", d.now());
        }
        try {
            return Json.PRETTY.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void optional(ObjectNode o, String field, Optional<String> value) {
        if (value.isPresent()) {
            o.put(field, value.get());
        } else {
            o.putNull(field);
        }
    }

    /** Reads a plan written by {@link #toJson}; refuses another major format version. */
    public static SyncPlan fromJson(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CathalogException("not a plan: malformed JSON at " + e.getLocation(), e);
        }
        String version = root.path("format_version").asText("");
        if (!version.startsWith("1.")) {
            throw new CathalogException("unsupported plan format_version '" + version + "'; this version reads 1.x");
        }
        try {
            List<PlannedChange> changes = new ArrayList<>();
            for (JsonNode c : root.path("changes")) {
                List<FieldChange> fields = new ArrayList<>();
                for (JsonNode f : c.path("fields")) {
                    fields.add(new FieldChange(f.path("field").asText(), Json.text(f, "before"), Json.text(f, "after"),
                            Json.text(f, "decided_by")));
                }
                changes.add(new PlannedChange(ChangeAction.valueOf(c.path("action").asText().toUpperCase(Locale.ROOT)),
                        EntityKind.valueOf(c.path("entity").asText().toUpperCase(Locale.ROOT)), c.path("key").asText(),
                        c.path("remote_id").isNull() || c.path("remote_id").isMissingNode() ? OptionalLong.empty()
                                : OptionalLong.of(c.path("remote_id").asLong()),
                        fields, c.path("destructive").asBoolean()));
            }
            List<AttentionItem> attention = new ArrayList<>();
            for (JsonNode a : root.path("attention")) {
                attention.add(new AttentionItem(EntityKind.valueOf(a.path("entity").asText().toUpperCase(Locale.ROOT)),
                        a.path("key").asText(), Json.text(a, "store"), a.path("reason").asText()));
            }
            List<FieldDrift> drift = new ArrayList<>();
            for (JsonNode d : root.path("drift")) {
                drift.add(new FieldDrift(EntityKind.valueOf(d.path("entity").asText().toUpperCase(Locale.ROOT)),
                        d.path("key").asText(), d.path("field").asText(), Json.text(d, "last_known"), Json.text(d, "now")));
            }
            return new SyncPlan(root.path("account").asText(), changes, attention, drift,
                    DriftPolicy.valueOf(root.path("drift_policy").asText("overwrite").toUpperCase(Locale.ROOT)),
                    root.path("observed_fingerprint").asText(), root.path("estimated_requests").asLong(),
                    Duration.ofSeconds(root.path("estimated_seconds").asLong()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CathalogException("not a valid plan: " + e.getMessage(), e);
        }
    }

    /** The plan for people. */
    public static String toText(SyncPlan plan) {
        StringBuilder s = new StringBuilder();
        for (PlannedChange c : plan.changes()) {
            s.append(c.action().symbol()).append(' ').append(entity(c.entity())).append(' ').append(c.key());
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
            s.append("~ drift ").append(entity(d.entity())).append(' ').append(d.key()).append(' ').append(d.field())
                    .append(": edited in the ERP since the last sync (").append(quote(d.lastKnown())).append(" -> ")
                    .append(quote(d.now())).append("); ").append(switch (plan.driftPolicy()) {
                        case OVERWRITE -> "the catalog's value is written back";
                        case KEEP_REMOTE -> "the ERP's value is kept";
                        case FAIL -> "apply is refused until a person decides";
                    }).append('\n');
        }
        for (AttentionItem a : plan.attention()) {
            s.append("! ").append(entity(a.entity())).append(' ').append(a.key());
            a.store().ifPresent(st -> s.append(" [store ").append(st).append(']'));
            s.append(": ").append(a.reason()).append('\n');
        }
        s.append(summary(plan)).append('\n');
        return s.toString();
    }

    /** "Plan: 3 to add, 12 to change, 0 to destroy, 1 to replace; 4 need attention. About 20 requests, 8 s." */
    public static String summary(SyncPlan plan) {
        Map<ChangeAction, Long> c = plan.counts();
        if (plan.changes().isEmpty()) {
            return "No changes." + (plan.attention().isEmpty() ? "" : " " + plan.attention().size() + " need attention.");
        }
        return "Plan: " + c.get(ChangeAction.CREATE) + " to add, " + c.get(ChangeAction.UPDATE) + " to change, "
                + c.get(ChangeAction.DELETE) + " to destroy, " + c.get(ChangeAction.REPLACE) + " to replace; "
                + plan.attention().size() + " need attention. About " + plan.estimatedRequests() + " requests, "
                + human(plan.estimatedDuration()) + " at the account's rate.";
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }

    private static String entity(EntityKind k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String quote(Optional<String> v) {
        return v.map(x -> "\"" + x + "\"").orElse("(none)");
    }
}
