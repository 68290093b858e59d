package io.cathalog.core.remote;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What the engine needs from an ERP account: read what it holds, and change it one item at a
 * time. One instance serves one account. The Bling module implements it over Bling's API v3.
 *
 * <p>Reads are as cheap as the ERP allows (lists page lazily; a {@link Stream} must be closed).
 * Writes are never retried blindly by an implementation when a retry could duplicate: creation
 * that lost its response is recovered by the engine, which looks the natural key up before
 * creating again.
 */
public interface CatalogRemote {

    /** The account's stores (Bling's sales channels). */
    List<RemoteStore> stores();

    /** Every product category of the account. */
    List<RemoteCategory> categories();

    long createCategory(String name, OptionalLong parentId);

    /** Renames a category; its parent stays as it is. */
    void renameCategory(long id, String name);

    /** Deletes a category; the ERP refuses while it has children or products. */
    void deleteCategory(long id);

    /** Products matching the query, as summaries, paged lazily. */
    Stream<RemoteProductSummary> products(ProductQuery query);

    /** One product in full, if it exists. */
    Optional<RemoteProduct> product(long id);

    long createProduct(NewProduct product);

    /** Changes exactly the given fields, leaving all others, and a family's variations, as they are. */
    void updateProduct(long id, ProductChanges changes);

    /**
     * Writes a family's variations in one request. Every variation given is kept: one with an id is
     * changed as its fields say, one without is created. The ERP deletes every variation of the
     * parent that is left out (Bling's {@code PUT}/{@code PATCH} with {@code variacoes}), so the
     * caller passes every variation it keeps and leaves out only those it means to remove.
     *
     * @param parentId   the parent's id
     * @param parent     the parent's own fields to change in the same request (often none)
     * @param variations every variation the family keeps
     * @throws UnsupportedOperationException when this ERP has no product families
     */
    default void writeVariations(long parentId, ProductChanges parent, List<VariationWrite> variations) {
        throw new UnsupportedOperationException("this ERP has no product families");
    }

    /** The custom fields of the product module. */
    List<RemoteCustomField> customFields();

    /** Creates a text custom field in the product module. */
    long createCustomField(String name);

    List<StoreCategoryLink> storeCategoryLinks(long storeId);

    long createStoreCategoryLink(StoreCategoryLink link);

    void updateStoreCategoryLink(StoreCategoryLink link);

    void deleteStoreCategoryLink(long id);

    /** The product links of a store, optionally of one product only. */
    Stream<ProductStoreLink> productStoreLinks(long storeId, OptionalLong productId);

    /** The product links of a store changed at or after {@code since}. */
    Stream<ProductStoreLink> productStoreLinksChangedSince(long storeId, java.time.Instant since);

    long createProductStoreLink(ProductStoreLink link);

    void updateProductStoreLink(ProductStoreLink link);

    void deleteProductStoreLink(long id);

    /**
     * The listings of a store's marketplace (Bling: its anúncios), in full.
     *
     * @param storeId     the store's id in the ERP
     * @param marketplace the marketplace plugin's id of the store
     * @return every listing of the store
     * @throws UnsupportedOperationException when this ERP keeps no listings
     */
    default List<RemoteListing> listings(long storeId, String marketplace) {
        throw new UnsupportedOperationException("this ERP keeps no listings");
    }

    /**
     * A product's listing in a store, looked up (a creation whose answer was lost is found here).
     *
     * @param storeId     the store's id in the ERP
     * @param marketplace the marketplace plugin's id of the store
     * @param productId   the product's id in the ERP
     * @return the listing, if there is one
     * @throws UnsupportedOperationException when this ERP keeps no listings
     */
    default Optional<RemoteListing> findListing(long storeId, String marketplace, long productId) {
        return listings(storeId, marketplace).stream().filter(l -> l.productId() == productId)
                .min(java.util.Comparator.comparingLong(RemoteListing::id));
    }

    /**
     * Creates a listing, unpublished (a draft).
     *
     * @param listing what it holds
     * @return its id in the ERP
     * @throws UnsupportedOperationException when this ERP keeps no listings
     */
    default long createListing(ListingWrite listing) {
        throw new UnsupportedOperationException("this ERP keeps no listings");
    }

    /**
     * Replaces a listing's body; its status stays.
     *
     * @param id      the listing's id
     * @param listing what it holds now
     * @throws UnsupportedOperationException when this ERP keeps no listings
     */
    default void updateListing(long id, ListingWrite listing) {
        throw new UnsupportedOperationException("this ERP keeps no listings");
    }

    /**
     * Publishes a listing, or pauses it.
     *
     * @param id          the listing's id
     * @param storeId     its store's id in the ERP
     * @param marketplace the marketplace plugin's id of its store
     * @param publish     true to publish, false to pause
     * @throws UnsupportedOperationException when this ERP keeps no listings
     */
    default void setListingPublished(long id, long storeId, String marketplace, boolean publish) {
        throw new UnsupportedOperationException("this ERP keeps no listings");
    }

    /**
     * How many API requests one operation takes in this ERP, for the plan's estimate and the
     * daily budget. The default is one each; an ERP that needs more for some says so.
     *
     * @param operation what the engine would ask
     * @return the number of requests, at least 1
     */
    default int requests(RemoteOperation operation) {
        return 1;
    }

    /**
     * Whether this ERP refuses every change to a product while the GTIN it holds is invalid (Bling
     * validates the whole product on every save), and how to say so to a person. The engine then
     * plans nothing for such a product until the catalog gives a valid GTIN, and says why.
     *
     * @return the consequence, in a few words; empty when the ERP saves changes regardless
     */
    default java.util.Optional<String> invalidGtinRefusal() {
        return java.util.Optional.empty();
    }
}
