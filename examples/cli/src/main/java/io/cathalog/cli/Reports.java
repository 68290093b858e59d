package io.cathalog.cli;

import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.SyncPlan;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Plans, apply reports and audits for people: short enough to read on one screen. */
final class Reports {
    static final int PLAN_LINES = 40;
    /** A Bling account's zone: Bling keeps Brazil's time, and counts its daily quota in it. */
    static final java.time.ZoneId ACCOUNT_ZONE = java.time.ZoneId.of("America/Sao_Paulo");

    private Reports() {
    }

    /** The first lines of the text plan, the count of each kind of change, and the summary line. */
    static void printPlan(SyncPlan plan, PrintStream out, int maxLines) {
        List<String> lines = plan.render().strip().lines().toList();
        // render() ends with the summary line; it is printed last, after the counts.
        List<String> body = lines.isEmpty() ? List.of() : lines.subList(0, lines.size() - 1);
        body.stream().limit(maxLines).map(Style::safe).map(Reports::colour).forEach(l -> out.println("  " + l));
        if (body.size() > maxLines) {
            out.println("  ... " + (body.size() - maxLines) + " more lines (plan --out plan.json has them all)");
        }
        Map<String, Long> kinds = plan.changes().stream().collect(Collectors.groupingBy(
                c -> c.action().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + c.entity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                TreeMap::new, Collectors.counting()));
        if (!kinds.isEmpty()) {
            out.println("  By kind:");
            kinds.forEach((k, n) -> out.printf("    %-32s %5d%n", k, n));
        }
        if (!plan.attention().isEmpty()) {
            out.println("  Needs a person: " + plan.attention().size() + " items (see audit)");
        }
        out.println(Style.bold(plan.summary()));
    }

    /** The plan's writes of families' variations, one block per family, variations under it. */
    static void printFamilies(SyncPlan plan, PrintStream out) {
        for (io.cathalog.core.sync.Change c : plan.changes()) {
            if (!(c instanceof io.cathalog.core.sync.Change.UpdateVariations u)) {
                continue;
            }
            out.println("  " + colour("~ family " + u.sku() + " (#" + u.id() + ")" + (u.destructive() ? "  [destructive]" : "")));
            for (io.cathalog.core.sync.VariationEntry v : u.variations()) {
                String what = switch (v.action()) {
                    case ADD -> "+ " + v.sku() + " " + v.optionsText();
                    case REMOVE -> "- " + v.sku() + " " + v.optionsBefore().orElse(v.optionsText());
                    case CHANGE -> "~ " + v.sku() + " " + v.optionsText() + " " + v.values().describe().stream()
                            .map(f -> f.field() + " " + f.before().orElse("(none)") + " -> " + f.after().orElse("(none)"))
                            .toList();
                    case KEEP -> "  " + v.sku() + " " + v.optionsText() + " (carried, unchanged)";
                };
                out.println("      " + colour(what));
            }
        }
    }

    /** A family as the sandbox holds it now: its variations and those deleted. */
    static void printFamily(io.cathalog.bling.sandbox.SandboxAccount account, String sku, PrintStream out) {
        account.productByCode(sku).ifPresent(p -> {
            java.util.List<String> vs = new java.util.ArrayList<>();
            p.path("variacoes").forEach(v -> vs.add(v.path("codigo").asText() + " " + v.path("variacao").path("nome")
                    .asText() + (v.path("gtin").asText("").isEmpty() ? " (no GTIN)" : "")));
            out.println("  family " + sku + " now: " + vs);
            out.println("  variations deleted (each named by the plan): " + account.deletedVariationCodes());
        });
    }

    private static String colour(String line) {
        String t = line.stripLeading();
        if (t.startsWith("+ ")) {
            return Style.green(line);
        }
        if (t.startsWith("~ ") || t.startsWith("! ")) {
            return Style.yellow(line);
        }
        if (t.startsWith("- ")) {
            return Style.error(line);
        }
        return line;
    }

    static void printApply(ApplyReport report, PrintStream out) {
        String counts = report.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        out.println("Applied " + report.outcomes().size() + " changes in "
                + ProgressPrinter.format(report.duration()) + (counts.isEmpty() ? "" : ": " + counts) + ".");
        report.outcomes().stream().filter(o -> o.outcome() == io.cathalog.core.sync.Outcome.FAILED).limit(20)
                .forEach(o -> out.println(Style.error("  failed: " + Style.safe(describe(o.change())
                        + o.error().map(e -> ": " + e).orElse("")))));
    }

    /** Finding counts by kind, then the findings themselves up to a limit. */
    static void printAudit(AuditReport audit, PrintStream out, int maxFindings) {
        Map<String, Long> kinds = countsByKind(audit);
        out.println("Audit of " + audit.accountId() + " at " + HtmlAudit.time(audit.at(), ACCOUNT_ZONE) + ": "
                + audit.findings().size()
                + " findings" + (audit.isClean() ? " (clean)" : ""));
        kinds.forEach((k, n) -> out.printf("    %-32s %5d%n", k, n));
        audit.findings().stream().limit(maxFindings).forEach(f -> out.println("  " + Style.safe(line(f))));
        if (maxFindings > 0 && audit.findings().size() > maxFindings) {
            out.println("  ... " + (audit.findings().size() - maxFindings) + " more (audit --format json)");
        }
    }

    static Map<String, Long> countsByKind(AuditReport audit) {
        return audit.findings().stream()
                .collect(Collectors.groupingBy(AuditFinding::kind, TreeMap::new, Collectors.counting()));
    }

    private static String line(AuditFinding f) {
        return f.kind() + " " + f.key() + f.store().map(s -> " [" + s + "]").orElse("") + ": " + f.detail();
    }

    static String describe(Change c) {
        return c.action() + " " + c.entity() + " " + c.key();
    }
}
