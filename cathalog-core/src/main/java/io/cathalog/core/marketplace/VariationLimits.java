package io.cathalog.core.marketplace;

/**
 * What a marketplace category takes of a product family (a parent with variations).
 *
 * @param maxVariations     the most variations one listing may have (Mercado Livre's
 *                          {@code max_variations_allowed}: 100, or 250 in some categories)
 * @param maxTiers          the most option names (tiers) a family may vary on; Shopee: 2
 * @param nameMaxLength     the longest option name (Shopee: 14 characters)
 * @param optionMaxLength   the longest option value (Shopee: 20 characters)
 * @param samePrice         whether every variation of a listing must have the same price
 *                          (Mercado Livre's classic model)
 * @param everyCombination  whether every combination of the tiers' options must be a variation
 *                          (Shopee's tier grid)
 */
public record VariationLimits(int maxVariations, int maxTiers, int nameMaxLength, int optionMaxLength,
                              boolean samePrice, boolean everyCombination) {

    /** No limits beyond the catalog's own. */
    public static final VariationLimits NONE = new VariationLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, false, false);

    /**
     * Checks the limits.
     *
     * @param maxVariations    the most variations one listing may have (Mercado Livre's
     *                         {@code max_variations_allowed}: 100, or 250 in some categories)
     * @param maxTiers         the most option names (tiers) a family may vary on; Shopee: 2
     * @param nameMaxLength    the longest option name (Shopee: 14 characters)
     * @param optionMaxLength  the longest option value (Shopee: 20 characters)
     * @param samePrice        whether every variation of a listing must have the same price
     *                         (Mercado Livre's classic model)
     * @param everyCombination whether every combination of the tiers' options must be a variation
     *                         (Shopee's tier grid)
     * @throws IllegalArgumentException when a limit is below 1
     */
    public VariationLimits {
        if (maxVariations < 1 || maxTiers < 1 || nameMaxLength < 1 || optionMaxLength < 1) {
            throw new IllegalArgumentException("variation limits are at least 1");
        }
    }
}
