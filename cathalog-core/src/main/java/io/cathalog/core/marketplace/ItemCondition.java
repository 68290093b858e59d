package io.cathalog.core.marketplace;

/** The condition of the items a listing sells; decides {@link RequirementLevel#REQUIRED_IF_NEW}. */
public enum ItemCondition {
    NEW,
    USED
}
