package io.cathalog.core.sync.internal;

import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.StoreCategoryLink;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds an {@link Observation} by hand, for the planner's tests: what the ERP was seen to hold. */
final class Observed {
    private final List<RemoteCategory> categories = new ArrayList<>();
    private final SortedMap<String, RemoteProduct> products = new TreeMap<>();
    private final Map<String, RemoteProduct> previous = new HashMap<>();
    private final List<RemoteCustomField> fields = new ArrayList<>();
    private final SortedMap<Long, List<StoreCategoryLink>> categoryLinks = new TreeMap<>();
    private final SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks = new TreeMap<>();
    private final Map<Long, List<Long>> members = new HashMap<>();
    private final List<io.cathalog.core.remote.RemoteStore> stores = new ArrayList<>();

    static Observed erp() {
        return new Observed();
    }

    /** A sales channel of the account. */
    Observed store(long id) {
        stores.add(new io.cathalog.core.remote.RemoteStore(id, "Loja " + id, "MercadoLivre", true));
        return this;
    }

    Observed category(long id, String name) {
        categories.add(new RemoteCategory(id, name, OptionalLong.empty()));
        return this;
    }

    Observed category(long id, String name, long parent) {
        categories.add(new RemoteCategory(id, name, OptionalLong.of(parent)));
        return this;
    }

    /** A product as the ERP holds it; its baseline (what the engine last knew) is the same. */
    Observed product(RemoteProduct p) {
        products.put(p.sku().orElseThrow(), p);
        return this;
    }

    /** What the engine last wrote or saw of a product, when the ERP now holds something else. */
    Observed baseline(RemoteProduct p) {
        previous.put(p.sku().orElseThrow(), p);
        return this;
    }

    Observed customField(long id, String name) {
        fields.add(new RemoteCustomField(id, name, "text", List.of(), true));
        return this;
    }

    Observed categoryLink(long id, long store, long category, String code, String description) {
        categoryLinks.computeIfAbsent(store, s -> new ArrayList<>())
                .add(new StoreCategoryLink(id, store, category, code, description));
        return this;
    }

    Observed productLink(long id, long store, long product, String code, List<Long> categories) {
        productLinks.computeIfAbsent(store, s -> new TreeMap<>())
                .put(product, new ProductStoreLink(id, product, store, code, Optional.empty(), categories));
        return this;
    }

    /** The products in a category that may be pruned (an observation made for a prune lists them). */
    Observed members(long category, Long... productIds) {
        members.put(category, List.of(productIds));
        return this;
    }

    Observation build() {
        Map<String, RemoteProduct> prev = new HashMap<>(products);
        prev.putAll(previous);
        return new Observation(Instant.parse("2026-01-05T12:00:00Z"), List.copyOf(stores), List.copyOf(categories),
                products, prev, List.of(), List.copyOf(fields), categoryLinks, productLinks, members);
    }

    /** A product the ERP holds. */
    static RemoteProduct remote(long id, String sku, String name, OptionalLong category, Optional<BigDecimal> price,
                                List<CustomFieldValue> custom) {
        return new RemoteProduct(id, Optional.of(sku), name, ProductStatus.ACTIVE, Optional.empty(), Optional.empty(),
                price, category, Optional.empty(), Optional.empty(), Optional.empty(), custom);
    }

    static RemoteProduct remote(long id, String sku, String name, long category) {
        return remote(id, sku, name, OptionalLong.of(category), Optional.empty(), List.of());
    }
}
