package io.cathalog.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.CatalogValidationException;
import io.cathalog.core.Problem;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.CategorisationRule;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.core.model.ProductMatch;
import io.cathalog.core.model.Store;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The source of truth in tables the host's back office edits: {@code cathalog_category},
 * {@code cathalog_product} (+ {@code _attribute}), {@code cathalog_categorisation_rule},
 * {@code cathalog_attribute_rule} (+ {@code cathalog_attribute_override}), {@code cathalog_store}
 * (+ {@code cathalog_store_category_map}), each row tagged with a catalog name so that one
 * database can hold several catalogs.
 *
 * <p>{@link #load()} reads the rows in one transaction (lists ordered by {@code position}, then
 * key) into the catalog file's JSON shape and hands it to {@link JsonCatalogFile}: the same reader
 * and the same validation as the file, so a bad row comes out as a
 * {@link CatalogValidationException} whose pointers index the tables' rows in that order
 * ({@code /categories/3/parent} is the fourth category row). Attribute values are stored as the
 * file's JSON for them ({@code {"choice": "Preto"}}, {@code {"number": 30, "unit": "h"}}, {@code "SN-300"}).
 *
 * <pre>{@code
 * CatalogSource source = JpaCatalogSource.of(JpaTransactions.resourceLocal(emf));   // catalog "default"
 * }</pre>
 */
public final class JpaCatalogSource implements CatalogSource {
    /** The catalog name used when a host keeps one. */
    public static final String DEFAULT_CATALOG = "default";

    private final Db db;
    private final String catalog;
    private final ObjectMapper json = new ObjectMapper();

    private JpaCatalogSource(JpaTransactions transactions, String catalog) {
        this.db = new Db(transactions);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (catalog.isBlank() || catalog.length() > 100) {
            throw new IllegalArgumentException("a catalog name is 1 to 100 characters");
        }
    }

    /**
     * The source reading catalog {@value #DEFAULT_CATALOG}.
     *
     * @param transactions the database holding the catalog tables
     * @return the source; nothing is read until {@link #load()}
     */
    public static JpaCatalogSource of(JpaTransactions transactions) {
        return new JpaCatalogSource(transactions, DEFAULT_CATALOG);
    }

    /**
     * The source reading the rows tagged with {@code catalog}, for a database holding several catalogs.
     *
     * @param transactions the database holding the catalog tables
     * @param catalog      the catalog name the rows are tagged with; 1 to 100 characters, not blank
     * @return the source; nothing is read until {@link #load()}
     * @throws IllegalArgumentException when {@code catalog} is blank or longer than 100 characters
     */
    public static JpaCatalogSource of(JpaTransactions transactions, String catalog) {
        return new JpaCatalogSource(transactions, catalog);
    }

    /**
     * The catalog name this source's rows are tagged with.
     *
     * @return the name, {@value #DEFAULT_CATALOG} unless given to {@link #of(JpaTransactions, String)}
     */
    public String catalog() {
        return catalog;
    }

    @Override
    public Catalog load() {
        ObjectNode document = db.run("reading catalog '" + catalog + "'", this::document);
        String name = "catalog '" + catalog + "' in the database";
        try {
            return JsonCatalogFile.reader().read(json.writeValueAsString(document), name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (CatalogValidationException e) {
            // Lines and columns are of the document made here, not of anything the host can open.
            throw new CatalogValidationException(Optional.of(name),
                    e.problems().stream().map(p -> Problem.at(p.pointer(), p.message())).toList());
        }
    }

    /** The tables as the catalog file's document. */
    private ObjectNode document(EntityManager em) {
        ObjectNode doc = json.createObjectNode().put("format_version", JsonCatalogFile.FORMAT_VERSION);
        ArrayNode categories = doc.putArray("categories");
        for (CategoryRow r : rows(em, CategoryRow.class, "CathalogCategoryRow", "r.position, r.key")) {
            ObjectNode c = categories.addObject().put("key", r.key).put("name", r.name);
            putIf(c, "parent", r.parentKey);
        }
        Map<String, List<ProductAttributeRow>> attributes = rows(em, ProductAttributeRow.class, "CathalogProductAttributeRow",
                "r.key, r.item").stream().collect(Collectors.groupingBy(a -> a.key));
        // A family's variations, in its order: read like the file's, so they are validated alike.
        Map<String, List<ProductVariationRow>> variations = rows(em, ProductVariationRow.class,
                "CathalogProductVariationRow", "r.parentKey, r.position").stream()
                .collect(Collectors.groupingBy(v -> v.parentKey));
        ArrayNode products = doc.putArray("products");
        for (ProductRow r : rows(em, ProductRow.class, "CathalogProductRow", "r.position, r.key")) {
            ObjectNode p = products.addObject().put("sku", r.key).put("name", r.name);
            putIf(p, "brand", r.brand);
            putIf(p, "gtin", r.gtin);
            if (r.price != null) {
                p.put("price", r.price.stripTrailingZeros().toPlainString());
            }
            putIf(p, "status", r.status);
            putIf(p, "category", r.categoryKey);
            if (r.width != null || r.height != null || r.depth != null) {
                ObjectNode d = p.putObject("dimensions");
                putIf(d, "width", r.width);
                putIf(d, "height", r.height);
                putIf(d, "depth", r.depth);
            }
            putIf(p, "net_weight", r.netWeight);
            putIf(p, "gross_weight", r.grossWeight);
            List<ProductAttributeRow> own = attributes.getOrDefault(r.key, List.of());
            if (!own.isEmpty()) {
                ObjectNode a = p.putObject("attributes");
                own.forEach(attr -> a.set(attr.item, parse(attr.valueJson)));
            }
            List<ProductVariationRow> family = variations.getOrDefault(r.key, List.of());
            if (!family.isEmpty()) {
                ArrayNode vs = p.putArray("variations");
                family.forEach(v -> vs.add(parse(v.json)));
                // Kept with the first variation (schema V5); read like the file's, so checked alike.
                if (family.get(0).absentCombinationsJson != null) {
                    p.set("absent_combinations", parse(family.get(0).absentCombinationsJson));
                }
            }
        }
        ArrayNode categorisation = doc.putArray("categorisation_rules");
        for (CategorisationRuleRow r : rows(em, CategorisationRuleRow.class, "CathalogCategorisationRuleRow", "r.position, r.key")) {
            ObjectNode rule = categorisation.addObject().put("id", r.key).put("category", r.categoryKey);
            ObjectNode m = rule.putObject("match");
            putIf(m, "sku_prefix", r.skuPrefix);
            putIf(m, "sku_pattern", r.skuPattern);
            if (r.nameKeywords != null) {
                m.set("name_keywords", parse(r.nameKeywords));
            }
            putIf(m, "name_pattern", r.namePattern);
            putIf(m, "brand", r.brand);
            putIf(m, "gtin_prefix", r.gtinPrefix);
            putIf(m, "current_category", r.currentCategory);
            if (r.uncategorised) {
                m.put("uncategorised", true);
            }
        }
        Map<String, List<AttributeOverrideRow>> overrides = rows(em, AttributeOverrideRow.class, "CathalogAttributeOverrideRow",
                "r.key, r.item").stream().collect(Collectors.groupingBy(o -> o.key));
        ArrayNode attributeRules = doc.putArray("attribute_rules");
        for (AttributeRuleRow r : rows(em, AttributeRuleRow.class, "CathalogAttributeRuleRow", "r.position, r.key")) {
            ObjectNode rule = attributeRules.addObject().put("id", r.key);
            putIf(rule, "category", r.categoryKey);
            rule.put("attribute", r.attribute);
            switch (r.source) {
                case "default", "constant" -> rule.set(r.source, r.valueJson == null ? null : parse(r.valueJson));
                case "from_name" -> {
                    ObjectNode f = rule.putObject("from_name");
                    putIf(f, "pattern", r.pattern);
                    putIf(f, "kind", r.kind);
                    putIf(f, "unit", r.unit);
                    putIf(f, "value", r.fromNameValue);
                }
                case "overrides" -> {
                    ObjectNode o = rule.putObject("overrides");
                    overrides.getOrDefault(r.key, List.of()).forEach(v -> o.set(v.item, parse(v.valueJson)));
                }
                // An unknown source name reaches the reader as such, and is reported with its pointer.
                default -> rule.put(r.source, r.valueJson);
            }
        }
        Map<String, List<StoreCategoryMapRow>> mappings = rows(em, StoreCategoryMapRow.class, "CathalogStoreCategoryMapRow",
                "r.key, r.item").stream().collect(Collectors.groupingBy(m -> m.key));
        ArrayNode stores = doc.putArray("stores");
        for (StoreRow r : rows(em, StoreRow.class, "CathalogStoreRow", "r.position, r.key")) {
            ObjectNode s = stores.addObject().put("key", r.key).put("remote_id", r.remoteId)
                    .put("marketplace", r.marketplace).put("name", r.name);
            ObjectNode m = s.putObject("category_mapping");
            mappings.getOrDefault(r.key, List.of()).forEach(x -> m.put(x.item, x.marketplaceCategory));
            if (r.listingPolicyJson != null) {
                // Read back through the catalog reader, which checks it like the file's.
                s.set("listing_policy", parse(r.listingPolicyJson));
            }
        }
        return doc;
    }

    /** A listing policy in the catalog file's form (the reader's field names), for its column. */
    private String listingPolicyJson(ListingPolicy policy) {
        ObjectNode n = json.createObjectNode();
        n.put("create_listings", policy.createListings());
        n.put("status", policy.status().name().toLowerCase(Locale.ROOT));
        policy.listingType().ifPresent(t -> n.put("listing_type", t));
        n.put("free_shipping", policy.freeShipping());
        if (!policy.overrides().isEmpty()) {
            ObjectNode overrides = n.putObject("overrides");
            policy.overrides().forEach((sku, o) -> {
                ObjectNode v = overrides.putObject(sku);
                o.list().ifPresent(b -> v.put("list", b));
                o.status().ifPresent(st -> v.put("status", st.name().toLowerCase(Locale.ROOT)));
                o.listingType().ifPresent(t -> v.put("listing_type", t));
                o.freeShipping().ifPresent(b -> v.put("free_shipping", b));
                o.price().ifPresent(pr -> v.put("price", pr));
                o.title().ifPresent(t -> v.put("title", t));
            });
        }
        try {
            return json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a listing policy did not serialise", e);
        }
    }

    private <T> List<T> rows(EntityManager em, Class<T> type, String entity, String orderBy) {
        return em.createQuery("select r from " + entity + " r where r.catalog = :catalog order by " + orderBy, type)
                .setParameter("catalog", catalog).getResultList();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // Not JSON: pass it on as text, which the reader takes as a text value (or reports).
            return json.getNodeFactory().textNode(text);
        }
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /**
     * Replaces every row of this catalog with {@code catalog}, in one transaction: to import a
     * catalog file into the tables, or to seed them in tests.
     *
     * @param catalog the catalog to store under this source's catalog name
     */
    public void save(Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        db.exec("saving catalog '" + this.catalog + "'", em -> {
            for (String entity : List.of("CathalogCategoryRow", "CathalogProductRow", "CathalogProductAttributeRow",
                    "CathalogProductVariationRow",
                    "CathalogCategorisationRuleRow", "CathalogAttributeRuleRow", "CathalogAttributeOverrideRow",
                    "CathalogStoreRow", "CathalogStoreCategoryMapRow")) {
                em.createQuery("delete from " + entity + " r where r.catalog = :catalog")
                        .setParameter("catalog", this.catalog).executeUpdate();
            }
            int i = 0;
            for (Category c : catalog.tree().categories()) {
                CategoryRow r = new CategoryRow();
                r.catalog = this.catalog;
                r.key = c.key();
                r.position = i++;
                r.name = c.name();
                r.parentKey = c.parentKey().orElse(null);
                em.persist(r);
            }
            i = 0;
            for (Product p : catalog.products()) {
                em.persist(productRow(p, i++));
                for (Map.Entry<String, AttributeValue> a : p.attributes().entrySet()) {
                    ProductAttributeRow r = new ProductAttributeRow();
                    r.catalog = this.catalog;
                    r.key = p.sku();
                    r.item = a.getKey();
                    r.valueJson = valueJson(a.getValue());
                    em.persist(r);
                }
                int position = 0;
                for (Variation v : p.variations()) {
                    ProductVariationRow r = new ProductVariationRow();
                    r.catalog = this.catalog;
                    r.key = v.sku();
                    r.parentKey = p.sku();
                    r.position = position++;
                    r.json = variationJson(v);
                    if (r.position == 0 && !p.absentCombinations().isEmpty()) {
                        ArrayNode absent = json.createArrayNode();
                        p.absentCombinations().forEach(c -> {
                            ObjectNode o = absent.addObject();
                            c.forEach(o::put);
                        });
                        r.absentCombinationsJson = absent.toString();
                    }
                    em.persist(r);
                }
            }
            i = 0;
            for (CategorisationRule rule : catalog.categorisationRules()) {
                em.persist(categorisationRow(rule, i++));
            }
            i = 0;
            for (AttributeRule rule : catalog.attributeRules()) {
                i = saveAttributeRule(em, rule, i);
            }
            i = 0;
            for (Store s : catalog.stores()) {
                StoreRow r = new StoreRow();
                r.catalog = this.catalog;
                r.key = s.key();
                r.position = i++;
                r.remoteId = s.remoteId();
                r.marketplace = s.marketplace();
                r.name = s.name();
                r.listingPolicyJson = s.listingPolicy().equals(ListingPolicy.none()) ? null
                        : listingPolicyJson(s.listingPolicy());
                em.persist(r);
                s.categoryMapping().forEach((category, remote) -> {
                    StoreCategoryMapRow m = new StoreCategoryMapRow();
                    m.catalog = this.catalog;
                    m.key = s.key();
                    m.item = category;
                    m.marketplaceCategory = remote;
                    em.persist(m);
                });
            }
        });
    }

    /** A variation in the catalog format's JSON (docs/catalog-format.md). */
    private String variationJson(Variation v) {
        ObjectNode o = json.createObjectNode().put("sku", v.sku());
        ObjectNode options = o.putObject("options");
        v.options().forEach(options::put);
        v.gtin().ifPresent(g -> o.put("gtin", g.digits()));
        v.price().ifPresent(x -> o.put("price", x.stripTrailingZeros().toPlainString()));
        v.dimensions().ifPresent(d -> o.putObject("dimensions").put("width", d.width().toString())
                .put("height", d.height().toString()).put("depth", d.depth().toString()));
        v.netWeight().ifPresent(w -> o.put("net_weight", w.toString()));
        v.grossWeight().ifPresent(w -> o.put("gross_weight", w.toString()));
        if (!v.attributes().isEmpty()) {
            ObjectNode a = o.putObject("attributes");
            v.attributes().forEach((name, value) -> a.set(name, parse(valueJson(value))));
        }
        return o.toString();
    }

    private ProductRow productRow(Product p, int position) {
        ProductRow r = new ProductRow();
        r.catalog = catalog;
        r.key = p.sku();
        r.position = position;
        r.name = p.name();
        r.brand = p.brand().orElse(null);
        r.gtin = p.gtin().map(g -> g.digits()).orElse(null);
        r.price = p.price().orElse(null);
        r.status = p.status().name().toLowerCase(Locale.ROOT);
        r.categoryKey = p.categoryKey().orElse(null);
        p.dimensions().ifPresent(d -> {
            r.width = d.width().toString();
            r.height = d.height().toString();
            r.depth = d.depth().toString();
        });
        r.netWeight = p.netWeight().map(Object::toString).orElse(null);
        r.grossWeight = p.grossWeight().map(Object::toString).orElse(null);
        return r;
    }

    private CategorisationRuleRow categorisationRow(CategorisationRule rule, int position) {
        ProductMatch m = rule.match();
        CategorisationRuleRow r = new CategorisationRuleRow();
        r.catalog = catalog;
        r.key = rule.id();
        r.position = position;
        r.categoryKey = rule.categoryKey();
        r.skuPrefix = m.skuPrefix().orElse(null);
        r.skuPattern = m.skuPattern().orElse(null);
        if (!m.nameKeywords().isEmpty()) {
            ArrayNode keywords = json.createArrayNode();
            m.nameKeywords().forEach(keywords::add);
            r.nameKeywords = keywords.toString();
        }
        r.namePattern = m.namePattern().orElse(null);
        r.brand = m.brand().orElse(null);
        r.gtinPrefix = m.gtinPrefix().orElse(null);
        r.currentCategory = m.currentCategory().orElse(null);
        r.uncategorised = m.uncategorised();
        return r;
    }

    private int saveAttributeRule(EntityManager em, AttributeRule rule, int position) {
        AttributeRuleRow r = new AttributeRuleRow();
        r.catalog = catalog;
        r.key = rule.id();
        r.position = position;
        r.categoryKey = rule.categoryKey().orElse(null);
        r.attribute = rule.attribute();
        AttributeSource source = rule.source();
        if (source instanceof AttributeSource.Default d) {
            r.source = "default";
            r.valueJson = valueJson(d.value());
        } else if (source instanceof AttributeSource.Constant c) {
            r.source = "constant";
            r.valueJson = valueJson(c.value());
        } else if (source instanceof AttributeSource.FromName f) {
            r.source = "from_name";
            r.pattern = f.pattern();
            r.kind = f.kind().name().toLowerCase(Locale.ROOT);
            r.unit = f.unit().orElse(null);
            r.fromNameValue = f.value().orElse(null);
        } else if (source instanceof AttributeSource.Overrides o) {
            r.source = "overrides";
            o.bySku().forEach((sku, value) -> {
                AttributeOverrideRow v = new AttributeOverrideRow();
                v.catalog = catalog;
                v.key = rule.id();
                v.item = sku;
                v.valueJson = valueJson(value);
                em.persist(v);
            });
        }
        em.persist(r);
        return position + 1;
    }

    /** An attribute value as the catalog file writes it. */
    String valueJson(AttributeValue value) {
        ObjectNode n = json.createObjectNode();
        if (value instanceof AttributeValue.TextValue t) {
            n.put("text", t.value());
        } else if (value instanceof AttributeValue.NumberValue num) {
            n.put("number", num.amount());
            num.unit().ifPresent(u -> n.put("unit", u));
        } else if (value instanceof AttributeValue.ChoiceValue c) {
            n.put("choice", c.option());
        } else if (value instanceof AttributeValue.MultiChoiceValue m) {
            ArrayNode a = n.putArray("choices");
            m.options().forEach(a::add);
        } else if (value instanceof AttributeValue.BooleanValue b) {
            n.put("boolean", b.value());
        }
        return n.toString();
    }

    @Override
    public String toString() {
        return "JpaCatalogSource[" + catalog + ", " + db.transactions() + "]";
    }
}
