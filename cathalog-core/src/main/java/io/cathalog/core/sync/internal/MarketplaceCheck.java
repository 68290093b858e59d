package io.cathalog.core.sync.internal;

import io.cathalog.core.model.Product;
import io.cathalog.core.model.Store;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a store's marketplace says of a product: values to write (as free attributes: custom
 * fields in the ERP, by field name) and what it would reject. The engine plugs the marketplace
 * plugins in through this.
 */
public interface MarketplaceCheck {

    Verdict check(Product product, Store store, String marketplaceCategory);

    /** A marketplace's category name for people, if it knows it. */
    default java.util.Optional<String> categoryName(Store store, String marketplaceCategory) {
        return java.util.Optional.empty();
    }

    /**
     * The listing a product should have in a store, or why none
     * ({@link io.cathalog.core.marketplace.ListingDecision#decide}). Without plugins nothing is
     * listed.
     *
     * @param product             the product
     * @param store               the store (its listing policy applies)
     * @param marketplaceCategory the store's marketplace category of the product
     * @return the decision
     */
    default io.cathalog.core.marketplace.ListingDecision listing(Product product, Store store, String marketplaceCategory) {
        return new io.cathalog.core.marketplace.ListingDecision.NotListed(
                io.cathalog.core.marketplace.ListingDecision.Reason.NEEDS_ATTENTION,
                "no marketplace plugin is installed to check its listing", List.of());
    }

    /**
     * Where a store's requirements of a category come from, for people.
     *
     * @param store               the store
     * @param marketplaceCategory the category
     * @return e.g. "live from Bling (MercadoLivre, store 204)"; empty when unknown
     */
    default java.util.Optional<String> requirementSource(Store store, String marketplaceCategory) {
        return java.util.Optional.empty();
    }

    /** Values to write by custom-field name, and violations as sentences. */
    record Verdict(SortedMap<String, String> values, List<String> violations) {
        public Verdict {
            values = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(values));
            violations = List.copyOf(violations);
        }

        static Verdict none() {
            return new Verdict(new java.util.TreeMap<>(Map.of()), List.of());
        }
    }

    /** No marketplace rules: nothing to add, nothing to reject. */
    MarketplaceCheck NONE = (product, store, category) -> Verdict.none();
}
