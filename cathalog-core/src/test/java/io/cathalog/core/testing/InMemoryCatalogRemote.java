package io.cathalog.core.testing;

import io.cathalog.core.CathalogException;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.RemoteValidationException;
import io.cathalog.core.TransportException;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteOperation;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.RemoteVariation;
import io.cathalog.core.remote.VariationWrite;
import io.cathalog.core.remote.RemoteStore;
import io.cathalog.core.remote.StoreCategoryLink;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link CatalogRemote} in memory, for fast tests of the engine without HTTP: it keeps what an
 * ERP account holds and behaves as Bling does where the engine depends on it:
 *
 * <ul>
 *   <li>change times have whole seconds, from the injected {@link Clock}, and a
 *       {@code changedSince} filter matches a change in the same second or later;</li>
 *   <li>a category with sub-categories or products cannot be deleted (a 400), and deleting one
 *       removes its store links;</li>
 *   <li>a custom-field value sent without its link id is added as a second value; a value gets its
 *       link id only on creation, seen on a later read;</li>
 *   <li>SKUs are not unique (a test can see a duplicate);</li>
 *   <li>an update of a product store link keeps the link's price.</li>
 * </ul>
 *
 * <p>Every call of the interface is counted per {@link Call}; the methods that seed and inspect the
 * account ({@code add...}, {@code edit...}, {@code ...Now}) are not counted and never fail. Faults
 * are injected per call: {@link Fault#lostAnswer()} applies the call and then throws a
 * {@link TransportException} (the answer was lost), the others throw before anything changes.
 *
 * <p>Thread-safe. Shared by this module's tests and, through the test jar, by the other modules'.
 */
public final class InMemoryCatalogRemote implements CatalogRemote {

    /** The calls of {@link CatalogRemote}, one per method, for counting and faults. */
    public enum Call {
        STORES, CATEGORIES, CREATE_CATEGORY, RENAME_CATEGORY, DELETE_CATEGORY, PRODUCTS, PRODUCT, CREATE_PRODUCT,
        UPDATE_PRODUCT, CUSTOM_FIELDS, CREATE_CUSTOM_FIELD, STORE_CATEGORY_LINKS, CREATE_STORE_CATEGORY_LINK,
        UPDATE_STORE_CATEGORY_LINK, DELETE_STORE_CATEGORY_LINK, PRODUCT_STORE_LINKS, PRODUCT_STORE_LINKS_CHANGED_SINCE,
        CREATE_PRODUCT_STORE_LINK, UPDATE_PRODUCT_STORE_LINK, DELETE_PRODUCT_STORE_LINK, UPDATE_VARIATIONS,
        LISTINGS, FIND_LISTING, CREATE_LISTING, UPDATE_LISTING, LISTING_STATUS
    }

    /**
     * What goes wrong with one call.
     *
     * @param afterApplying true when the call takes effect before the error (a lost answer)
     * @param error         the error thrown, made anew for each call
     */
    public record Fault(boolean afterApplying, Supplier<? extends RuntimeException> error) {
        /** Validates the components. */
        public Fault {
            Objects.requireNonNull(error, "error");
        }

        /** The call takes effect, but its answer is lost: a {@link TransportException}. */
        public static Fault lostAnswer() {
            return new Fault(true, () -> new TransportException("fake", "the answer was lost", null));
        }

        /** The call is refused: no answer, nothing applied. */
        public static Fault unreachable() {
            return new Fault(false, () -> new TransportException("fake", "connection refused", null));
        }

        /** The daily quota is spent. */
        public static Fault dailyQuota() {
            return new Fault(false, () -> new DailyQuotaExceededException("fake", 120_000, 120_000,
                    Instant.parse("2030-01-01T00:00:00Z"), true));
        }

        /** The authorization is dead. */
        public static Fault reauthorization() {
            return new Fault(false, () -> new ReauthorizationRequiredException("fake",
                    URI.create("https://example.invalid/authorize"), "refresh token revoked"));
        }

        /** The ERP refuses the content: a 400 with a message. */
        public static Fault validation(String message) {
            return new Fault(false, () -> validationError("fake", message));
        }

        /** Any error, thrown before the call takes effect. */
        public static Fault refuse(Supplier<? extends RuntimeException> error) {
            return new Fault(false, error);
        }
    }

    private record StoredProduct(RemoteProduct product, String type, boolean deleted, boolean variation,
                                 Instant changedAt) {
    }

    private record StoredLink(ProductStoreLink link, Instant changedAt) {
    }

    private final Clock clock;
    private long nextId = 1000;
    private final TreeMap<Long, RemoteStore> stores = new TreeMap<>();
    private final TreeMap<Long, RemoteCategory> categories = new TreeMap<>();
    private final TreeMap<Long, StoredProduct> products = new TreeMap<>();
    private final TreeMap<Long, RemoteCustomField> customFields = new TreeMap<>();
    private final TreeMap<Long, StoreCategoryLink> categoryLinks = new TreeMap<>();
    private final TreeMap<Long, StoredLink> productLinks = new TreeMap<>();
    private final Map<Call, Integer> calls = new EnumMap<>(Call.class);
    /** Listings by id: created as drafts, like Bling's. */
    private final TreeMap<Long, io.cathalog.core.remote.RemoteListing> listings = new TreeMap<>();
    private final Map<Long, io.cathalog.core.remote.ListingWrite> listingWrites = new HashMap<>();
    private final Map<Call, Deque<Fault>> faults = new EnumMap<>(Call.class);
    private final Map<RemoteOperation, Integer> costs = new EnumMap<>(RemoteOperation.class);
    private final List<ProductQuery> productQueries = new ArrayList<>();
    private final List<Instant> linkQueries = new ArrayList<>();
    /** Every variation deleted, by id, in order: a write that left one out deleted it. */
    private final List<Long> deletedVariations = new ArrayList<>();
    private Consumer<Call> beforeCall = c -> { };

    /**
     * An empty account whose change times come from {@code clock}.
     *
     * @param clock the ERP's clock
     */
    public InMemoryCatalogRemote(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ================================================================== seeding (not counted)

    /** Adds a store. */
    public synchronized InMemoryCatalogRemote addStore(long id, String name, String type) {
        stores.put(id, new RemoteStore(id, name, type, true));
        return this;
    }

    /** Adds a category; returns its id. */
    public synchronized long addCategory(String name, OptionalLong parentId) {
        long id = ++nextId;
        categories.put(id, new RemoteCategory(id, name, parentId));
        return id;
    }

    /** Adds a root category; returns its id. */
    public long addCategory(String name) {
        return addCategory(name, OptionalLong.empty());
    }

    /** Adds a product, as someone did by hand; returns its id. */
    public synchronized long addProduct(NewProduct product) {
        return insert(product, "P", false);
    }

    /** Adds a product with the ERP type code given (Bling: P, S...) or as a variation of another. */
    public synchronized long addProduct(NewProduct product, String type, boolean variation) {
        return insert(product, type, variation);
    }

    /** A product with only a SKU, a name and a status. */
    public static NewProduct product(String sku, String name) {
        return new NewProduct(sku, name, ProductStatus.ACTIVE, ProductChanges.none());
    }

    /** Edits a product, as someone does by hand in the ERP: its change time moves. */
    public synchronized void editProduct(long id, ProductChanges changes) {
        StoredProduct p = products.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no product #" + id);
        }
        products.put(id, new StoredProduct(applied(p.product(), changes), p.type(), p.deleted(), p.variation(),
                now()));
    }

    /**
     * Edits a variation, as someone does by hand in the ERP: its options and fields change, and
     * (in this simple model) its family's change time moves.
     *
     * @param variationId the variation's id
     * @param options     its new options; empty to leave them
     * @param changes     its changed fields
     */
    public synchronized void editVariation(long variationId, Map<String, String> options, ProductChanges changes) {
        for (Map.Entry<Long, StoredProduct> e : products.entrySet()) {
            RemoteProduct parent = e.getValue().product();
            List<RemoteVariation> vs = new ArrayList<>(parent.variations());
            for (int i = 0; i < vs.size(); i++) {
                if (vs.get(i).id() == variationId) {
                    vs.set(i, appliedVariation(vs.get(i), options.isEmpty() ? vs.get(i).options() : options, changes));
                    StoredProduct sp = e.getValue();
                    products.put(e.getKey(), new StoredProduct(parent.withVariations(vs), sp.type(), sp.deleted(),
                            sp.variation(), now()));
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no variation #" + variationId);
    }

    /** Every variation deleted so far, by id, in order. */
    public synchronized List<Long> deletedVariations() {
        return List.copyOf(deletedVariations);
    }

    /** Marks a product deleted (Bling's situation E), as someone does by hand. */
    public synchronized void markDeleted(long id) {
        StoredProduct p = products.get(id);
        products.put(id, new StoredProduct(p.product(), p.type(), true, p.variation(), now()));
    }

    /** Adds a text custom field; returns its id. */
    public synchronized long addCustomField(String name) {
        long id = ++nextId;
        customFields.put(id, new RemoteCustomField(id, name, "text", List.of(), true));
        return id;
    }

    /** Adds a store category link; returns its id. */
    public synchronized long addStoreCategoryLink(long storeId, long categoryId, String code, String description) {
        long id = ++nextId;
        categoryLinks.put(id, new StoreCategoryLink(id, storeId, categoryId, code, description));
        return id;
    }

    /** Adds a product store link; returns its id. */
    public synchronized long addProductStoreLink(long storeId, long productId, String code, List<Long> categoryIds) {
        long id = ++nextId;
        productLinks.put(id, new StoredLink(new ProductStoreLink(id, productId, storeId, code, Optional.empty(),
                categoryIds), now()));
        return id;
    }

    /** How many requests an operation costs here (default 1), for {@link #requests(RemoteOperation)}. */
    public synchronized InMemoryCatalogRemote cost(RemoteOperation operation, int requests) {
        costs.put(operation, requests);
        return this;
    }

    // ================================================================== faults and counts

    /** The next call of this kind fails so. */
    public InMemoryCatalogRemote inject(Call call, Fault fault) {
        return inject(call, fault, 1);
    }

    /** The next {@code times} calls of this kind fail so (after any fault already queued). */
    public synchronized InMemoryCatalogRemote inject(Call call, Fault fault, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(call, c -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
        return this;
    }

    /** Runs before every counted call (after counting it), e.g. to look at the state store then. */
    public synchronized void beforeEachCall(Consumer<Call> hook) {
        beforeCall = Objects.requireNonNull(hook, "hook");
    }

    /** How many times a call was made (a failed call counts). */
    public synchronized int calls(Call call) {
        return calls.getOrDefault(call, 0);
    }

    /** Every call made so far, by kind. */
    public synchronized Map<Call, Integer> calls() {
        return new EnumMap<>(calls);
    }

    /** Every write made so far (creations, updates, deletions). */
    public synchronized int writes() {
        int n = 0;
        for (Map.Entry<Call, Integer> e : calls.entrySet()) {
            String name = e.getKey().name();
            if (name.startsWith("CREATE") || name.startsWith("UPDATE") || name.startsWith("RENAME")
                    || name.startsWith("DELETE")) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Forgets the counts and the recorded queries (not the faults). */
    public synchronized void resetCalls() {
        calls.clear();
        productQueries.clear();
        linkQueries.clear();
    }

    /** The queries {@link #products(ProductQuery)} was called with, in order. */
    public synchronized List<ProductQuery> productQueries() {
        return List.copyOf(productQueries);
    }

    /** The {@code since} of each {@link #productStoreLinksChangedSince} call, in order. */
    public synchronized List<Instant> linkQueries() {
        return List.copyOf(linkQueries);
    }

    // ================================================================== inspection (not counted)

    /** The categories now. */
    public synchronized List<RemoteCategory> categoriesNow() {
        return List.copyOf(categories.values());
    }

    /** The category with this id, if it exists. */
    public synchronized Optional<RemoteCategory> categoryNow(long id) {
        return Optional.ofNullable(categories.get(id));
    }

    /** Every product (deleted ones included) with this SKU. */
    public synchronized List<RemoteProduct> productsWithSku(String sku) {
        return products.values().stream().filter(p -> p.product().sku().equals(Optional.of(sku)))
                .map(StoredProduct::product).toList();
    }

    /** The product with this id, if it exists. */
    public synchronized Optional<RemoteProduct> productNow(long id) {
        return Optional.ofNullable(products.get(id)).map(StoredProduct::product);
    }

    /** The custom fields now. */
    public synchronized List<RemoteCustomField> customFieldsNow() {
        return List.copyOf(customFields.values());
    }

    /** A store's category links now. */
    public synchronized List<StoreCategoryLink> storeCategoryLinksNow(long storeId) {
        return categoryLinks.values().stream().filter(l -> l.storeId() == storeId).toList();
    }

    /** A store's product links now. */
    public synchronized List<ProductStoreLink> productStoreLinksNow(long storeId) {
        return productLinks.values().stream().map(StoredLink::link).filter(l -> l.storeId() == storeId).toList();
    }

    // ================================================================== CatalogRemote

    @Override
    public synchronized List<RemoteStore> stores() {
        enter(Call.STORES);
        return List.copyOf(stores.values());
    }

    @Override
    public synchronized List<RemoteCategory> categories() {
        enter(Call.CATEGORIES);
        return List.copyOf(categories.values());
    }

    @Override
    public synchronized long createCategory(String name, OptionalLong parentId) {
        Fault f = enter(Call.CREATE_CATEGORY);
        if (parentId.isPresent() && !categories.containsKey(parentId.getAsLong())) {
            throw validationError("POST /categorias/produtos", "parent category " + parentId.getAsLong()
                    + " does not exist");
        }
        long id = addCategory(name, parentId);
        return lose(f, id);
    }

    @Override
    public synchronized void renameCategory(long id, String name) {
        Fault f = enter(Call.RENAME_CATEGORY);
        RemoteCategory c = categories.get(id);
        if (c == null) {
            throw notFound("PUT /categorias/produtos/{id}", "category " + id);
        }
        categories.put(id, new RemoteCategory(id, name, c.parentId()));
        lose(f, 0);
    }

    @Override
    public synchronized void deleteCategory(long id) {
        Fault f = enter(Call.DELETE_CATEGORY);
        if (!categories.containsKey(id)) {
            throw notFound("DELETE /categorias/produtos/{id}", "category " + id);
        }
        if (categories.values().stream().anyMatch(c -> c.parentId().equals(OptionalLong.of(id)))) {
            throw validationError("DELETE /categorias/produtos/{id}", "category " + id + " has sub-categories");
        }
        if (products.values().stream().anyMatch(p -> p.product().categoryId().equals(OptionalLong.of(id)))) {
            throw validationError("DELETE /categorias/produtos/{id}", "category " + id + " has products");
        }
        categories.remove(id);
        categoryLinks.values().removeIf(l -> l.categoryId() == id);
        lose(f, 0);
    }

    @Override
    public synchronized Stream<RemoteProductSummary> products(ProductQuery q) {
        enter(Call.PRODUCTS);
        productQueries.add(q);
        Optional<Instant> since = q.changedSince().map(InMemoryCatalogRemote::seconds);
        List<RemoteProductSummary> out = new ArrayList<>();
        for (StoredProduct s : products.values()) {
            RemoteProduct p = s.product();
            if (s.deleted() && !q.includeDeleted()
                    || since.isPresent() && s.changedAt().isBefore(since.get())
                    || q.categoryId().isPresent() && !p.categoryId().equals(q.categoryId())
                    || q.storeId().isPresent() && productLinks.values().stream().noneMatch(l ->
                    l.link().productId() == p.id() && l.link().storeId() == q.storeId().getAsLong())
                    || !q.skus().isEmpty() && (p.sku().isEmpty() || !q.skus().contains(p.sku().get()))
                    || !q.ids().isEmpty() && !q.ids().contains(p.id())) {
                continue;
            }
            out.add(new RemoteProductSummary(p.id(), p.sku(), p.name(), p.status(), s.type(), s.deleted(),
                    s.variation()));
        }
        return out.stream();
    }

    @Override
    public synchronized Optional<RemoteProduct> product(long id) {
        enter(Call.PRODUCT);
        return Optional.ofNullable(products.get(id)).map(StoredProduct::product);
    }

    @Override
    public synchronized long createProduct(NewProduct product) {
        Fault f = enter(Call.CREATE_PRODUCT);
        check(product.fields(), "POST /produtos");
        return lose(f, insert(product, "P", false));
    }

    @Override
    public synchronized void updateProduct(long id, ProductChanges changes) {
        Fault f = enter(Call.UPDATE_PRODUCT);
        StoredProduct p = products.get(id);
        if (p == null) {
            throw notFound("PATCH /produtos/{id}", "product " + id);
        }
        check(changes, "PATCH /produtos/{id}");
        products.put(id, new StoredProduct(applied(p.product(), changes), p.type(), p.deleted(), p.variation(), now()));
        lose(f, 0);
    }

    /** Like Bling's write of a parent with {@code variacoes}: every variation left out is deleted. */
    @Override
    public synchronized void writeVariations(long parentId, ProductChanges parentChanges, List<VariationWrite> writes) {
        Fault f = enter(Call.UPDATE_VARIATIONS);
        StoredProduct p = products.get(parentId);
        if (p == null) {
            throw notFound("PATCH /produtos/{id}", "product " + parentId);
        }
        check(parentChanges, "PATCH /produtos/{id}");
        Map<Long, RemoteVariation> current = new java.util.LinkedHashMap<>();
        p.product().variations().forEach(v -> current.put(v.id(), v));
        for (VariationWrite w : writes) {
            check(w.fields(), "PATCH /produtos/{id}");
            if (w.id().isPresent() && !current.containsKey(w.id().getAsLong())) {
                throw validationError("PATCH /produtos/{id}", "variation " + w.id().getAsLong()
                        + " is not of product " + parentId);
            }
            if (w.id().isEmpty() && w.options().isEmpty()) {
                throw validationError("PATCH /produtos/{id}", "a new variation needs its options");
            }
        }
        List<RemoteVariation> after = new ArrayList<>();
        java.util.Set<Long> kept = new java.util.HashSet<>();
        for (VariationWrite w : writes) {
            if (w.id().isPresent()) {
                RemoteVariation old = current.get(w.id().getAsLong());
                kept.add(old.id());
                RemoteVariation v = appliedVariation(old, w.options().isEmpty() ? old.options() : w.options(),
                        w.fields());
                after.add(w.name().isPresent() ? new RemoteVariation(v.id(), v.sku(), w.name().get(), v.options(),
                        v.gtin(), v.price(), v.dimensions(), v.netWeight(), v.grossWeight()) : v);
            } else {
                after.add(newVariation(w, p.product().name()));
            }
        }
        for (Long id : current.keySet()) {
            if (!kept.contains(id)) {
                deletedVariations.add(id);
            }
        }
        products.put(parentId, new StoredProduct(applied(p.product(), parentChanges).withVariations(after), p.type(),
                p.deleted(), p.variation(), now()));
        lose(f, 0);
    }

    private RemoteVariation newVariation(VariationWrite w, String parentName) {
        ProductChanges c = w.fields();
        return new RemoteVariation(++nextId, Optional.of(w.sku()), w.name().orElse(parentName), w.options(),
                c.gtin().map(Gtin::digits), c.price(), c.dimensions(), c.netWeight(), c.grossWeight());
    }

    private static RemoteVariation appliedVariation(RemoteVariation v, Map<String, String> options, ProductChanges c) {
        return new RemoteVariation(v.id(), v.sku(), c.name().orElse(v.name()), options,
                c.gtin().map(Gtin::digits).or(v::gtin), c.price().or(v::price), c.dimensions().or(v::dimensions),
                c.netWeight().or(v::netWeight), c.grossWeight().or(v::grossWeight));
    }

    @Override
    public synchronized List<RemoteCustomField> customFields() {
        enter(Call.CUSTOM_FIELDS);
        return List.copyOf(customFields.values());
    }

    @Override
    public synchronized long createCustomField(String name) {
        Fault f = enter(Call.CREATE_CUSTOM_FIELD);
        return lose(f, addCustomField(name));
    }

    @Override
    public synchronized List<StoreCategoryLink> storeCategoryLinks(long storeId) {
        enter(Call.STORE_CATEGORY_LINKS);
        return storeCategoryLinksNow(storeId);
    }

    @Override
    public synchronized long createStoreCategoryLink(StoreCategoryLink link) {
        Fault f = enter(Call.CREATE_STORE_CATEGORY_LINK);
        requireCategory(link.categoryId(), "POST /categorias/lojas");
        return lose(f, addStoreCategoryLink(link.storeId(), link.categoryId(), link.marketplaceCategory(),
                link.description()));
    }

    @Override
    public synchronized void updateStoreCategoryLink(StoreCategoryLink link) {
        Fault f = enter(Call.UPDATE_STORE_CATEGORY_LINK);
        if (!categoryLinks.containsKey(link.id())) {
            throw notFound("PUT /categorias/lojas/{id}", "store category link " + link.id());
        }
        requireCategory(link.categoryId(), "PUT /categorias/lojas/{id}");
        categoryLinks.put(link.id(), link);
        lose(f, 0);
    }

    @Override
    public synchronized void deleteStoreCategoryLink(long id) {
        Fault f = enter(Call.DELETE_STORE_CATEGORY_LINK);
        if (categoryLinks.remove(id) == null) {
            throw notFound("DELETE /categorias/lojas/{id}", "store category link " + id);
        }
        lose(f, 0);
    }

    @Override
    public synchronized Stream<ProductStoreLink> productStoreLinks(long storeId, OptionalLong productId) {
        enter(Call.PRODUCT_STORE_LINKS);
        return productLinks.values().stream().map(StoredLink::link)
                .filter(l -> l.storeId() == storeId && (productId.isEmpty() || l.productId() == productId.getAsLong()))
                .toList().stream();
    }

    @Override
    public synchronized Stream<ProductStoreLink> productStoreLinksChangedSince(long storeId, Instant since) {
        enter(Call.PRODUCT_STORE_LINKS_CHANGED_SINCE);
        linkQueries.add(since);
        Instant from = seconds(since);
        return productLinks.values().stream().filter(l -> !l.changedAt().isBefore(from)).map(StoredLink::link)
                .filter(l -> l.storeId() == storeId).toList().stream();
    }

    @Override
    public synchronized long createProductStoreLink(ProductStoreLink link) {
        Fault f = enter(Call.CREATE_PRODUCT_STORE_LINK);
        // A variation is a product of its own in the ERP, with links of its own.
        boolean variation = products.values().stream().anyMatch(p -> p.product().variations().stream()
                .anyMatch(v -> v.id() == link.productId()));
        if (!products.containsKey(link.productId()) && !variation) {
            throw validationError("POST /produtos/lojas", "product " + link.productId() + " does not exist");
        }
        link.categoryIds().forEach(c -> requireCategory(c, "POST /produtos/lojas"));
        return lose(f, addProductStoreLink(link.storeId(), link.productId(), link.code(), link.categoryIds()));
    }

    @Override
    public synchronized void updateProductStoreLink(ProductStoreLink link) {
        Fault f = enter(Call.UPDATE_PRODUCT_STORE_LINK);
        StoredLink current = productLinks.get(link.id());
        if (current == null) {
            throw notFound("PUT /produtos/lojas/{id}", "product store link " + link.id());
        }
        link.categoryIds().forEach(c -> requireCategory(c, "PUT /produtos/lojas/{id}"));
        ProductStoreLink l = current.link();
        productLinks.put(link.id(), new StoredLink(new ProductStoreLink(l.id(), l.productId(), l.storeId(), link.code(),
                l.price(), link.categoryIds()), now()));
        lose(f, 0);
    }

    @Override
    public synchronized void deleteProductStoreLink(long id) {
        Fault f = enter(Call.DELETE_PRODUCT_STORE_LINK);
        if (productLinks.remove(id) == null) {
            throw notFound("DELETE /produtos/lojas/{id}", "product store link " + id);
        }
        lose(f, 0);
    }

    @Override
    public synchronized List<io.cathalog.core.remote.RemoteListing> listings(long storeId, String marketplace) {
        enter(Call.LISTINGS);
        return listingsNow(storeId);
    }

    @Override
    public synchronized Optional<io.cathalog.core.remote.RemoteListing> findListing(long storeId, String marketplace,
                                                                                     long productId) {
        enter(Call.FIND_LISTING);
        return listingsNow(storeId).stream().filter(l -> l.productId() == productId).findFirst();
    }

    @Override
    public synchronized long createListing(io.cathalog.core.remote.ListingWrite w) {
        Fault f = enter(Call.CREATE_LISTING);
        if (!products.containsKey(w.productId())) {
            throw validationError("POST /anuncios", "product " + w.productId() + " does not exist");
        }
        checkVariations("POST /anuncios", w);
        long id = ++nextId;
        listings.put(id, new io.cathalog.core.remote.RemoteListing(id, w.productId(), w.storeId(),
                Optional.of(w.categoryId()), w.title(), Optional.of(w.price()), io.cathalog.core.remote.RemoteListing.State.DRAFT,
                w.attributes(), variations(List.of(), w)));
        listingWrites.put(id, w);
        return lose(f, id);
    }

    @Override
    public synchronized void updateListing(long id, io.cathalog.core.remote.ListingWrite w) {
        Fault f = enter(Call.UPDATE_LISTING);
        io.cathalog.core.remote.RemoteListing l = listings.get(id);
        if (l == null) {
            throw notFound("PUT /anuncios/{id}", "listing " + id);
        }
        checkVariations("PUT /anuncios/{id}", w);
        listings.put(id, new io.cathalog.core.remote.RemoteListing(id, l.productId(), l.storeId(),
                Optional.of(w.categoryId()), w.title(), Optional.of(w.price()), l.state(), w.attributes(),
                variations(l.variations(), w)));
        listingWrites.put(id, w);
        lose(f, 0);
    }

    @Override
    public synchronized void setListingPublished(long id, long storeId, String marketplace, boolean publish) {
        Fault f = enter(Call.LISTING_STATUS);
        io.cathalog.core.remote.RemoteListing l = listings.get(id);
        if (l == null) {
            throw notFound("POST /anuncios/{id}/publicar", "listing " + id);
        }
        listings.put(id, new io.cathalog.core.remote.RemoteListing(id, l.productId(), l.storeId(), l.categoryId(),
                l.title(), l.price(), publish ? io.cathalog.core.remote.RemoteListing.State.PUBLISHED
                : io.cathalog.core.remote.RemoteListing.State.PAUSED, l.attributes(), l.variations()));
        lose(f, 0);
    }

    private void checkVariations(String route, io.cathalog.core.remote.ListingWrite w) {
        for (io.cathalog.core.remote.ListingWrite.Variation v : w.variations()) {
            if (!products.containsKey(v.productId()) && products.values().stream().noneMatch(p -> p.product()
                    .variations().stream().anyMatch(x -> x.id() == v.productId()))) {
                throw validationError(route, "variation product " + v.productId() + " does not exist");
            }
        }
    }

    /** A listing's variations after a write: one per variation written, an id kept for a name kept. */
    private List<io.cathalog.core.remote.RemoteListing.Variation> variations(
            List<io.cathalog.core.remote.RemoteListing.Variation> had, io.cathalog.core.remote.ListingWrite w) {
        Map<String, Long> ids = new HashMap<>();
        had.forEach(v -> ids.put(v.name(), v.id()));
        List<io.cathalog.core.remote.RemoteListing.Variation> out = new ArrayList<>();
        for (io.cathalog.core.remote.ListingWrite.Variation v : w.variations()) {
            Long id = ids.get(v.name());
            out.add(new io.cathalog.core.remote.RemoteListing.Variation(id == null ? ++nextId : id, v.name()));
        }
        return out;
    }

    /**
     * The last body written to a listing (what the ERP holds beyond what it reports).
     *
     * @param listingId the listing
     * @return the last create or update of it, if any
     */
    public synchronized Optional<io.cathalog.core.remote.ListingWrite> lastListingWrite(long listingId) {
        return Optional.ofNullable(listingWrites.get(listingId));
    }

    /**
     * Removes a listing's variation by hand (as a person could in the marketplace).
     *
     * @param listingId the listing
     * @param name      the variation's name
     */
    public synchronized void removeListingVariationByHand(long listingId, String name) {
        io.cathalog.core.remote.RemoteListing l = listings.get(listingId);
        listings.put(listingId, new io.cathalog.core.remote.RemoteListing(l.id(), l.productId(), l.storeId(),
                l.categoryId(), l.title(), l.price(), l.state(), l.attributes(),
                l.variations().stream().filter(v -> !v.name().equals(name)).toList()));
    }

    /**
     * A store's listings as they are (not counted).
     *
     * @param storeId the store
     * @return its listings, by id
     */
    public synchronized List<io.cathalog.core.remote.RemoteListing> listingsNow(long storeId) {
        return listings.values().stream().filter(l -> l.storeId() == storeId).toList();
    }

    @Override
    public synchronized int requests(RemoteOperation operation) {
        return costs.getOrDefault(operation, 1);
    }

    @Override
    public String toString() {
        return "InMemoryCatalogRemote";
    }

    // ================================================================== internals

    /** Counts the call and throws a fault that strikes before it; returns one that strikes after. */
    private Fault enter(Call call) {
        calls.merge(call, 1, Integer::sum);
        beforeCall.accept(call);
        Deque<Fault> queue = faults.get(call);
        Fault f = queue == null ? null : queue.poll();
        if (f != null && !f.afterApplying()) {
            throw f.error().get();
        }
        return f;
    }

    private static long lose(Fault f, long result) {
        if (f != null) {
            throw f.error().get();
        }
        return result;
    }

    private Instant now() {
        return seconds(clock.instant());
    }

    private static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    private long insert(NewProduct p, String type, boolean variation) {
        long id = ++nextId;
        // A blank code is no SKU, as Bling lists it.
        Optional<String> sku = p.sku().isBlank() ? Optional.empty() : Optional.of(p.sku());
        RemoteProduct empty = new RemoteProduct(id, sku, p.name(), p.status(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
        RemoteProduct created = applied(empty, p.fields());
        if (!p.variations().isEmpty()) {
            List<RemoteVariation> vs = new ArrayList<>();
            p.variations().forEach(w -> vs.add(newVariation(w, p.name())));
            created = created.withVariations(vs);
        }
        products.put(id, new StoredProduct(created, type, false, variation, now()));
        return id;
    }

    /** What a PATCH leaves: named fields changed; a custom value with a link id replaced, one without added. */
    private RemoteProduct applied(RemoteProduct p, ProductChanges c) {
        List<CustomFieldValue> fields = new ArrayList<>(p.customFields());
        for (CustomFieldValue v : c.customFields()) {
            if (v.linkId().isPresent()) {
                fields.replaceAll(old -> old.linkId().equals(v.linkId()) ? v : old);
            } else {
                fields.add(new CustomFieldValue(v.fieldId(), OptionalLong.of(++nextId), v.value()));
            }
        }
        return new RemoteProduct(p.id(), p.sku(), c.name().orElse(p.name()), c.status().orElse(p.status()),
                c.brand().or(p::brand), c.gtin().map(Gtin::digits).or(p::gtin), c.price().or(p::price),
                c.categoryId().isPresent() ? c.categoryId() : p.categoryId(), c.dimensions().or(p::dimensions),
                c.netWeight().or(p::netWeight), c.grossWeight().or(p::grossWeight), fields, p.variations());
    }

    private void check(ProductChanges c, String route) {
        c.categoryId().ifPresent(id -> requireCategory(id, route));
        for (CustomFieldValue v : c.customFields()) {
            if (!customFields.containsKey(v.fieldId())) {
                throw validationError(route, "custom field " + v.fieldId() + " does not exist");
            }
        }
    }

    private void requireCategory(long id, String route) {
        if (!categories.containsKey(id)) {
            throw validationError(route, "category " + id + " does not exist");
        }
    }

    private static CathalogException validationError(String route, String message) {
        return new RemoteValidationException(route, 400, "VALIDATION_ERROR", message, "", List.of());
    }

    private static CathalogException notFound(String route, String what) {
        return new NotFoundException(route, "RESOURCE_NOT_FOUND", what + " does not exist", "");
    }
}
