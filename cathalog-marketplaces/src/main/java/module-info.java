/**
 * Marketplace plugins (Mercado Livre, Shopee) for Cathalog Sync, found through ServiceLoader.
 */
module io.cathalog.marketplaces {
    requires io.cathalog.core;

}
