package io.cathalog.core.marketplace;

/** Special behaviours of a marketplace attribute. */
public enum AttributeFlag {
    /** Not shown to sellers; the library never writes it. */
    HIDDEN,
    /** Internal to the marketplace; sellers cannot send it. */
    READ_ONLY,
    /** Implied by the category; the marketplace fills it, it must not be sent. */
    FIXED,
    /** Inferred by the marketplace; cannot be changed. */
    INFERRED,
    /** Takes several values. */
    MULTIVALUED,
    /** May differ per variation. */
    VARIATION_ATTRIBUTE,
    /** May be what a family's variations differ on (Mercado Livre's {@code allow_variations}: COLOR, SIZE). */
    ALLOWS_VARIATIONS,
    /** Identifies the product (GTIN, seller SKU). */
    PRODUCT_IDENTIFIER,
    /** Needed for the marketplace's catalog flow (not for a plain listing). */
    CATALOG_REQUIRED;

    /**
     * Whether an attribute with this flag is never written by the library.
     *
     * @return true for the flags of hidden, read-only and fixed attributes
     */
    public boolean preventsWriting() {
        return this == HIDDEN || this == READ_ONLY || this == FIXED || this == INFERRED;
    }
}
