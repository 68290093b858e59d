/**
 * Marketplace plugins (Mercado Livre, Shopee) for Cathalog Sync, found through ServiceLoader.
 */
module io.cathalog.marketplaces {
    requires io.cathalog.core;
    requires com.fasterxml.jackson.databind;

    exports io.cathalog.marketplaces.mercadolivre;
    exports io.cathalog.marketplaces.shopee;

    provides io.cathalog.core.marketplace.MarketplaceMapper with
            io.cathalog.marketplaces.mercadolivre.MercadoLivreMapper,
            io.cathalog.marketplaces.shopee.ShopeeMapper;
}
