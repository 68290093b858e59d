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
 */
public record ListingLimits(int titleMinLength, int titleMaxLength, boolean weightRequired,
                            boolean dimensionsRequired, GtinPolicy gtin) {

    public ListingLimits {
        if (titleMinLength < 0 || titleMaxLength < 1 || titleMinLength > titleMaxLength) {
            throw new IllegalArgumentException("invalid title length limits " + titleMinLength + ".." + titleMaxLength);
        }
        Objects.requireNonNull(gtin, "gtin");
    }
}
