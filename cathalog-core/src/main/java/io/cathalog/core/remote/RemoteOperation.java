package io.cathalog.core.remote;

/**
 * The operations the engine asks of a {@link CatalogRemote}, for estimating what a plan costs:
 * each ERP says through {@link CatalogRemote#requests(RemoteOperation)} how many API requests
 * one of them takes there (Bling, for instance, needs two for a product store link's update: it
 * has no partial update for it, so the link is read, changed and written whole).
 */
public enum RemoteOperation {
    /** {@link CatalogRemote#createCustomField(String)}. */
    CREATE_CUSTOM_FIELD,
    /** {@link CatalogRemote#createCategory(String, java.util.OptionalLong)}. */
    CREATE_CATEGORY,
    /** {@link CatalogRemote#renameCategory(long, String)}. */
    RENAME_CATEGORY,
    /** {@link CatalogRemote#deleteCategory(long)}. */
    DELETE_CATEGORY,
    /** {@link CatalogRemote#createProduct(NewProduct)}. */
    CREATE_PRODUCT,
    /** {@link CatalogRemote#updateProduct(long, ProductChanges)}. */
    UPDATE_PRODUCT,
    /** A write of a family's variations, each kept one carried along ({@link CatalogRemote#writeVariations}). */
    WRITE_VARIATIONS,
    /** {@link CatalogRemote#product(long)}: one product read in full. */
    READ_PRODUCT,
    /** One page of {@link CatalogRemote#products(ProductQuery)} or of a store's product links. */
    LIST_PAGE,
    /** {@link CatalogRemote#createStoreCategoryLink(StoreCategoryLink)}. */
    CREATE_STORE_CATEGORY_LINK,
    /** {@link CatalogRemote#updateStoreCategoryLink(StoreCategoryLink)}. */
    UPDATE_STORE_CATEGORY_LINK,
    /** {@link CatalogRemote#createProductStoreLink(ProductStoreLink)}. */
    CREATE_PRODUCT_STORE_LINK,
    /** {@link CatalogRemote#updateProductStoreLink(ProductStoreLink)}. */
    UPDATE_PRODUCT_STORE_LINK,
    /** Creates a listing (issue 18). */
    CREATE_LISTING,
    /** Updates a listing's body. */
    UPDATE_LISTING,
    /** Publishes or pauses a listing. */
    LISTING_STATUS,
    /** Looks a product's listing in a store up (after a lost answer). */
    FIND_LISTING,
    /** Lists a store's listings: one page of a hundred (Bling: the four situations, one list each). */
    LIST_LISTINGS,
    /**
     * Reads one listed listing in full after the list (Bling: {@code GET /anuncios/{id}}, as its
     * list has neither the product nor the attributes); a remote whose list gives everything says 0.
     */
    READ_LISTING
}
