package io.cathalog.core.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.CathalogException;
import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Text;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.CategoryTree;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.RemoteStore;
import io.cathalog.core.remote.StoreCategoryLink;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds a catalog from an ERP account as it is, to adopt an existing account: import, curate
 * the file, then sync. The result is the JSON catalog format ({@code docs/catalog-format.md}):
 * <ul>
 *   <li>the <b>category tree</b>, each category keyed by the slug of its path of names
 *       ({@code eletronicos/fones-de-ouvido}: lower case, accents folded, anything else a
 *       {@code -}); when two siblings give the same slug, the one the ERP created later gets a
 *       numeric suffix ({@code -2}). Siblings are taken in the order of their ERP ids, so the
 *       same account gives the same keys every time, and a category added later never takes
 *       the key of an older one;</li>
 *   <li>the <b>stores</b> ({@link CatalogRemote#stores()}), each with the marketplace guessed
 *       from its channel type ({@code MercadoLivre} is {@code mercadolivre}); a store whose type
 *       names no known marketplace is left out of {@code stores}, and a note says so;</li>
 *   <li>each store's <b>category mapping</b>, from its store-category links;</li>
 *   <li>optionally the <b>products</b>: SKU, name, status, category key, brand, GTIN and price.
 *       This reads every product in full, one request each.</li>
 * </ul>
 * What the catalog format cannot hold is left out and explained in the file's {@code notes}:
 * two sibling categories whose names are the same ignoring case and accents (the older is
 * kept), categories deeper than {@value CategoryTree#MAX_DEPTH} levels or whose parent is
 * missing, products without a SKU or with a repeated one, and values the format refuses.
 * Nothing is written to the ERP. Planning on the imported file proposes no category change,
 * except the renames its notes announce for names the format cannot hold as they are.
 *
 * <pre>{@code
 * CatalogImport.Result imported = CatalogImport.builder(remote).products(true).build().run();
 * imported.write(Path.of("catalog.json"), false);   // refuses to replace an existing file
 * imported.notes().forEach(System.out::println);
 * }</pre>
 */
public final class CatalogImport {
    private static final System.Logger LOG = System.getLogger(CatalogImport.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");

    /** Channel types (folded to lower-case letters and digits) of marketplaces, and their plugin ids. */
    private static final Map<String, String> KNOWN_MARKETPLACES = Map.of(
            "mercadolivre", "mercadolivre",
            "mercadolibre", "mercadolivre",
            "shopee", "shopee",
            "amazon", "amazon",
            "magalu", "magalu",
            "magazineluiza", "magalu");

    private final CatalogRemote remote;
    private final boolean products;
    private final Map<String, String> marketplaces;
    private final Progress progress;

    private CatalogImport(Builder b) {
        this.remote = b.remote;
        this.products = b.products;
        this.progress = b.progress;
        this.marketplaces = Map.copyOf(b.marketplaces);
    }

    /**
     * Starts an import from one account.
     *
     * @param remote the account to read; only its read methods are called
     * @return a builder; products are not imported unless asked for
     */
    public static Builder builder(CatalogRemote remote) {
        return new Builder(remote);
    }

    /**
     * The marketplace plugin id guessed for an ERP channel type, compared ignoring case, accents
     * and punctuation ({@code "Mercado Livre"}, {@code "MercadoLivre"}).
     *
     * @param channelType the ERP's channel type, e.g. {@code MercadoLivre}
     * @return the plugin id, e.g. {@code mercadolivre}; empty for a type that names no known marketplace
     */
    public Optional<String> marketplaceOf(String channelType) {
        return Optional.ofNullable(marketplaces.get(channelKey(channelType)));
    }

    private static String channelKey(String channelType) {
        return NOT_ALNUM.matcher(Text.fold(Objects.requireNonNull(channelType, "channelType"))).replaceAll("");
    }

    /**
     * Reads the account and builds the catalog. Only reads: categories, stores, each store's
     * category links and, when asked, every product.
     *
     * @return the catalog, its JSON text and the notes on what was left out
     * @throws io.cathalog.core.RemoteException when the account cannot be read
     */
    public Result run() {
        Run run = new Run();
        run.categories(remote.categories());
        run.stores(remote.stores());
        if (products) {
            run.products();
        }
        return run.result();
    }

    /** The state of one import. */
    private final class Run {
        private final List<String> notes = new ArrayList<>();
        private final ArrayNode categories = NODES.arrayNode();
        private final ArrayNode stores = NODES.arrayNode();
        private final ArrayNode productNodes = NODES.arrayNode();
        private final Map<Long, String> keyById = new HashMap<>();
        private final Set<String> categoryKeys = new HashSet<>();
        private final Set<String> storeKeys = new HashSet<>();
        private final Map<Long, RemoteCategory> byId = new HashMap<>();
        private final Map<Long, List<RemoteCategory>> children = new HashMap<>();
        private final Set<Long> reached = new HashSet<>();
        /** Product notes by reason (a large account repeats them by the thousand): the SKUs concerned. */
        private final Map<String, List<String>> productNotes = new LinkedHashMap<>();

        private void productNote(String reason, String sku) {
            productNotes.computeIfAbsent(reason, r -> new ArrayList<>()).add(sku);
        }

        void categories(List<RemoteCategory> all) {
            all.forEach(c -> byId.put(c.id(), c));
            for (RemoteCategory c : all) {
                children.computeIfAbsent(c.parentId().orElse(0), p -> new ArrayList<>()).add(c);
            }
            children.values().forEach(l -> l.sort(Comparator.comparingLong(RemoteCategory::id)));
            level(0, Optional.empty(), 1);
            // Whatever was not reached from the roots hangs from a parent the ERP did not list (or a cycle).
            all.stream().filter(c -> !reached.contains(c.id())).sorted(Comparator.comparingLong(RemoteCategory::id))
                    .filter(c -> c.parentId().isPresent() && !byId.containsKey(c.parentId().getAsLong()))
                    .forEach(c -> {
                        reached.add(c.id());
                        notes.add("category '" + c.name() + "' (#" + c.id() + ") is left out: its parent #"
                                + c.parentId().getAsLong() + " is not among the account's categories"
                                + descendants(c.id()));
                    });
            all.stream().filter(c -> !reached.contains(c.id())).sorted(Comparator.comparingLong(RemoteCategory::id))
                    .forEach(c -> notes.add("category '" + c.name() + "' (#" + c.id()
                            + ") is left out: it is not under any root (its parents form a cycle)"));
        }

        private void level(long parentId, Optional<String> parentKey, int depth) {
            Map<String, RemoteCategory> kept = new HashMap<>();
            for (RemoteCategory r : children.getOrDefault(parentId, List.of())) {
                if (!reached.add(r.id())) {
                    continue;
                }
                String name = cleanName(r.name(), "category", r.id());
                String folded = Text.fold(name);
                RemoteCategory twin = kept.get(folded);
                if (twin != null) {
                    notes.add("category '" + r.name() + "' (#" + r.id() + ", " + under(parentKey)
                            + ") is left out: its name is the same as '" + twin.name() + "' (#" + twin.id()
                            + ") ignoring case and accents, and a catalog cannot hold both; merge or rename them"
                            + " in the ERP and import again" + descendants(r.id()));
                    skipSubtree(r.id());
                    continue;
                }
                if (depth > CategoryTree.MAX_DEPTH) {
                    notes.add("category '" + r.name() + "' (#" + r.id() + ", " + under(parentKey)
                            + ") is left out: a catalog holds at most " + CategoryTree.MAX_DEPTH + " levels"
                            + descendants(r.id()));
                    skipSubtree(r.id());
                    continue;
                }
                kept.put(folded, r);
                String key = uniqueKey(categoryKeys, parentKey.map(p -> p + "/").orElse("") + slug(name, "category"));
                if (!name.equals(r.name())) {
                    notes.add("category '" + key + "' (#" + r.id() + "): the ERP's name '" + r.name()
                            + "' is not valid in a catalog; the file holds '" + name + "', so a sync renames it");
                }
                ObjectNode node = categories.addObject().put("key", key).put("name", name);
                parentKey.ifPresent(p -> node.put("parent", p));
                keyById.put(r.id(), key);
                level(r.id(), Optional.of(key), depth + 1);
            }
        }

        private void skipSubtree(long id) {
            for (RemoteCategory c : children.getOrDefault(id, List.of())) {
                if (reached.add(c.id())) {
                    skipSubtree(c.id());
                }
            }
        }

        private String descendants(long id) {
            int n = count(id, new HashSet<>());
            return n == 0 ? "" : ", with the " + n + " categor" + (n == 1 ? "y" : "ies") + " under it";
        }

        private int count(long id, Set<Long> seen) {
            int n = 0;
            for (RemoteCategory c : children.getOrDefault(id, List.of())) {
                if (seen.add(c.id())) {
                    n += 1 + count(c.id(), seen);
                }
            }
            return n;
        }

        private String under(Optional<String> parentKey) {
            return parentKey.map(p -> "under '" + p + "'").orElse("a root");
        }

        void stores(List<RemoteStore> all) {
            for (RemoteStore s : all.stream().sorted(Comparator.comparingLong(RemoteStore::id)).toList()) {
                if (s.id() <= 0) {
                    notes.add("store '" + s.name() + "' is left out: its id " + s.id() + " is not a valid remote_id");
                    continue;
                }
                Map<String, String> mapping = mapping(s);
                Optional<String> marketplace = marketplaceOf(s.type());
                String name = cleanName(s.name(), "store", s.id());
                if (marketplace.isEmpty()) {
                    notes.add("store '" + s.name() + "' (remote_id " + s.id() + ", channel type '" + s.type()
                            + "') is left out of \"stores\": its channel type names no known marketplace. To manage it,"
                            + " add it with the marketplace plugin's id" + (mapping.isEmpty() ? ""
                            : "; its category mapping in the ERP is " + mappingText(mapping)));
                    continue;
                }
                String key = uniqueKey(storeKeys, slug(name, "store"));
                ObjectNode node = stores.addObject().put("key", key).put("remote_id", s.id())
                        .put("marketplace", marketplace.get()).put("name", name);
                if (!mapping.isEmpty()) {
                    ObjectNode m = node.putObject("category_mapping");
                    mapping.forEach(m::put);
                }
                if (!s.enabled()) {
                    notes.add("store '" + key + "' (remote_id " + s.id() + ") is disabled in the ERP");
                }
            }
        }

        /** The store's links as category key to marketplace category; the oldest link of a category wins, as in a plan. */
        private Map<String, String> mapping(RemoteStore s) {
            Map<String, String> mapping = new TreeMap<>();
            List<StoreCategoryLink> links = new ArrayList<>(remote.storeCategoryLinks(s.id()));
            links.sort(Comparator.comparingLong(StoreCategoryLink::id));
            for (StoreCategoryLink link : links) {
                String key = keyById.get(link.categoryId());
                String code = link.marketplaceCategory();
                if (key == null) {
                    notes.add("store '" + s.name() + "': the link of category #" + link.categoryId() + " to '" + code
                            + "' is left out: that category is not in the file");
                } else if (code.isBlank() || code.length() > 100) {
                    notes.add("store '" + s.name() + "': the link of category '" + key
                            + "' is left out: its marketplace category '" + code + "' is not 1 to 100 characters");
                } else {
                    mapping.putIfAbsent(key, code);
                }
            }
            return mapping;
        }

        private String mappingText(Map<String, String> mapping) {
            StringBuilder b = new StringBuilder("{");
            mapping.forEach((k, v) -> b.append(b.length() > 1 ? ", " : " ").append('"').append(k).append("\": \"")
                    .append(v).append('"'));
            return b.append(" }").toString();
        }

        void products() {
            List<RemoteProductSummary> summaries;
            try (Stream<RemoteProductSummary> s = remote.products(ProductQuery.all())) {
                summaries = s.filter(p -> !p.deleted() && !p.variation())
                        .sorted(Comparator.comparingLong(RemoteProductSummary::id)).toList();
            }
            int total = (int) summaries.stream().map(RemoteProductSummary::sku).flatMap(Optional::stream)
                    .filter(c -> !c.isBlank()).distinct().count();
            int withoutSku = 0;
            Map<String, Long> seen = new HashMap<>();
            int read = 0;
            for (RemoteProductSummary summary : summaries) {
                Optional<String> sku = summary.sku().filter(c -> !c.isBlank());
                if (sku.isEmpty()) {
                    withoutSku++;
                    continue;
                }
                Long first = seen.putIfAbsent(sku.get(), summary.id());
                if (first != null) {
                    notes.add("product #" + summary.id() + " is left out: its SKU '" + sku.get()
                            + "' is also product #" + first + "'s");
                    continue;
                }
                Optional<RemoteProduct> full = remote.product(summary.id());
                if (++read % 100 == 0) {
                    LOG.log(System.Logger.Level.DEBUG, "import: read {0} of {1} products", read, total);
                }
                full.ifPresent(p -> product(sku.get(), p));
                progress.productsRead(read, total);
            }
            productNotes.forEach((reason, skus) -> notes.add(skus.size() + (skus.size() == 1 ? " product " : " products ")
                    + reason + ": " + String.join(", ", skus.subList(0, Math.min(10, skus.size())))
                    + (skus.size() > 10 ? " and " + (skus.size() - 10) + " more" : "")));
            if (withoutSku > 0) {
                notes.add(withoutSku + " product" + (withoutSku == 1 ? " has" : "s have")
                        + " no SKU in the ERP and " + (withoutSku == 1 ? "is" : "are")
                        + " left out (a catalog names products by SKU)");
            }
        }

        private void product(String sku, RemoteProduct p) {
            try {
                Product.builder(sku, p.name()).build();
            } catch (ValidationException e) {
                notes.add("product '" + sku + "' (#" + p.id() + ") is left out: " + e.getMessage());
                return;
            }
            ObjectNode node = productNodes.addObject().put("sku", sku).put("name", p.name());
            if (p.status() == ProductStatus.INACTIVE) {
                node.put("status", "inactive");
            }
            if (p.categoryId().isPresent()) {
                String key = keyById.get(p.categoryId().getAsLong());
                if (key != null) {
                    node.put("category", key);
                } else {
                    long id = p.categoryId().getAsLong();
                    productNote("in category " + Optional.ofNullable(byId.get(id)).map(c -> "'" + c.name() + "' ").orElse("")
                            + "#" + id + ", which is not in the file, name no category", sku);
                }
            }
            p.brand().filter(b -> !b.isEmpty()).filter(b -> valid(() -> Product.builder(sku, p.name()).brand(b).build(),
                    "with a brand the format refuses (white space at the ends, over 120 characters) have it left out",
                    sku)).ifPresent(b -> node.put("brand", b));
            p.gtin().filter(g -> !g.isBlank()).ifPresent(g -> {
                if (Gtin.isValid(g)) {
                    node.put("gtin", g);
                } else {
                    productNote("with a GTIN that is not valid (wrong check digit or length) have it left out", sku);
                }
            });
            p.price().filter(v -> v.signum() >= 0).ifPresent(v -> node.put("price", plain(v)));
        }

        private boolean valid(Runnable check, String reason, String sku) {
            try {
                check.run();
                return true;
            } catch (ValidationException e) {
                productNote(reason, sku);
                return false;
            }
        }

        Result result() {
            ObjectNode root = NODES.objectNode();
            root.put("format_version", JsonCatalogFile.FORMAT_VERSION);
            if (!notes.isEmpty()) {
                ArrayNode n = root.putArray("notes");
                notes.forEach(n::add);
            }
            root.set("categories", categories);
            if (products) {
                root.set("products", productNodes);
            }
            root.set("stores", stores);
            String json;
            try {
                json = JSON.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            // The file must read back: what the reader refuses, the import must not have written.
            Catalog catalog = JsonCatalogFile.reader().read(json, "the imported catalog");
            LOG.log(System.Logger.Level.INFO, "import: {0} categories, {1} stores, {2} products, {3} notes",
                    catalog.tree().size(), catalog.stores().size(), catalog.products().size(), notes.size());
            Map<String, Long> ids = new TreeMap<>();
            keyById.forEach((id, key) -> ids.put(key, id));
            return new Result(catalog, json, notes, ids);
        }
    }

    /** A name as a catalog holds it: no control characters, no white space at the ends, at most 120 characters. */
    private static String cleanName(String name, String what, long id) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String s = b.toString().strip();
        if (s.codePointCount(0, s.length()) > Category.MAX_NAME_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, Category.MAX_NAME_LENGTH)).strip();
        }
        return s.isEmpty() ? what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " " + id : s;
    }

    /** The decimal without trailing zeros, never with an exponent ({@code 100}, not {@code 1E+2}). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Lower case, accents folded, every other run of characters one '-'. */
    static String slug(String name, String fallback) {
        String s = NOT_SLUG.matcher(Text.fold(name)).replaceAll("-");
        s = trimDashes(s);
        return s.isEmpty() ? fallback : s;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '/')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '/')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... the first not yet used, within the key length. */
    private static String uniqueKey(Set<String> used, String base) {
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? "" : "-" + n;
            String head = base.length() + suffix.length() > Category.MAX_KEY_LENGTH
                    ? trimDashes(base.substring(0, Category.MAX_KEY_LENGTH - suffix.length())) : base;
            String key = head + suffix;
            if (used.add(key)) {
                return key;
            }
        }
    }

    /**
     * An imported catalog.
     *
     * @param catalog the catalog, as the JSON reads back
     * @param json    the catalog file's text: the documented format, in a stable order (the same account
     *                gives the same bytes), with the notes in its {@code notes}
     * @param notes   what was left out or changed, and why, one sentence each
     * @param categoryIds the ERP id of each category of the file, by key (in key order)
     */
    public record Result(Catalog catalog, String json, List<String> notes, Map<String, Long> categoryIds) {
        /**
         * Validates and copies.
         *
         * @param catalog     the catalog, as the JSON reads back
         * @param json        the catalog file's text: the documented format, in a stable order (the same account
         *                    gives the same bytes), with the notes in its {@code notes}
         * @param notes       what was left out or changed, and why, one sentence each
         * @param categoryIds the ERP id of each category of the file, by key (in key order)
         * @throws NullPointerException if a component is null
         */
        public Result {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(json, "json");
            notes = List.copyOf(notes);
            categoryIds = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(categoryIds));
        }

        /**
         * Remembers which ERP category each key of the file names, in the account's sync state,
         * as a sync does for the categories it matches. Without it the engine knows a category
         * only by its name until the first sync, so a name curated in the file before then would
         * plan a new category instead of a rename. Call it when the file is adopted as the
         * account's catalog (the CLI's {@code import} does).
         *
         * @param state   the account's sync state
         * @param account the account id the engine runs under
         */
        public void rememberCategories(io.cathalog.core.sync.SyncStateStore state, String account) {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(account, "account");
            Map<String, Long> known = state.remoteIds(account, io.cathalog.core.sync.EntityKind.CATEGORY);
            categoryIds.forEach((key, id) -> {
                if (!id.equals(known.get(key))) {
                    state.putRemoteId(account, io.cathalog.core.sync.EntityKind.CATEGORY, key, id);
                }
            });
        }

        /**
         * Writes the file, whole or not at all (a temporary file moved into place).
         *
         * @param file      where
         * @param overwrite whether an existing file may be replaced
         * @throws CathalogException when the file exists and {@code overwrite} is false, or cannot be written
         */
        public void write(Path file, boolean overwrite) {
            Objects.requireNonNull(file, "file");
            Path target = file.toAbsolutePath();
            if (!overwrite && Files.exists(target)) {
                throw new CathalogException(exists(file));
            }
            Path tmp = null;
            try {
                Files.createDirectories(target.getParent());
                tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                if (overwrite) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(tmp, target);
                }
                tmp = null;
            } catch (FileAlreadyExistsException e) {
                throw new CathalogException(exists(file), e);
            } catch (IOException e) {
                throw new CathalogException("cannot write the catalog file " + file + ": " + e.getMessage(), e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // Nothing more to do: the write already failed and says so.
                    }
                }
            }
        }

        private static String exists(Path file) {
            return "the catalog file " + file + " already exists; it is not replaced (choose another file, or overwrite it on purpose)";
        }

        /**
         * One line for people: what the catalog holds.
         *
         * @return the counts of categories, stores and products, and of notes if any
         */
        public String summary() {
            return catalog.tree().size() + " categories, " + catalog.stores().size() + " stores, "
                    + catalog.products().size() + " products" + (notes.isEmpty() ? "" : "; " + notes.size()
                    + " note" + (notes.size() == 1 ? "" : "s") + " on what was left out");
        }
    }

    /** Told as products are read, one request each: an import with products takes as long as a first sync's reads. */
    @FunctionalInterface
    public interface Progress {
        /**
         * One more product read.
         *
         * @param read  products read so far
         * @param total products to read (those listed with a SKU, not deleted, not variations; repeated SKUs are not read)
         */
        void productsRead(int read, int total);
    }

    /** Configures an import. */
    public static final class Builder {
        private final CatalogRemote remote;
        private boolean products;
        private Progress progress = (read, total) -> { };
        private final Map<String, String> marketplaces = new LinkedHashMap<>(KNOWN_MARKETPLACES);

        private Builder(CatalogRemote remote) {
            this.remote = Objects.requireNonNull(remote, "remote");
        }

        /**
         * Whether to import the products too (each read in full: one request per product).
         *
         * @param include true to import them; default false
         * @return this builder
         */
        public Builder products(boolean include) {
            this.products = include;
            return this;
        }

        /**
         * Adds or replaces the marketplace guessed for a channel type, for a plugin of your own.
         *
         * @param channelType   the ERP's channel type, compared ignoring case, accents and punctuation
         * @param marketplaceId the plugin's id, e.g. {@code mercadolivre}
         * @return this builder
         */
        public Builder marketplace(String channelType, String marketplaceId) {
            Objects.requireNonNull(marketplaceId, "marketplaceId");
            // The store's own check, so a bad id fails here and not in the written file.
            new io.cathalog.core.model.Store("check", 1, marketplaceId, "check", Map.of());
            String type = channelKey(channelType);
            if (type.isEmpty()) {
                throw ValidationException.of("/channel_type", "a channel type needs letters or digits: '" + channelType + "'");
            }
            marketplaces.put(type, marketplaceId);
            return this;
        }

        /**
         * Where to report the products read.
         *
         * @param listener told after each product read
         * @return this builder
         */
        public Builder progress(Progress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The import, ready to {@link CatalogImport#run() run}.
         *
         * @return the import
         */
        public CatalogImport build() {
            return new CatalogImport(this);
        }
    }
}
