/**
 * The contract test kit for marketplace plugins, shipped in the core test jar: extend
 * {@link io.cathalog.core.marketplace.testkit.MarketplaceMapperContract} in a plugin's tests.
 */
package io.cathalog.core.marketplace.testkit;
