package io.cathalog.core.sync.internal;

import io.cathalog.core.internal.Text;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.StoreCategoryLink;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.Assignment;
import io.cathalog.core.sync.CategoryRef;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.SyncPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read-only report of an account against the source of truth, from what was observed and what
 * a plan would change. Findings have stable kinds, so hosts can count and filter them.
 */
final class Auditor {
    private Auditor() {
    }

    static AuditReport audit(String account, Instant at, Observation o, Planner.Result planned,
                             io.cathalog.core.model.Catalog catalog) {
        List<AuditFinding> findings = new ArrayList<>(audit(account, at, o, planned).findings());
        listings(o, catalog, planned, findings);
        return new AuditReport(account, at, findings);
    }

    /**
     * Listings of the stores whose policy manages them that the planner would not list (the
     * product is in no category the store maps, or its override lists nothing: exactly what the
     * planner leaves alone), and listings whose category is no longer the one the store maps the
     * product's category to. A product only in the ERP that the rules categorise is listed by the
     * planner, so its listing is in the policy.
     */
    private static void listings(Observation o, io.cathalog.core.model.Catalog catalog, Planner.Result planned,
                                 List<AuditFinding> findings) {
        Map<Long, String> skuOf = new HashMap<>();
        o.products().forEach((sku, p) -> skuOf.put(p.id(), sku));
        for (io.cathalog.core.model.Store store : catalog.stores()) {
            if (!store.managesListings()) {
                continue;
            }
            for (io.cathalog.core.remote.RemoteListing l : o.listings().getOrDefault(store.remoteId(), List.of())) {
                String sku = skuOf.get(l.productId());
                String mapped = sku == null ? null : planned.listingsInPolicy().get(store.key() + "/" + sku);
                if (mapped == null) {
                    findings.add(new AuditFinding("listing-not-in-policy", "#" + l.id(), Optional.of(store.key()),
                            "'" + l.title() + "' lists " + (sku == null ? "product #" + l.productId() : sku)
                                    + ", which the store's listing policy does not list"));
                    continue;
                }
                if (l.categoryId().isPresent() && !l.categoryId().get().equals(mapped)) {
                    findings.add(new AuditFinding("listing-category-mismatch", store.key() + "/" + sku,
                            Optional.of(store.key()), "listed in " + l.categoryId().get() + "; the store maps its"
                            + " category to " + mapped));
                }
            }
        }
    }

    static AuditReport audit(String account, Instant at, Observation o, Planner.Result planned) {
        List<AuditFinding> findings = new ArrayList<>();
        SyncPlan plan = planned.plan();
        Map<Long, RemoteCategory> categories = new HashMap<>();
        o.categories().forEach(c -> categories.put(c.id(), c));

        for (RemoteProduct p : o.products().values()) {
            String sku = p.sku().orElse("#" + p.id());
            if (p.categoryId().isEmpty()) {
                findings.add(new AuditFinding("uncategorised-product", sku, Optional.empty(), "'" + p.name()
                        + "' has no category"));
            } else if (!categories.containsKey(p.categoryId().getAsLong())) {
                findings.add(new AuditFinding("unknown-category", sku, Optional.empty(), "'" + p.name()
                        + "' is in category #" + p.categoryId().getAsLong() + ", which the ERP does not list"));
            }
            if (p.gtin().isPresent() && !Gtin.isValid(p.gtin().get())) {
                findings.add(new AuditFinding("invalid-gtin", sku, Optional.empty(), "GTIN '" + p.gtin().get()
                        + "' fails its check digit or length"));
            }
            family(p, sku, findings);
            Set<Long> seenFields = new HashSet<>();
            for (CustomFieldValue v : p.customFields()) {
                if (!seenFields.add(v.fieldId())) {
                    findings.add(new AuditFinding("duplicate-custom-field-value", sku, Optional.empty(),
                            "custom field #" + v.fieldId() + " has more than one value"));
                }
            }
        }
        o.unkeyed().forEach(s -> findings.add(new AuditFinding("product-without-sku", "#" + s.id(), Optional.empty(),
                "'" + s.name() + "' has no SKU, so it cannot be managed")));
        o.orphans().forEach(s -> findings.add(new AuditFinding("orphan-variation", s.sku().orElse("#" + s.id()),
                Optional.empty(), "variation '" + s.name() + "' (#" + s.id() + ") has "
                + (s.parentId().isPresent() ? "parent #" + s.parentId().getAsLong() + ", which the ERP does not list"
                : "no parent") + ": no family carries it")));
        for (Change c : plan.changes()) {
            if (c instanceof Change.UpdateProduct u && u.values().category().isPresent()) {
                Assignment<CategoryRef> category = u.values().category().get();
                if (category.before().isPresent()) {
                    findings.add(new AuditFinding("miscategorised-product", u.sku(), Optional.empty(),
                            "in '" + category.before().get() + "'; the rules put it in '" + category.after().key() + "'"
                                    + category.decidedBy().map(r -> " (rule " + r + ")").orElse("")));
                }
            }
        }
        Map<String, List<RemoteCategory>> siblings = new HashMap<>();
        for (RemoteCategory c : o.categories()) {
            siblings.computeIfAbsent(c.parentId().orElse(0) + "|" + Text.fold(c.name()), k -> new ArrayList<>()).add(c);
        }
        siblings.values().stream().filter(l -> l.size() > 1).sorted(Comparator.comparingLong(l -> l.get(0).id()))
                .forEach(l -> findings.add(new AuditFinding("duplicate-category-name", "#" + l.get(0).id(),
                        Optional.empty(), l.size() + " categories named '" + l.get(0).name() + "' under one parent: "
                        + l.stream().map(c -> "#" + c.id()).toList())));
        Set<Long> used = new HashSet<>();
        o.products().values().forEach(p -> p.categoryId().ifPresent(used::add));
        o.categories().forEach(c -> c.parentId().ifPresent(used::add));
        o.categories().stream().filter(c -> !used.contains(c.id())).sorted(Comparator.comparingLong(RemoteCategory::id))
                .forEach(c -> findings.add(new AuditFinding("empty-category", "#" + c.id(), Optional.empty(),
                        "'" + c.name() + "' has no products and no subcategories")));
        Set<Long> claimed = new HashSet<>(planned.categoryMapping().values());
        o.categories().stream().filter(c -> !claimed.contains(c.id())).sorted(Comparator.comparingLong(RemoteCategory::id))
                .forEach(c -> findings.add(new AuditFinding("category-not-in-catalog", "#" + c.id(), Optional.empty(),
                        "'" + c.name() + "' is not in the source of truth")));
        Set<Long> productIds = new HashSet<>();
        o.products().values().forEach(p -> {
            productIds.add(p.id());
            p.variations().forEach(v -> productIds.add(v.id()));
        });
        o.productLinks().forEach((store, links) -> {
            for (ProductStoreLink l : links.values()) {
                if (!productIds.contains(l.productId())) {
                    findings.add(new AuditFinding("link-to-unknown-product", "#" + l.id(), Optional.of(Long.toString(store)),
                            "links product #" + l.productId() + ", which is not a managed product of the account"));
                }
                for (long c : l.categoryIds()) {
                    if (!categories.containsKey(c)) {
                        findings.add(new AuditFinding("link-to-missing-category", "#" + l.id(),
                                Optional.of(Long.toString(store)), "links category #" + c + ", which does not exist"));
                    }
                }
            }
        });
        o.categoryLinks().forEach((store, links) -> {
            for (StoreCategoryLink l : links) {
                if (!categories.containsKey(l.categoryId())) {
                    findings.add(new AuditFinding("link-to-missing-category", "#" + l.id(),
                            Optional.of(Long.toString(store)), "links category #" + l.categoryId() + ", which does not exist"));
                }
            }
        });
        for (AttentionItem a : plan.attention()) {
            findings.add(new AuditFinding(a.store().isPresent() ? "store-requirement" : "needs-attention", a.key(),
                    a.store(), a.reason()));
        }
        return new AuditReport(account, at, findings);
    }

    /**
     * A family's problems as the ERP holds it: variations whose option names differ from the
     * others', two with the same options, one without options or SKU, an invalid GTIN.
     */
    private static void family(RemoteProduct p, String sku, List<AuditFinding> findings) {
        if (p.variations().isEmpty()) {
            return;
        }
        java.util.Set<String> names = null;
        Map<Map<String, String>, String> combinations = new HashMap<>();
        for (io.cathalog.core.remote.RemoteVariation v : p.variations()) {
            String which = "variation " + v.sku().orElse("#" + v.id());
            if (v.sku().isEmpty()) {
                findings.add(new AuditFinding("variation-without-sku", sku, Optional.empty(), which + " ('" + v.name()
                        + "') has no SKU, so it cannot be managed"));
            }
            if (v.options().isEmpty()) {
                findings.add(new AuditFinding("variation-without-options", sku, Optional.empty(), which
                        + " has no options in its name ('" + v.name() + "'); Bling names them like 'Cor:Azul;Tamanho:M'"));
                continue;
            }
            if (names == null) {
                names = v.options().keySet();
            } else if (!names.equals(v.options().keySet())) {
                findings.add(new AuditFinding("inconsistent-variation-options", sku, Optional.empty(), which
                        + " varies on " + v.options().keySet() + " where the family's first variation varies on " + names));
            }
            String other = combinations.putIfAbsent(new java.util.TreeMap<>(v.options()), v.sku().orElse("#" + v.id()));
            if (other != null) {
                findings.add(new AuditFinding("duplicate-variation-combination", sku, Optional.empty(), which
                        + " has the same options as " + other + ": " + Planner.optionsText(v.options())));
            }
            if (v.gtin().isPresent() && !Gtin.isValid(v.gtin().get())) {
                findings.add(new AuditFinding("invalid-gtin", sku, Optional.empty(), which + ": GTIN '" + v.gtin().get()
                        + "' fails its check digit or length"));
            }
        }
    }
}
