package io.cathalog.cli;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.cathalog.core.model.Store;
import io.cathalog.core.sync.SyncPlan;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.cathalog.cli.HtmlAudit.xmlSafe;

/**
 * A plan as one self-contained XHTML page: its summary, its changes by kind and its listings per
 * store ({@code listings.mustache}, which the audit page shares). As in {@link HtmlAudit}, every
 * value reaches the page through Mustache's escaping {@code {{ }}} and loses the characters XML
 * 1.0 forbids.
 */
final class HtmlPlan {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/cathalog/cli").compile("plan.mustache");

    private HtmlPlan() {
    }

    /** The page of {@code plan}, its stores named as the catalog names them. */
    static String render(SyncPlan plan, List<Store> stores) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", xmlSafe(plan.accountId()));
        model.put("summary", xmlSafe(plan.summary()));
        Map<String, Long> kinds = plan.changes().stream().collect(Collectors.groupingBy(
                c -> c.action().name().toLowerCase(Locale.ROOT) + " "
                        + c.entity().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                TreeMap::new, Collectors.counting()));
        List<Map<String, Object>> rows = new ArrayList<>();
        kinds.forEach((k, n) -> rows.add(Map.of("kind", k, "n", n)));
        model.put("kinds", rows);
        model.put("listingStores", listingsModel(ListingsView.of(plan, stores)));
        StringWriter w = new StringWriter();
        TEMPLATE.execute(w, model);
        return w.toString();
    }

    /** The model of {@code listings.mustache}: plain maps of XML-safe text. */
    static List<Map<String, Object>> listingsModel(List<ListingsView.StoreListings> stores) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ListingsView.StoreListings s : stores) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", xmlSafe(s.key()));
            m.put("name", xmlSafe(s.name()));
            m.put("source", xmlSafe(s.source().isEmpty() ? "not read for this report" : s.source()));
            m.put("policy", xmlSafe(s.policy().isEmpty() ? "No listing policy: its listings are left alone."
                    : "Listing policy: " + s.policy() + "."));
            Map<String, Long> counts = s.counts();
            for (String a : List.of("create", "update", "publish", "pause")) {
                m.put(a + "N", counts.getOrDefault(a, 0L));
            }
            m.put("hasRows", !s.rows().isEmpty());
            m.put("rows", s.rows().stream().map(r -> {
                Map<String, Object> row = new HashMap<>();
                row.put("action", xmlSafe(r.action()));
                row.put("sku", xmlSafe(r.sku()));
                row.put("category", xmlSafe(r.category()));
                row.put("title", xmlSafe(r.title()));
                row.put("price", xmlSafe(r.price()));
                row.put("status", xmlSafe(r.status()));
                row.put("attributes", r.attributes().stream().map(HtmlAudit::xmlSafe).toList());
                return row;
            }).toList());
            m.put("notListedN", s.notListed().size());
            m.put("hasNotListed", !s.notListed().isEmpty());
            m.put("notListed", s.notListed().stream().map(n -> Map.of("sku", xmlSafe(n.sku()),
                    "reason", xmlSafe(n.reason()), "missing", n.missing().stream().map(HtmlAudit::xmlSafe).toList()))
                    .toList());
            m.put("findingsN", s.findings().size());
            m.put("hasFindings", !s.findings().isEmpty());
            m.put("findings", s.findings().stream().map(f -> Map.of("kind", xmlSafe(f.kind()),
                    "key", xmlSafe(f.key()), "detail", xmlSafe(f.detail()))).toList());
            out.add(m);
        }
        return out;
    }
}
