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

    /**
     * The account's stores (Bling's sales channels).
     *
     * @return every store, in the ERP's order
     */
    List<RemoteStore> stores();

    /**
     * Every product category of the account.
     *
     * @return the categories, parents and children alike
     */
    List<RemoteCategory> categories();

    /**
     * Creates a product category.
     *
     * @param name     its name, as the catalog says
     * @param parentId the parent category's id; empty for a top-level category
     * @return the new category's id
     */
    long createCategory(String name, OptionalLong parentId);

    /**
     * Renames a category; its parent stays as it is.
     *
     * @param id   the category
     * @param name its new name
     */
    void renameCategory(long id, String name);

    /**
     * Deletes a category; the ERP refuses while it has children or products.
     *
     * @param id the category
     */
    void deleteCategory(long id);

    /**
     * Products matching the query, as summaries, paged lazily.
     *
     * @param query which products (all, changed since, by code, ...)
     * @return the summaries; close the stream when done
     */
    Stream<RemoteProductSummary> products(ProductQuery query);

    /**
     * One product in full, if it exists.
     *
     * @param id the product
     * @return the product with its fields, custom values and variations; empty when the ERP has none
     *         with that id
     */
    Optional<RemoteProduct> product(long id);

    /**
     * Creates a product (a family with all its variations in the same request).
     *
     * @param product what to create
     * @return the new product's id
     */
    long createProduct(NewProduct product);

    /**
     * Changes exactly the given fields, leaving all others, and a family's variations, as they are.
     *
     * @param id      the product
     * @param changes the fields to write
     */
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

    /**
     * The custom fields of the product module.
     *
     * @return every custom field products can hold
     */
    List<RemoteCustomField> customFields();

    /**
     * Creates a text custom field in the product module.
     *
     * @param name the field's name
     * @return the new field's id
     */
    long createCustomField(String name);

    /**
     * The links of the account's product categories to a store's own categories.
     *
     * @param storeId the store
     * @return the store's category links
     */
    List<StoreCategoryLink> storeCategoryLinks(long storeId);

    /**
     * Links a product category to a store's category.
     *
     * @param link the link, without an id
     * @return the new link's id
     */
    long createStoreCategoryLink(StoreCategoryLink link);

    /**
     * Changes a category link to what {@code link} says.
     *
     * @param link the link, with its id
     */
    void updateStoreCategoryLink(StoreCategoryLink link);

    /**
     * Removes a category link.
     *
     * @param id the link
     */
    void deleteStoreCategoryLink(long id);

    /**
     * The product links of a store, optionally of one product only.
     *
     * @param storeId   the store
     * @param productId one product's links only; empty for all of the store's
     * @return the links, paged lazily; close the stream when done
     */
    Stream<ProductStoreLink> productStoreLinks(long storeId, OptionalLong productId);

    /**
     * The product links of a store changed at or after {@code since}.
     *
     * @param storeId the store
     * @param since   the earliest change time to include
     * @return the links, paged lazily; close the stream when done
     */
    Stream<ProductStoreLink> productStoreLinksChangedSince(long storeId, java.time.Instant since);

    /**
     * Links a product to a store (its code, price and category there).
     *
     * @param link the link, without an id
     * @return the new link's id
     */
    long createProductStoreLink(ProductStoreLink link);

    /**
     * Changes a product link to what {@code link} says.
     *
     * @param link the link, with its id
     */
    void updateProductStoreLink(ProductStoreLink link);

    /**
     * Removes a product link.
     *
     * @param id the link
     */
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
