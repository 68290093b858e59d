package io.cathalog.core.marketplace;

import java.util.Objects;

/**
 * Limits a marketplace category places on a listing as a whole.
 *
 * @param titleMinLength     shortest title accepted (0 when unbounded)
 * @param titleMaxLength     longest title accepted; longer titles are reported, never cut
 * @param weightRequired     whether a package weight is required
 * @param dimensionsRequired whether package dimensions are required
 * @param gtin               what the category asks about GTINs
 * @param variations         what it takes of a product family
 */
public record ListingLimits(int titleMinLength, int titleMaxLength, boolean weightRequired,
                            boolean dimensionsRequired, GtinPolicy gtin, VariationLimits variations) {

    /**
     * @param titleMinLength     shortest title accepted (0 when unbounded)
     * @param titleMaxLength     longest title accepted; longer titles are reported, never cut
     * @param weightRequired     whether a package weight is required
     * @param dimensionsRequired whether package dimensions are required
     * @param gtin               what the category asks about GTINs
     * @param variations         what it takes of a product family
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the title limits are negative or the minimum exceeds the maximum
     */
    public ListingLimits {
        if (titleMinLength < 0 || titleMaxLength < 1 || titleMinLength > titleMaxLength) {
            throw new IllegalArgumentException("invalid title length limits " + titleMinLength + ".." + titleMaxLength);
        }
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(variations, "variations");
    }

    /**
     * Limits without any for families ({@link VariationLimits#NONE}).
     *
     * @param titleMinLength     the shortest title
     * @param titleMaxLength     the longest title
     * @param weightRequired     whether a weight is required
     * @param dimensionsRequired whether dimensions are required
     * @param gtin               the GTIN policy
     * @throws IllegalArgumentException when the title limits are inconsistent
     */
    public ListingLimits(int titleMinLength, int titleMaxLength, boolean weightRequired, boolean dimensionsRequired,
                         GtinPolicy gtin) {
        this(titleMinLength, titleMaxLength, weightRequired, dimensionsRequired, gtin, VariationLimits.NONE);
    }
}
