/**
 * The Shopee (Brazil) plugin: {@link io.cathalog.marketplaces.shopee.ShopeeMapper} and the
 * {@link io.cathalog.marketplaces.shopee.ShopeeRequirements} that read Shopee Open Platform v2's
 * own JSON ({@code get_category}, {@code get_attribute_tree}, {@code get_brand_list},
 * {@code get_item_limit}).
 */
package io.cathalog.marketplaces.shopee;
