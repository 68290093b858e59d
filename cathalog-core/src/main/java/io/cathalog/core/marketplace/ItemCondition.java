package io.cathalog.core.marketplace;

/** The condition of the items a listing sells; decides {@link RequirementLevel#REQUIRED_IF_NEW}. */
public enum ItemCondition {
    /** New items: attributes {@link RequirementLevel#REQUIRED_IF_NEW} are required. */
    NEW,
    /** Used items: attributes required only of new items are optional. */
    USED
}
