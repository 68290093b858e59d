package io.cathalog.core.remote;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which products to list. Empty criteria do not filter; given criteria all apply.
 *
 * @param changedSince only products changed at or after this instant
 * @param categoryId   only products in this category
 * @param storeId      only products linked to this store
 * @param skus         only these SKUs
 * @param ids          only these ERP ids
 * @param includeDeleted also products marked deleted
 */
public record ProductQuery(Optional<Instant> changedSince, OptionalLong categoryId, OptionalLong storeId,
                           List<String> skus, List<Long> ids, boolean includeDeleted) {

    /**
     * @param changedSince   only products changed at or after this instant
     * @param categoryId     only products in this category
     * @param storeId        only products linked to this store
     * @param skus           only these SKUs
     * @param ids            only these ERP ids
     * @param includeDeleted also products marked deleted
     * @throws NullPointerException if a component is null
     */
    public ProductQuery {
        Objects.requireNonNull(changedSince, "changedSince");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(storeId, "storeId");
        skus = List.copyOf(skus);
        ids = List.copyOf(ids);
    }

    /**
     * Every product that is not deleted.
     *
     * @return a query with no criteria
     */
    public static ProductQuery all() {
        return new ProductQuery(Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of(), List.of(), false);
    }

    /**
     * Narrows the query to products changed at or after an instant.
     *
     * @param since the earliest change to list
     * @return a copy with that criterion; the others are kept
     */
    public ProductQuery changedSince(Instant since) {
        return new ProductQuery(Optional.of(since), categoryId, storeId, skus, ids, includeDeleted);
    }

    /**
     * Narrows the query to one product category.
     *
     * @param id the ERP's category id
     * @return a copy with that criterion; the others are kept
     */
    public ProductQuery inCategory(long id) {
        return new ProductQuery(changedSince, OptionalLong.of(id), storeId, skus, ids, includeDeleted);
    }

    /**
     * Narrows the query to products linked to one store.
     *
     * @param id the ERP's store id
     * @return a copy with that criterion; the others are kept
     */
    public ProductQuery linkedTo(long id) {
        return new ProductQuery(changedSince, categoryId, OptionalLong.of(id), skus, ids, includeDeleted);
    }

    /**
     * Narrows the query to some SKUs, replacing any SKUs given before.
     *
     * @param codes the SKUs to list
     * @return a copy with that criterion; the others are kept
     */
    public ProductQuery withSkus(List<String> codes) {
        return new ProductQuery(changedSince, categoryId, storeId, codes, ids, includeDeleted);
    }

    /**
     * Narrows the query to some ERP ids, replacing any ids given before.
     *
     * @param productIds the ERP's product ids to list
     * @return a copy with that criterion; the others are kept
     */
    public ProductQuery withIds(List<Long> productIds) {
        return new ProductQuery(changedSince, categoryId, storeId, skus, productIds, includeDeleted);
    }
}
