/**
 * The marketplace plugin SPI: a {@link io.cathalog.core.marketplace.MarketplaceMapper} says, per
 * marketplace category, which attributes are mandatory and what valid values look like, and
 * normalises a product for a store before anything is written. Plugins are found with
 * {@link java.util.ServiceLoader}.
 */
package io.cathalog.core.marketplace;
