/**
 * Marketplace rules as {@code MarketplaceMapper} plugins. This module knows marketplaces and
 * nothing of Bling.
 */
package io.cathalog.marketplaces;
