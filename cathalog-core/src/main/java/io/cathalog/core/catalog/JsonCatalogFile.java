package io.cathalog.core.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.core.CatalogValidationException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.Problem;
import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Pointers;
import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.CategorisationRule;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductMatch;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.Store;
import io.cathalog.core.model.Variation;
import io.cathalog.core.model.Weight;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The catalog as a JSON file (format described in {@code docs/catalog-format.md}). Reading
 * collects every problem of the file — malformed JSON, unknown or duplicate keys, wrong types,
 * invalid values, broken references — each with its JSON pointer, line and column, and throws
 * one {@link CatalogValidationException} listing them all.
 *
 * <pre>{@code
 * CatalogSource source = JsonCatalogFile.source(Path.of("catalog.json"));
 * Catalog catalog = source.load();
 * }</pre>
 */
public final class JsonCatalogFile {
    /** The version of the file format this reader understands. */
    public static final int FORMAT_VERSION = 1;
    /** Largest file read, by default: far beyond a 100 000-product catalog. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private static final Set<String> TOP = Set.of("format_version", "categories", "products",
            "categorisation_rules", "attribute_rules", "stores", "notes");
    private static final Set<String> CATEGORY = Set.of("key", "name", "parent");
    private static final Set<String> PRODUCT = Set.of("sku", "name", "brand", "gtin", "price", "status", "category",
            "dimensions", "net_weight", "gross_weight", "attributes", "variations", "absent_combinations");
    private static final Set<String> VARIATION = Set.of("sku", "options", "gtin", "price", "dimensions", "net_weight",
            "gross_weight", "attributes");
    private static final Set<String> DIMENSIONS = Set.of("width", "height", "depth");
    private static final Set<String> CATEGORISATION_RULE = Set.of("id", "category", "match");
    private static final Set<String> MATCH = Set.of("sku_prefix", "sku_pattern", "name_keywords", "name_pattern",
            "brand", "gtin_prefix", "current_category", "uncategorised");
    private static final Set<String> ATTRIBUTE_RULE = Set.of("id", "category", "attribute", "default", "constant",
            "from_name", "overrides");
    private static final List<String> SOURCES = List.of("default", "constant", "from_name", "overrides");
    private static final Set<String> FROM_NAME = Set.of("pattern", "kind", "unit", "value");
    private static final Set<String> STORE = Set.of("key", "remote_id", "marketplace", "name", "category_mapping",
            "listing_policy");
    private static final Set<String> LISTING_POLICY = Set.of("create_listings", "status", "listing_type",
            "free_shipping", "overrides");
    private static final Set<String> LISTING_OVERRIDE = Set.of("list", "status", "listing_type", "free_shipping",
            "price", "title");

    private final JsonFactory factory;

    private JsonCatalogFile(long maxBytes) {
        this.factory = LocatedTree.factory(maxBytes);
    }

    /**
     * A reader with the default size limit.
     *
     * @return a reader refusing files over {@link #DEFAULT_MAX_BYTES}
     */
    public static JsonCatalogFile reader() {
        return new JsonCatalogFile(DEFAULT_MAX_BYTES);
    }

    /**
     * A reader that refuses files larger than {@code maxBytes}.
     *
     * @param maxBytes the largest file it reads, positive
     * @return the reader
     * @throws IllegalArgumentException when {@code maxBytes} is not positive
     */
    public static JsonCatalogFile reader(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return new JsonCatalogFile(maxBytes);
    }

    /**
     * A source that reads {@code file} each time it is loaded, so edits are picked up.
     *
     * @param file the catalog file
     * @return the source
     */
    public static CatalogSource source(Path file) {
        Objects.requireNonNull(file, "file");
        JsonCatalogFile reader = reader();
        return () -> reader.read(file);
    }

    /**
     * Reads a catalog file.
     *
     * @param file the file, UTF-8 JSON
     * @return the catalog
     * @throws CatalogValidationException listing every problem found, each with its pointer, line and column
     * @throws CathalogException          when the file is missing or cannot be read
     */
    public Catalog read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new CathalogException("catalog file not found: " + file);
        } catch (IOException e) {
            throw new CathalogException("cannot read catalog file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a catalog from a JSON text.
     *
     * @param json       the catalog
     * @param sourceName names the input in messages
     * @return the catalog
     * @throws CatalogValidationException listing every problem found
     */
    public Catalog read(String json, String sourceName) {
        try {
            return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sourceName);
        } catch (IOException e) {
            throw new CathalogException("cannot read catalog " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a catalog from UTF-8 JSON.
     *
     * @param in         the input, read to its end but not closed
     * @param sourceName names the input in messages, e.g. the file path
     * @return the catalog
     * @throws CatalogValidationException listing every problem found
     * @throws IOException                when the input cannot be read
     */
    public Catalog read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        LocatedTree tree = LocatedTree.read(factory, in);
        Reading reading = new Reading(tree);
        Catalog catalog = tree.root().map(reading::catalog).orElse(null);
        if (!reading.problems.isEmpty() || catalog == null) {
            List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(reading.problems));
            sorted.sort(Comparator.comparing((Problem p) -> p.location().map(Problem.Location::line).orElse(Long.MAX_VALUE))
                    .thenComparing(p -> p.location().map(Problem.Location::column).orElse(Long.MAX_VALUE))
                    .thenComparing(Problem::pointer));
            throw new CatalogValidationException(Optional.of(sourceName), sorted);
        }
        return catalog;
    }

    /** One read of one document: the problems found so far, and the tree's locations. */
    private static final class Reading {
        private final LocatedTree tree;
        private final List<Problem> problems = new ArrayList<>();

        Reading(LocatedTree tree) {
            this.tree = tree;
            tree.problems().forEach(problems::add);
        }

        void problem(String pointer, String message) {
            Problem p = Problem.at(pointer, message);
            problems.add(tree.locate(pointer).map(p::withLocation).orElse(p));
        }

        int problemCount() {
            return problems.size();
        }

        /** Runs a model constructor; its validation problems land under {@code pointer}. */
        <T> Optional<T> build(String pointer, Supplier<T> constructor) {
            try {
                return Optional.of(constructor.get());
            } catch (ValidationException e) {
                e.problems().forEach(p -> problem(pointer + p.pointer(), p.message()));
                return Optional.empty();
            }
        }

        Catalog catalog(JsonNode root) {
            if (!root.isObject()) {
                problem("", "a catalog is a JSON object, not " + kind(root));
                return null;
            }
            fields(root, "", TOP);
            JsonNode version = root.get("format_version");
            if (version == null) {
                problem("", "missing 'format_version' (this reader reads version " + FORMAT_VERSION + ")");
            } else if (!version.isIntegralNumber() || version.asInt() != FORMAT_VERSION) {
                problem("/format_version", "unsupported format_version " + version
                        + "; this reader reads version " + FORMAT_VERSION);
            }
            // Notes are for people (an import says there what it left out): checked, not kept.
            textList(root, "", "notes");
            Catalog.Builder builder = Catalog.builder();
            Map<String, List<Integer>> kept = new TreeMap<>();
            kept.put("categories", each(root, "categories", (node, at) -> category(node, at).map(c -> {
                builder.category(c);
                return c;
            })));
            kept.put("products", each(root, "products", (node, at) -> product(node, at).map(p -> {
                builder.product(p);
                return p;
            })));
            kept.put("categorisation_rules", each(root, "categorisation_rules", (node, at) ->
                    categorisationRule(node, at).map(r -> {
                        builder.categorisationRule(r);
                        return r;
                    })));
            kept.put("attribute_rules", each(root, "attribute_rules", (node, at) -> attributeRule(node, at).map(r -> {
                builder.attributeRule(r);
                return r;
            })));
            kept.put("stores", each(root, "stores", (node, at) -> store(node, at).map(s -> {
                builder.store(s);
                return s;
            })));
            // The builder saw only the elements that were valid on their own; its pointers index
            // that shorter list, so map them back to the file's indexes.
            for (Problem p : builder.problems()) {
                problem(original(p.pointer(), kept), p.message());
            }
            return problems.isEmpty() ? builder.build() : null;
        }

        private static String original(String pointer, Map<String, List<Integer>> kept) {
            String[] parts = pointer.split("/", 4);
            if (parts.length >= 3 && kept.containsKey(parts[1])) {
                int index = Integer.parseInt(parts[2]);
                String rest = parts.length == 4 ? "/" + parts[3] : "";
                return "/" + parts[1] + "/" + kept.get(parts[1]).get(index) + rest;
            }
            return pointer;
        }

        interface Element {
            Optional<?> read(JsonNode node, String pointer);
        }

        /** Reads an optional array of elements; returns the file index of each element kept. */
        private List<Integer> each(JsonNode root, String name, Element element) {
            List<Integer> kept = new ArrayList<>();
            JsonNode array = root.get(name);
            if (array == null || array.isNull()) {
                return kept;
            }
            String at = "/" + name;
            if (!array.isArray()) {
                problem(at, "'" + name + "' is a list, not " + kind(array));
                return kept;
            }
            for (int i = 0; i < array.size(); i++) {
                String pointer = at + "/" + i;
                JsonNode node = array.get(i);
                if (!node.isObject()) {
                    problem(pointer, "each of '" + name + "' is an object, not " + kind(node));
                    continue;
                }
                if (element.read(node, pointer).isPresent()) {
                    kept.add(i);
                }
            }
            return kept;
        }

        private Optional<Category> category(JsonNode node, String at) {
            fields(node, at, CATEGORY);
            Optional<String> key = requiredText(node, at, "key");
            Optional<String> name = requiredText(node, at, "name");
            Optional<String> parent = optionalText(node, at, "parent");
            if (key.isEmpty() || name.isEmpty() || failed(node, at, "parent")) {
                return Optional.empty();
            }
            return build(at, () -> new Category(key.get(), name.get(), parent));
        }

        private Optional<Product> product(JsonNode node, String at) {
            fields(node, at, PRODUCT);
            Optional<String> sku = requiredText(node, at, "sku");
            Optional<String> name = requiredText(node, at, "name");
            if (sku.isEmpty() || name.isEmpty()) {
                return Optional.empty();
            }
            int before = problems.size();
            Product.Builder b = Product.builder(sku.get(), name.get());
            optionalText(node, at, "brand").ifPresent(b::brand);
            optionalText(node, at, "category").ifPresent(b::category);
            optionalText(node, at, "gtin").flatMap(g -> build(at + "/gtin", () -> Gtin.of(g))).ifPresent(b::gtin);
            decimal(node, at, "price").ifPresent(b::price);
            optionalText(node, at, "status").ifPresent(s -> {
                switch (s) {
                    case "active" -> b.status(ProductStatus.ACTIVE);
                    case "inactive" -> b.status(ProductStatus.INACTIVE);
                    default -> problem(at + "/status", "status is 'active' or 'inactive', not '" + s + "'");
                }
            });
            weight(node, at, "net_weight").ifPresent(b::netWeight);
            weight(node, at, "gross_weight").ifPresent(b::grossWeight);
            dimensions(node, at).ifPresent(b::dimensions);
            attributes(node, at, b::attribute);
            JsonNode variations = node.get("variations");
            if (variations != null) {
                String vs = at + "/variations";
                if (!variations.isArray()) {
                    problem(vs, "variations is a list of variations, not " + kind(variations));
                } else {
                    for (int i = 0; i < variations.size(); i++) {
                        JsonNode v = variations.get(i);
                        if (!v.isObject()) {
                            problem(vs + "/" + i, "each of 'variations' is an object, not " + kind(v));
                            continue;
                        }
                        variation(v, vs + "/" + i).ifPresent(b::variation);
                    }
                }
            }
            absentCombinations(node, at, b);
            if (problems.size() > before) {
                return Optional.empty();
            }
            return build(at, b::build);
        }

        private Optional<Dimensions> dimensions(JsonNode node, String at) {
            JsonNode dims = node.get("dimensions");
            if (dims == null) {
                return Optional.empty();
            }
            String d = at + "/dimensions";
            if (!dims.isObject()) {
                problem(d, "dimensions is an object with width, height and depth, not " + kind(dims));
                return Optional.empty();
            }
            fields(dims, d, DIMENSIONS);
            Optional<Length> w = length(dims, d, "width");
            Optional<Length> h = length(dims, d, "height");
            Optional<Length> depth = length(dims, d, "depth");
            for (String f : List.of("width", "height", "depth")) {
                if (!dims.has(f)) {
                    problem(d, "dimensions need width, height and depth; '" + f + "' is missing");
                }
            }
            if (w.isPresent() && h.isPresent() && depth.isPresent()) {
                return Optional.of(new Dimensions(w.get(), h.get(), depth.get()));
            }
            return Optional.empty();
        }

        private void attributes(JsonNode node, String at, java.util.function.BiConsumer<String, AttributeValue> into) {
            JsonNode attributes = node.get("attributes");
            if (attributes == null) {
                return;
            }
            String a = at + "/attributes";
            if (!attributes.isObject()) {
                problem(a, "attributes is an object of attribute name to value, not " + kind(attributes));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                attributeValue(e.getValue(), Pointers.child(a, e.getKey())).ifPresent(v -> into.accept(e.getKey(), v));
            }
        }

        /**
         * A family's absent combinations: a list of objects of option name to value (text). What
         * they must name is checked by the model, against the family's variations.
         */
        private void absentCombinations(JsonNode node, String at, Product.Builder b) {
            JsonNode absent = node.get("absent_combinations");
            if (absent == null) {
                return;
            }
            String as = at + "/absent_combinations";
            if (!absent.isArray()) {
                problem(as, "absent_combinations is a list of option combinations, like [{\"Cor\": \"Azul\","
                        + " \"Tamanho\": \"G\"}], not " + kind(absent));
                return;
            }
            if (node.get("variations") == null) {
                problem(as, "only a family (a product with variations) declares absent combinations");
                return;
            }
            for (int i = 0; i < absent.size(); i++) {
                JsonNode combo = absent.get(i);
                String ci = as + "/" + i;
                if (!combo.isObject() || combo.isEmpty()) {
                    problem(ci, "an absent combination is a non-empty object of option name to value, not "
                            + (combo.isObject() ? "an empty object" : kind(combo)));
                    continue;
                }
                Map<String, String> options = new java.util.LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = combo.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isTextual()) {
                        problem(Pointers.child(ci, e.getKey()), "an option's value is a string, not "
                                + kind(e.getValue()));
                    } else {
                        options.put(e.getKey(), e.getValue().textValue());
                    }
                }
                b.absentCombination(options);
            }
        }

        /** One variation of a family: its SKU, its options (in file order) and what it overrides. */
        private Optional<Variation> variation(JsonNode node, String at) {
            fields(node, at, VARIATION);
            Optional<String> sku = requiredText(node, at, "sku");
            int before = problems.size();
            JsonNode options = node.get("options");
            if (options == null) {
                problem(at, "missing 'options' (an object of option name to value, like {\"Cor\": \"Azul\"})");
            } else if (!options.isObject() || options.isEmpty()) {
                problem(at + "/options", "options is a non-empty object of option name to value, not "
                        + (options.isObject() ? "an empty object" : kind(options)));
            }
            if (sku.isEmpty() || problems.size() > before) {
                return Optional.empty();
            }
            Variation.Builder b = Variation.builder(sku.get());
            for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    problem(Pointers.child(at + "/options", e.getKey()), "an option's value is a string, not "
                            + kind(e.getValue()));
                } else {
                    b.option(e.getKey(), e.getValue().textValue());
                }
            }
            optionalText(node, at, "gtin").flatMap(g -> build(at + "/gtin", () -> Gtin.of(g))).ifPresent(b::gtin);
            decimal(node, at, "price").ifPresent(b::price);
            weight(node, at, "net_weight").ifPresent(b::netWeight);
            weight(node, at, "gross_weight").ifPresent(b::grossWeight);
            dimensions(node, at).ifPresent(b::dimensions);
            attributes(node, at, b::attribute);
            if (problems.size() > before) {
                return Optional.empty();
            }
            return build(at, b::build);
        }

        private Optional<CategorisationRule> categorisationRule(JsonNode node, String at) {
            fields(node, at, CATEGORISATION_RULE);
            Optional<String> id = requiredText(node, at, "id");
            Optional<String> category = requiredText(node, at, "category");
            JsonNode match = node.get("match");
            String m = at + "/match";
            if (match == null) {
                problem(at, "missing 'match'");
                return Optional.empty();
            }
            if (!match.isObject()) {
                problem(m, "match is an object of criteria, not " + kind(match));
                return Optional.empty();
            }
            fields(match, m, MATCH);
            int before = problems.size();
            ProductMatch.Builder mb = ProductMatch.builder();
            optionalText(match, m, "sku_prefix").ifPresent(mb::skuPrefix);
            optionalText(match, m, "sku_pattern").ifPresent(mb::skuPattern);
            optionalText(match, m, "name_pattern").ifPresent(mb::namePattern);
            optionalText(match, m, "brand").ifPresent(mb::brand);
            optionalText(match, m, "gtin_prefix").ifPresent(mb::gtinPrefix);
            optionalText(match, m, "current_category").ifPresent(mb::currentCategory);
            textList(match, m, "name_keywords").ifPresent(mb::nameKeywords);
            JsonNode uncategorised = match.get("uncategorised");
            if (uncategorised != null) {
                if (!uncategorised.isBoolean()) {
                    problem(m + "/uncategorised", "uncategorised is true or false, not " + kind(uncategorised));
                } else if (uncategorised.booleanValue()) {
                    mb.uncategorised();
                }
            }
            if (id.isEmpty() || category.isEmpty() || problems.size() > before) {
                return Optional.empty();
            }
            Optional<ProductMatch> built = build(m, mb::build);
            return built.flatMap(pm -> build(at, () -> new CategorisationRule(id.get(), category.get(), pm)));
        }

        private Optional<AttributeRule> attributeRule(JsonNode node, String at) {
            fields(node, at, ATTRIBUTE_RULE);
            Optional<String> id = requiredText(node, at, "id");
            Optional<String> category = optionalText(node, at, "category");
            Optional<String> attribute = requiredText(node, at, "attribute");
            List<String> given = SOURCES.stream().filter(node::has).toList();
            if (given.size() != 1) {
                problem(at, given.isEmpty()
                        ? "an attribute rule needs one source: default, constant, from_name or overrides"
                        : "an attribute rule has one source, this one has " + String.join(" and ", given));
                return Optional.empty();
            }
            String kind = given.get(0);
            String s = at + "/" + kind;
            JsonNode value = node.get(kind);
            int before = problems.size();
            Optional<AttributeSource> source = switch (kind) {
                case "default" -> attributeValue(value, s).map(AttributeSource.Default::new);
                case "constant" -> attributeValue(value, s).map(AttributeSource.Constant::new);
                case "from_name" -> fromName(value, s);
                default -> overrides(value, s);
            };
            if (id.isEmpty() || attribute.isEmpty() || source.isEmpty() || failed(node, at, "category")
                    || problems.size() > before) {
                return Optional.empty();
            }
            return build(at, () -> new AttributeRule(id.get(), category, attribute.get(), source.get()));
        }

        private Optional<AttributeSource> fromName(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "from_name is an object with a pattern, not " + kind(node));
                return Optional.empty();
            }
            fields(node, at, FROM_NAME);
            Optional<String> pattern = requiredText(node, at, "pattern");
            Optional<String> unit = optionalText(node, at, "unit");
            Optional<String> value = optionalText(node, at, "value");
            String kindText = optionalText(node, at, "kind").orElse("text");
            AttributeSource.ValueKind kind;
            switch (kindText) {
                case "text" -> kind = AttributeSource.ValueKind.TEXT;
                case "number" -> kind = AttributeSource.ValueKind.NUMBER;
                case "choice" -> kind = AttributeSource.ValueKind.CHOICE;
                default -> {
                    problem(at + "/kind", "kind is 'text', 'number' or 'choice', not '" + kindText + "'");
                    return Optional.empty();
                }
            }
            if (pattern.isEmpty() || failed(node, at, "unit") || failed(node, at, "value")) {
                return Optional.empty();
            }
            // The record's pointers are relative to the rule ("/from_name/..."): rebase on the rule.
            String rule = at.substring(0, at.lastIndexOf('/'));
            return build(rule, () -> new AttributeSource.FromName(pattern.get(), kind, unit, value));
        }

        private Optional<AttributeSource> overrides(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "overrides is an object of SKU to value, not " + kind(node));
                return Optional.empty();
            }
            TreeMap<String, AttributeValue> bySku = new TreeMap<>();
            boolean ok = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<AttributeValue> v = attributeValue(e.getValue(), Pointers.child(at, e.getKey()));
                if (v.isPresent()) {
                    bySku.put(e.getKey(), v.get());
                } else {
                    ok = false;
                }
            }
            if (!ok) {
                return Optional.empty();
            }
            String rule = at.substring(0, at.lastIndexOf('/'));
            return build(rule, () -> new AttributeSource.Overrides(bySku));
        }

        private Optional<Store> store(JsonNode node, String at) {
            fields(node, at, STORE);
            Optional<String> key = requiredText(node, at, "key");
            Optional<String> marketplace = requiredText(node, at, "marketplace");
            Optional<String> name = requiredText(node, at, "name");
            JsonNode remote = node.get("remote_id");
            Optional<Long> remoteId = Optional.empty();
            if (remote == null) {
                problem(at, "missing 'remote_id' (the store's id in Bling: its sales channel id)");
            } else if (!remote.isIntegralNumber() || !remote.canConvertToLong()) {
                problem(at + "/remote_id", "remote_id is a whole number, not " + kind(remote));
            } else {
                remoteId = Optional.of(remote.longValue());
            }
            TreeMap<String, String> mapping = new TreeMap<>();
            JsonNode map = node.get("category_mapping");
            boolean ok = true;
            if (map != null) {
                String m = at + "/category_mapping";
                if (!map.isObject()) {
                    problem(m, "category_mapping is an object of category key to marketplace category id, not " + kind(map));
                    ok = false;
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!e.getValue().isTextual()) {
                            problem(Pointers.child(m, e.getKey()), "a marketplace category id is a string, not "
                                    + kind(e.getValue()));
                            ok = false;
                        } else {
                            mapping.put(e.getKey(), e.getValue().textValue());
                        }
                    }
                }
            }
            Optional<ListingPolicy> policy = Optional.of(ListingPolicy.none());
            JsonNode policyNode = node.get("listing_policy");
            if (policyNode != null) {
                policy = listingPolicy(policyNode, at + "/listing_policy");
            }
            if (key.isEmpty() || marketplace.isEmpty() || name.isEmpty() || remoteId.isEmpty() || !ok
                    || policy.isEmpty()) {
                return Optional.empty();
            }
            long id = remoteId.get();
            ListingPolicy listing = policy.get();
            return build(at, () -> new Store(key.get(), id, marketplace.get(), name.get(), mapping, listing));
        }

        /** A store's listing policy: every field optional, unknown ones refused. */
        private Optional<ListingPolicy> listingPolicy(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "listing_policy is an object, not " + kind(node));
                return Optional.empty();
            }
            fields(node, at, LISTING_POLICY);
            int before = problemCount();
            ListingPolicy.Builder b = ListingPolicy.builder();
            bool(node, at, "create_listings").ifPresent(b::createListings);
            listingStatus(node, at).ifPresent(b::status);
            optionalText(node, at, "listing_type").ifPresent(b::listingType);
            bool(node, at, "free_shipping").ifPresent(b::freeShipping);
            JsonNode overrides = node.get("overrides");
            if (overrides != null) {
                String o = at + "/overrides";
                if (!overrides.isObject()) {
                    problem(o, "overrides is an object of SKU to a product's listing settings, not " + kind(overrides));
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        String p = Pointers.child(o, e.getKey());
                        listingOverride(e.getValue(), p).ifPresent(v -> build(p, () -> b.override(e.getKey(), v)));
                    }
                }
            }
            if (problemCount() != before) {
                return Optional.empty();
            }
            return build(at, b::build);
        }

        private Optional<ListingPolicy.ProductOverride> listingOverride(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "a product's listing override is an object, not " + kind(node));
                return Optional.empty();
            }
            fields(node, at, LISTING_OVERRIDE);
            int before = problemCount();
            Optional<Boolean> list = bool(node, at, "list");
            Optional<ListingPolicy.ListingStatus> status = listingStatus(node, at);
            Optional<String> type = optionalText(node, at, "listing_type");
            Optional<Boolean> free = bool(node, at, "free_shipping");
            Optional<BigDecimal> price = decimal(node, at, "price");
            Optional<String> title = optionalText(node, at, "title");
            if (problemCount() != before) {
                return Optional.empty();
            }
            return build(at, () -> new ListingPolicy.ProductOverride(list, status, type, free, price, title));
        }

        private Optional<ListingPolicy.ListingStatus> listingStatus(JsonNode node, String at) {
            Optional<String> text = optionalText(node, at, "status");
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return switch (text.get()) {
                case "published" -> Optional.of(ListingPolicy.ListingStatus.PUBLISHED);
                case "paused" -> Optional.of(ListingPolicy.ListingStatus.PAUSED);
                default -> {
                    problem(at + "/status", "a listing's status is 'published' or 'paused', not '" + text.get() + "'");
                    yield Optional.empty();
                }
            };
        }

        private Optional<Boolean> bool(JsonNode node, String at, String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (!v.isBoolean()) {
                problem(at + "/" + name, name + " is true or false, not " + kind(v));
                return Optional.empty();
            }
            return Optional.of(v.booleanValue());
        }

        /**
         * An attribute value: a string (text), a number, a boolean, or an object
         * {@code {"text":..}}, {@code {"number":..,"unit":..}}, {@code {"choice":..}},
         * {@code {"choices":[..]}}, {@code {"boolean":..}}.
         */
        private Optional<AttributeValue> attributeValue(JsonNode node, String at) {
            if (node.isTextual()) {
                return build(at, () -> AttributeValue.text(node.textValue()));
            }
            if (node.isNumber()) {
                return Optional.of(AttributeValue.number(node.decimalValue()));
            }
            if (node.isBoolean()) {
                return Optional.of(AttributeValue.bool(node.booleanValue()));
            }
            if (!node.isObject()) {
                problem(at, "an attribute value is text, a number, true/false or an object such as "
                        + "{\"choice\": \"Azul\"}, not " + kind(node));
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Set<String> allowed = node.has("number") ? Set.of("number", "unit") : Set.of("text", "choice", "choices", "boolean");
            int before = problems.size();
            fields(node, at, allowed);
            long kinds = names.stream().filter(n -> allowed.contains(n) && !n.equals("unit")).count();
            if (kinds != 1) {
                problem(at, "an attribute value has exactly one of text, number, choice, choices or boolean; got "
                        + names);
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            if (node.has("text")) {
                return optionalText(node, at, "text").flatMap(t -> build(at + "/text", () -> AttributeValue.text(t)));
            }
            if (node.has("choice")) {
                return optionalText(node, at, "choice").flatMap(t -> build(at + "/choice", () -> AttributeValue.choice(t)));
            }
            if (node.has("choices")) {
                return textList(node, at, "choices").flatMap(l -> build(at + "/choices", () -> AttributeValue.choices(l)));
            }
            if (node.has("boolean")) {
                JsonNode b = node.get("boolean");
                if (!b.isBoolean()) {
                    problem(at + "/boolean", "boolean is true or false, not " + kind(b));
                    return Optional.empty();
                }
                return Optional.of(AttributeValue.bool(b.booleanValue()));
            }
            JsonNode number = node.get("number");
            if (!number.isNumber()) {
                problem(at + "/number", "number is a JSON number, not " + kind(number));
                return Optional.empty();
            }
            Optional<String> unit = optionalText(node, at, "unit");
            if (failed(node, at, "unit")) {
                return Optional.empty();
            }
            return build(at, () -> unit.isPresent()
                    ? AttributeValue.number(number.decimalValue(), unit.get())
                    : AttributeValue.number(number.decimalValue()));
        }

        private Optional<Weight> weight(JsonNode node, String at, String name) {
            return optionalText(node, at, name).flatMap(t -> build(at + "/" + name, () -> Weight.parse(t)));
        }

        private Optional<Length> length(JsonNode node, String at, String name) {
            return optionalText(node, at, name).flatMap(t -> build(at + "/" + name, () -> Length.parse(t)));
        }

        private Optional<BigDecimal> decimal(JsonNode node, String at, String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (v.isNumber()) {
                return Optional.of(v.decimalValue());
            }
            if (v.isTextual()) {
                try {
                    return Optional.of(new BigDecimal(v.textValue().strip()));
                } catch (NumberFormatException e) {
                    problem(at + "/" + name, name + " '" + v.textValue() + "' is not a number (use a point for decimals)");
                    return Optional.empty();
                }
            }
            problem(at + "/" + name, name + " is a number, not " + kind(v));
            return Optional.empty();
        }

        private Optional<List<String>> textList(JsonNode node, String at, String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                return Optional.empty();
            }
            String p = at + "/" + name;
            if (!v.isArray()) {
                problem(p, name + " is a list of strings, not " + kind(v));
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    problem(p + "/" + i, "each of " + name + " is a string, not " + kind(v.get(i)));
                    ok = false;
                } else {
                    out.add(v.get(i).textValue());
                }
            }
            return ok ? Optional.of(out) : Optional.empty();
        }

        private Optional<String> requiredText(JsonNode node, String at, String name) {
            if (!node.has(name)) {
                problem(at, "missing '" + name + "'");
                return Optional.empty();
            }
            return optionalText(node, at, name);
        }

        private Optional<String> optionalText(JsonNode node, String at, String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (!v.isTextual()) {
                problem(at + "/" + name, name + " is a string, not " + kind(v));
                return Optional.empty();
            }
            return Optional.of(v.textValue());
        }

        /** Whether an optional field is present but was not a string (already reported). */
        private static boolean failed(JsonNode node, String at, String name) {
            JsonNode v = node.get(name);
            return v != null && !v.isTextual();
        }

        private void fields(JsonNode node, String at, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    problem(Pointers.child(at, name), "unknown field '" + name + "'; expected one of "
                            + new java.util.TreeSet<>(allowed));
                }
            }
        }

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case OBJECT -> "an object";
                case ARRAY -> "a list";
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
                default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
