package io.cathalog.core.marketplace;

import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Store;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a product gets a listing in a store, and which: a pure function of the product, the
 * plugin's normalisation of it for the store's marketplace category, the category's requirements
 * and the store's {@link ListingPolicy} ({@link #decide}). A planner adds the listing changes that
 * turn what the ERP holds into {@link Listed#listing()}; a {@link NotListed} product gets no
 * listing there, and the plan says why.
 *
 * <p>Required attributes are the plugin's verdict: its violations make the product need
 * attention. The decision does not judge them a second time, since exemptions (Mercado Livre's
 * reason for a missing GTIN) are marketplace rules only the plugin knows.
 */
public sealed interface ListingDecision {

    /** Why a product gets no listing in a store. */
    enum Reason {
        /** The store's policy (or the product's override) lists nothing. */
        POLICY,
        /** The plugin found violations: the product needs attention for that store. */
        NEEDS_ATTENTION,
        /** The category has subcategories; marketplaces list in leaf categories only. */
        NOT_LEAF_CATEGORY,
        /** The normalisation and the requirements are of different categories (a stale mapping). */
        CATEGORY_MISMATCH,
        /** Neither the product nor its override has a price. */
        NO_PRICE
    }

    /**
     * The product gets this listing.
     *
     * @param listing the desired listing
     */
    record Listed(DesiredListing listing) implements ListingDecision {
        /**
         * Checks the value.
         *
         * @param listing as described above
         */
        public Listed {
            Objects.requireNonNull(listing, "listing");
        }
    }

    /**
     * The product gets no listing in the store.
     *
     * @param reason     why, as a kind
     * @param message    why, for people
     * @param violations the plugin's violations, for {@link Reason#NEEDS_ATTENTION}; empty otherwise
     */
    record NotListed(Reason reason, String message, List<Violation> violations) implements ListingDecision {
        /**
         * Checks and copies the values.
         *
         * @param reason     as described above
         * @param message    as described above
         * @param violations as described above
         */
        public NotListed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            violations = List.copyOf(violations);
        }
    }

    /**
     * The listing a product should have in a store, or why none. Inactive products keep their
     * listing, paused; values map to the category's writable attributes in the category's order,
     * as the marketplace's text ({@link ErpLanding#customFieldValue}).
     *
     * @param product       the product, with the attribute rules applied
     * @param store         the store
     * @param normalisation the plugin's normalisation of the product for the store's category
     * @param requirements  the category's requirements for that store (live or the snapshot)
     * @param policy        the store's listing policy
     * @return the decision
     */
    static ListingDecision decide(Product product, Store store, Normalisation normalisation,
                                  CategoryRequirements requirements, ListingPolicy policy) {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(requirements, "requirements");
        ListingPolicy.Effective settings = Objects.requireNonNull(policy, "policy").forProduct(product.sku());
        if (!settings.list()) {
            return new NotListed(Reason.POLICY, "store " + store.key() + " lists no " + (policy.createListings()
                    ? "listing for " + product.sku() + " (its override)" : "products"), List.of());
        }
        if (!normalisation.categoryId().equals(requirements.categoryId())) {
            return new NotListed(Reason.CATEGORY_MISMATCH, product.sku() + " was checked against category "
                    + normalisation.categoryId() + " but the requirements are of " + requirements.categoryId(), List.of());
        }
        if (normalisation.needsAttention()) {
            return new NotListed(Reason.NEEDS_ATTENTION, product.sku() + " needs attention in store " + store.key()
                    + " (" + normalisation.violations().size() + " problem(s) for category " + requirements.categoryId()
                    + ")", normalisation.violations());
        }
        if (!requirements.leaf()) {
            return new NotListed(Reason.NOT_LEAF_CATEGORY, "category " + requirements.categoryId()
                    + " has subcategories", List.of());
        }
        java.util.Optional<BigDecimal> price = settings.price().or(product::price);
        if (price.isEmpty()) {
            return new NotListed(Reason.NO_PRICE, product.sku() + " has no price for its listing in store "
                    + store.key(), List.of());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AttributeRequirement a : requirements.attributes()) {
            ResolvedValue v = normalisation.values().get(a.id());
            if (v != null && a.writable()) {
                attributes.put(a.id(), ErpLanding.customFieldValue(v));
            }
        }
        ListingPolicy.ListingStatus status = product.status() == ProductStatus.ACTIVE ? settings.status()
                : ListingPolicy.ListingStatus.PAUSED;
        return new Listed(new DesiredListing(requirements.marketplace(), store.key(), store.remoteId(), product.sku(),
                requirements.categoryId(), settings.title().orElse(product.name()), price.get(), status, attributes,
                settings.listingType(), settings.freeShipping(), requirements.source()));
    }
}
