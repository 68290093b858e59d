package io.cathalog.cli;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.ProductFilter;
import io.cathalog.bling.dto.BlingCategory;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit as one self-contained XHTML page. Product and category names come from Bling and are
 * untrusted: they only reach the page through Mustache's {@code {{ }}}, which escapes them; the
 * template has no triple mustache.
 */
final class HtmlAudit {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/cathalog/cli").compile("audit.mustache");

    private HtmlAudit() {
    }

    /** One row of the category tree. */
    record TreeRow(String name, String key, int indent, long products, long findings) {
    }

    /** Reads the category tree and counts products per category (one listing per category). */
    static List<TreeRow> categoryTree(BlingClient client, AuditReport audit, Map<Long, String> keysById) {
        List<BlingCategory> all = client.categories().list().toList();
        Map<Long, List<BlingCategory>> children = new HashMap<>();
        List<BlingCategory> roots = new ArrayList<>();
        Map<Long, BlingCategory> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        for (BlingCategory c : all) {
            long parent = c.categoriaPai().orElse(0);
            if (parent == 0 || !byId.containsKey(parent)) {
                roots.add(c);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(c);
            }
        }
        List<TreeRow> rows = new ArrayList<>();
        roots.sort(Comparator.comparing(BlingCategory::descricao));
        for (BlingCategory root : roots) {
            walk(root, 0, children, client, audit, keysById, rows);
        }
        return rows;
    }

    private static void walk(BlingCategory c, int depth, Map<Long, List<BlingCategory>> children, BlingClient client,
                             AuditReport audit, Map<Long, String> keysById, List<TreeRow> rows) {
        long products = client.products().list(ProductFilter.all().inCategory(c.id())).count();
        // Findings name a category by its catalog key, or by "#id" when the catalog has none for it.
        String key = keysById.get(c.id());
        long findings = audit.findings().stream().filter(f -> f.key().equals("#" + c.id())
                || (key != null && f.key().equals(key))).count();
        rows.add(new TreeRow(c.descricao(), key == null ? "" : key, 1 + depth * 2, products, findings));
        List<BlingCategory> kids = new ArrayList<>(children.getOrDefault(c.id(), List.of()));
        kids.sort(Comparator.comparing(BlingCategory::descricao));
        for (BlingCategory k : kids) {
            walk(k, depth + 1, children, client, audit, keysById, rows);
        }
    }

    static String render(AuditReport audit, List<TreeRow> tree) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", audit.accountId());
        model.put("at", audit.at().toString());
        model.put("total", audit.findings().size());
        model.put("clean", audit.isClean());
        List<Map<String, Object>> counts = new ArrayList<>();
        Reports.countsByKind(audit).forEach((k, n) -> counts.add(Map.of("kind", k, "n", n)));
        model.put("counts", counts);
        model.put("hasTree", !tree.isEmpty());
        model.put("tree", tree);
        Map<String, List<Map<String, String>>> perStore = new TreeMap<>();
        List<Map<String, String>> other = new ArrayList<>();
        for (AuditFinding f : audit.findings()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("kind", f.kind());
            row.put("key", f.key());
            row.put("detail", f.detail());
            if (f.store().isPresent()) {
                perStore.computeIfAbsent(f.store().get(), s -> new ArrayList<>()).add(row);
            } else {
                other.add(row);
            }
        }
        List<Map<String, Object>> stores = new ArrayList<>();
        perStore.forEach((s, items) -> stores.add(Map.of("name", s, "size", items.size(), "items", items)));
        model.put("stores", stores);
        model.put("hasOther", !other.isEmpty());
        model.put("other", other);
        StringWriter w = new StringWriter();
        TEMPLATE.execute(w, model);
        return w.toString();
    }
}
