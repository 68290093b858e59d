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
