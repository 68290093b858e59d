package io.cathalog.core.marketplace;

/** What a marketplace category asks about a product's GTIN. */
public enum GtinPolicy {
    /** A valid GTIN is required (Shopee's {@code Mandatory}). */
    MANDATORY,
    /**
     * A valid GTIN, or an explicit declaration that there is none: Mercado Livre's
     * {@code EMPTY_GTIN_REASON}, Shopee's {@code "00"} under {@code Flexible}.
     */
    MANDATORY_OR_EXEMPTION,
    /** A GTIN is accepted but not needed (Shopee's {@code Optional}). */
    OPTIONAL,
    /** The category says nothing about GTINs. */
    NOT_ASKED
}
