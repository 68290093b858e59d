package io.cathalog.bling.sync;

import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.RemoteStore;
import io.cathalog.core.remote.StoreCategoryLink;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A remote whose process "dies" right after its n-th write reached Bling: the write is applied
 * and its answer never recorded, as when a process is killed between a request and its journal.
 */
final class CrashingRemote implements CatalogRemote {
    /** The process is gone: an Error, so nothing in the engine catches it as a failed item. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(int write) {
            super("crashed after write " + write, null, false, false);
        }
    }

    private final CatalogRemote delegate;
    private final int crashAfter;
    private int writes;

    CrashingRemote(CatalogRemote delegate, int crashAfter) {
        this.delegate = delegate;
        this.crashAfter = crashAfter;
    }

    int writes() {
        return writes;
    }

    private <T> T write(Supplier<T> call) {
        T result = call.get();
        if (++writes == crashAfter) {
            throw new Crash(writes);
        }
        return result;
    }

    private void write(Runnable call) {
        write(() -> {
            call.run();
            return null;
        });
    }

    @Override
    public List<RemoteStore> stores() {
        return delegate.stores();
    }

    @Override
    public List<RemoteCategory> categories() {
        return delegate.categories();
    }

    @Override
    public long createCategory(String name, OptionalLong parentId) {
        return write(() -> delegate.createCategory(name, parentId));
    }

    @Override
    public void renameCategory(long id, String name) {
        write(() -> delegate.renameCategory(id, name));
    }

    @Override
    public void deleteCategory(long id) {
        write(() -> delegate.deleteCategory(id));
    }

    @Override
    public Stream<RemoteProductSummary> products(ProductQuery query) {
        return delegate.products(query);
    }

    @Override
    public Optional<RemoteProduct> product(long id) {
        return delegate.product(id);
    }

    @Override
    public long createProduct(NewProduct product) {
        return write(() -> delegate.createProduct(product));
    }

    @Override
    public void updateProduct(long id, ProductChanges changes) {
        write(() -> delegate.updateProduct(id, changes));
    }

    @Override
    public void writeVariations(long parentId, ProductChanges parent,
                                List<io.cathalog.core.remote.VariationWrite> variations) {
        write(() -> delegate.writeVariations(parentId, parent, variations));
    }

    @Override
    public int requests(io.cathalog.core.remote.RemoteOperation operation) {
        return delegate.requests(operation);
    }

    @Override
    public List<RemoteCustomField> customFields() {
        return delegate.customFields();
    }

    @Override
    public long createCustomField(String name) {
        return write(() -> delegate.createCustomField(name));
    }

    @Override
    public List<StoreCategoryLink> storeCategoryLinks(long storeId) {
        return delegate.storeCategoryLinks(storeId);
    }

    @Override
    public long createStoreCategoryLink(StoreCategoryLink link) {
        return write(() -> delegate.createStoreCategoryLink(link));
    }

    @Override
    public void updateStoreCategoryLink(StoreCategoryLink link) {
        write(() -> delegate.updateStoreCategoryLink(link));
    }

    @Override
    public void deleteStoreCategoryLink(long id) {
        write(() -> delegate.deleteStoreCategoryLink(id));
    }

    @Override
    public Stream<ProductStoreLink> productStoreLinks(long storeId, OptionalLong productId) {
        return delegate.productStoreLinks(storeId, productId);
    }

    @Override
    public Stream<ProductStoreLink> productStoreLinksChangedSince(long storeId, Instant since) {
        return delegate.productStoreLinksChangedSince(storeId, since);
    }

    @Override
    public long createProductStoreLink(ProductStoreLink link) {
        return write(() -> delegate.createProductStoreLink(link));
    }

    @Override
    public void updateProductStoreLink(ProductStoreLink link) {
        write(() -> delegate.updateProductStoreLink(link));
    }

    @Override
    public void deleteProductStoreLink(long id) {
        write(() -> delegate.deleteProductStoreLink(id));
    }

    @Override
    public List<io.cathalog.core.remote.RemoteListing> listings(long storeId, String marketplace) {
        return delegate.listings(storeId, marketplace);
    }

    @Override
    public Optional<io.cathalog.core.remote.RemoteListing> findListing(long storeId, String marketplace, long productId) {
        return delegate.findListing(storeId, marketplace, productId);
    }

    @Override
    public long createListing(io.cathalog.core.remote.ListingWrite listing) {
        return write(() -> delegate.createListing(listing));
    }

    @Override
    public void updateListing(long id, io.cathalog.core.remote.ListingWrite listing) {
        write(() -> delegate.updateListing(id, listing));
    }

    @Override
    public void setListingPublished(long id, long storeId, String marketplace, boolean publish) {
        write(() -> delegate.setListingPublished(id, storeId, marketplace, publish));
    }
}
