/**
 * The marketplace plugin SPI. A {@link io.cathalog.core.marketplace.MarketplaceMapper} says, per
 * marketplace category, which attributes are mandatory and what valid values look like
 * ({@link io.cathalog.core.marketplace.CategoryRequirements}, read by a
 * {@link io.cathalog.core.marketplace.RequirementsProvider} from the marketplace's own JSON and
 * cached), and normalises a product for a store before anything is written
 * ({@link io.cathalog.core.marketplace.Normalisation}: values, violations, warnings, payload
 * preview). Plugins are found by the {@link io.cathalog.core.marketplace.MarketplaceRegistry}
 * with {@link java.util.ServiceLoader}; where results land in the ERP is decided by
 * {@link io.cathalog.core.marketplace.ErpLanding}. Nothing here knows a particular ERP.
 */
package io.cathalog.core.marketplace;
