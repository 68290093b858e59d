package io.cathalog.core.sync.internal;

/** The names the engine keeps state under: shared by the stages, owned by none of them. */
final class StateKeys {
    /** The time up to which product changes have been listed. */
    static final String PRODUCTS_CURSOR = "products.changedSince";

    private StateKeys() {
    }

    /** The time up to which a store's product links have been listed. */
    static String linksCursor(long storeId) {
        return "links." + storeId + ".changedSince";
    }

    /** A product store link's snapshot key: store id and product id. */
    static String linkKey(long storeId, long productId) {
        return storeId + "/" + productId;
    }

    /** The prefix of every link snapshot key of a store. */
    static String linkPrefix(long storeId) {
        return storeId + "/";
    }
}
