package io.cathalog.cli;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.ProductFilter;
import io.cathalog.bling.dto.BlingCategory;
import io.cathalog.core.model.Store;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * template has no triple mustache. Escaping cannot make every character well-formed XML: those XML
 * 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone surrogates) are removed from every value.
 */
final class HtmlAudit {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/cathalog/cli").compile("audit.mustache");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");

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

    /** The time of the report as people in the account's zone read it: to the second, with the zone. */
    static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone).withNano(0));
    }

    /**
     * How the page names a store: the catalog's name and key. Findings name a store by its key, or
     * by its ERP id (a link the ERP holds); either finds the catalog's store. A store the catalog
     * does not have keeps what the finding says.
     */
    static Map<String, String> storeNames(List<Store> stores) {
        Map<String, String> names = new HashMap<>();
        for (Store s : stores) {
            String name = s.name().isBlank() || s.name().equals(s.key()) ? s.key() : s.name() + " (" + s.key() + ")";
            names.put(s.key(), name);
            names.putIfAbsent(Long.toString(s.remoteId()), name);
        }
        return names;
    }

    /** {@code s} without the characters XML 1.0 forbids, which no escape can make well-formed. */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (allowed(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean allowed(char c) {
        // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] (pairs handled by the caller).
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /**
     * The page: store sections named by {@code storeNames} ({@link #storeNames}), the time in
     * {@code zone}.
     */
    static String render(AuditReport audit, List<TreeRow> tree, Map<String, String> storeNames, ZoneId zone) {
        return render(audit, tree, storeNames, List.of(), zone);
    }

    /**
     * The page, with a listings section for the catalog's {@code stores} (their policies and the
     * audit's listing findings).
     */
    static String render(AuditReport audit, List<TreeRow> tree, List<Store> stores, ZoneId zone) {
        return render(audit, tree, storeNames(stores), stores, zone);
    }

    private static String render(AuditReport audit, List<TreeRow> tree, Map<String, String> storeNames,
                                 List<Store> catalogStores, ZoneId zone) {
        Map<String, Object> model = new HashMap<>();
        model.put("listingStores", HtmlPlan.listingsModel(ListingsView.of(audit, catalogStores)));
        model.put("account", xmlSafe(audit.accountId()));
        model.put("at", time(audit.at(), zone));
        model.put("total", audit.findings().size());
        model.put("clean", audit.isClean());
        List<Map<String, Object>> counts = new ArrayList<>();
        Reports.countsByKind(audit).forEach((k, n) -> counts.add(Map.of("kind", xmlSafe(k), "n", n)));
        model.put("counts", counts);
        model.put("hasTree", !tree.isEmpty());
        model.put("tree", tree.stream()
                .map(r -> new TreeRow(xmlSafe(r.name()), xmlSafe(r.key()), r.indent(), r.products(), r.findings()))
                .toList());
        Map<String, List<Map<String, String>>> perStore = new TreeMap<>();
        List<Map<String, String>> other = new ArrayList<>();
        for (AuditFinding f : audit.findings()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("kind", xmlSafe(f.kind()));
            row.put("key", xmlSafe(f.key()));
            row.put("detail", xmlSafe(f.detail()));
            if (f.store().isPresent()) {
                String store = f.store().get();
                perStore.computeIfAbsent(xmlSafe(storeNames.getOrDefault(store, store)), s -> new ArrayList<>())
                        .add(row);
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
