package io.cathalog.core.marketplace;

/** How much a marketplace insists on an attribute. */
public enum RequirementLevel {
    /** The listing is refused without it. */
    REQUIRED,
    /** Required under a condition (e.g. a GTIN, or a reason why there is none). */
    CONDITIONAL,
    /** Accepted without it; may affect ranking. */
    OPTIONAL
}
