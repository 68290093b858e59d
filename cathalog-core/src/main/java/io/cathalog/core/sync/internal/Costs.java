package io.cathalog.core.sync.internal;

import io.cathalog.core.remote.RemoteOperation;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.VariationEntry;
import io.cathalog.core.sync.ProductFields;

import java.util.function.ToIntFunction;

/**
 * What applying a change asks of the ERP, in the remote's own operations: the engine knows which
 * operations its applier makes for each change; the remote says what each costs there.
 */
final class Costs {
    private Costs() {
    }

    /** The cost of each change for one plan: one visitor for all its changes. */
    static Change.Visitor<Long> of(ToIntFunction<RemoteOperation> costs) {
        return new Change.Visitor<Long>() {
            @Override
            public Long createCustomField(Change.CreateCustomField c) {
                return cost(RemoteOperation.CREATE_CUSTOM_FIELD);
            }

            @Override
            public Long createCategory(Change.CreateCategory c) {
                return cost(RemoteOperation.CREATE_CATEGORY);
            }

            @Override
            public Long renameCategory(Change.RenameCategory c) {
                return cost(RemoteOperation.RENAME_CATEGORY);
            }

            @Override
            public Long replaceCategory(Change.ReplaceCategory c) {
                return cost(RemoteOperation.CREATE_CATEGORY);
            }

            @Override
            public Long deleteCategory(Change.DeleteCategory c) {
                return cost(RemoteOperation.DELETE_CATEGORY);
            }

            @Override
            public Long createProduct(Change.CreateProduct c) {
                // A family is read back once: the ERP gives its variations' ids only on a read.
                return cost(RemoteOperation.CREATE_PRODUCT)
                        + (c.variations().isEmpty() ? readBack(c.values()) : cost(RemoteOperation.READ_PRODUCT));
            }

            @Override
            public Long updateVariations(Change.UpdateVariations c) {
                boolean added = c.variations().stream().anyMatch(v -> v.action() == VariationEntry.Action.ADD);
                return cost(RemoteOperation.WRITE_VARIATIONS)
                        + (added ? cost(RemoteOperation.READ_PRODUCT) : readBack(c.values()));
            }

            @Override
            public Long updateProduct(Change.UpdateProduct c) {
                return cost(RemoteOperation.UPDATE_PRODUCT) + readBack(c.values());
            }

            @Override
            public Long createStoreCategoryLink(Change.CreateStoreCategoryLink c) {
                return cost(RemoteOperation.CREATE_STORE_CATEGORY_LINK);
            }

            @Override
            public Long updateStoreCategoryLink(Change.UpdateStoreCategoryLink c) {
                return cost(RemoteOperation.UPDATE_STORE_CATEGORY_LINK);
            }

            @Override
            public Long createProductStoreLink(Change.CreateProductStoreLink c) {
                return cost(RemoteOperation.CREATE_PRODUCT_STORE_LINK);
            }

            @Override
            public Long updateProductStoreLink(Change.UpdateProductStoreLink c) {
                return cost(RemoteOperation.UPDATE_PRODUCT_STORE_LINK);
            }

            @Override
            public Long createListing(Change.CreateListing c) {
                return cost(RemoteOperation.CREATE_LISTING) + (c.publish() ? cost(RemoteOperation.LISTING_STATUS) : 0);
            }

            @Override
            public Long updateListing(Change.UpdateListing c) {
                return cost(RemoteOperation.UPDATE_LISTING);
            }

            @Override
            public Long setListingStatus(Change.SetListingStatus c) {
                return cost(RemoteOperation.LISTING_STATUS);
            }

            /** A new custom-field value gets its link id only on a read: the applier reads the product back. */
            private long readBack(ProductFields values) {
                boolean newValue = values.custom().values().stream().anyMatch(a -> a.before().isEmpty());
                return newValue ? cost(RemoteOperation.READ_PRODUCT) : 0;
            }

            private long cost(RemoteOperation op) {
                return Math.max(1, costs.applyAsInt(op));
            }
        };
    }
}
