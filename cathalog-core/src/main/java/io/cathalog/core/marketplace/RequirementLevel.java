package io.cathalog.core.marketplace;

/** How much a marketplace insists on an attribute. */
public enum RequirementLevel {
    /** The listing is refused without it. */
    REQUIRED,
    /** Required when the item is new (Mercado Livre's {@code new_required}, documented for GTIN). */
    REQUIRED_IF_NEW,
    /**
     * Required under a condition the plugin resolves itself (e.g. Mercado Livre's GTIN, or a
     * reason why there is none; a Shopee child attribute once its parent value is chosen).
     */
    CONDITIONAL,
    /** Accepted without it; may affect ranking. */
    OPTIONAL
}
