package io.cathalog.core.model;

import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Checks;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A store of the ERP account (in Bling, a sales channel: a {@code loja}) that sells on one
 * marketplace.
 *
 * @param key             stable identifier chosen by the host
 * @param remoteId        the store's id in the ERP (Bling's {@code idLoja}, the sales channel id)
 * @param marketplace     the id of the marketplace plugin that sets the rules, e.g.
 *                        {@code mercadolivre}, {@code shopee}
 * @param name            for people
 * @param categoryMapping the marketplace category of each category of the source of truth,
 *                        by category key (iterated in key order), e.g.
 *                        {@code headphones -> MLB196208}
 * @param listingPolicy   how the store's listings are kept; {@link ListingPolicy#none()} lists
 *                        nothing (the engine then reads no listings of the store)
 */
public record Store(String key, long remoteId, String marketplace, String name,
                    Map<String, String> categoryMapping, ListingPolicy listingPolicy) {

    private static final Pattern MARKETPLACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    /**
     * A store without a listing policy: its listings are not managed.
     *
     * @param key             as described above
     * @param remoteId        as described above
     * @param marketplace     as described above
     * @param name            as described above
     * @param categoryMapping as described above
     * @throws ValidationException when a value is invalid
     */
    public Store(String key, long remoteId, String marketplace, String name, Map<String, String> categoryMapping) {
        this(key, remoteId, marketplace, name, categoryMapping, ListingPolicy.none());
    }

    /**
     * Checks and copies the values.
     *
     * @param key             as described above
     * @param remoteId        as described above
     * @param marketplace     as described above
     * @param name            as described above
     * @param categoryMapping as described above
     * @param listingPolicy   as described above
     * @throws ValidationException when a value is invalid
     */
    public Store {
        Objects.requireNonNull(listingPolicy, "listingPolicy");
        Category.checkKey("key", key);
        Checks.that(remoteId > 0, "remote_id", "a store's remote id is a positive number, got " + remoteId);
        Objects.requireNonNull(marketplace, "marketplace");
        if (!MARKETPLACE.matcher(marketplace).matches()) {
            throw ValidationException.of("/marketplace", "invalid marketplace id '" + marketplace
                    + "': lower-case letters, digits, '-' and '_', e.g. 'mercadolivre'");
        }
        Checks.text("name", name, 120);
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : Objects.requireNonNull(categoryMapping, "categoryMapping").entrySet()) {
            Category.checkKey("category_mapping", e.getKey());
            String remote = Objects.requireNonNull(e.getValue(), "marketplace category of " + e.getKey());
            if (remote.isBlank() || remote.length() > 100) {
                throw ValidationException.of(io.cathalog.core.internal.Pointers.child("/category_mapping", e.getKey()),
                        "a marketplace category id is 1 to 100 characters");
            }
            copy.put(e.getKey(), remote);
        }
        categoryMapping = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The same store with another listing policy.
     *
     * @param policy the policy
     * @return the store
     */
    public Store withListingPolicy(ListingPolicy policy) {
        return new Store(key, remoteId, marketplace, name, categoryMapping, policy);
    }

    /**
     * Whether the engine manages this store's listings (its policy lists something).
     *
     * @return true when the policy creates listings or overrides a product
     */
    public boolean managesListings() {
        return listingPolicy.createListings() || !listingPolicy.overrides().isEmpty();
    }

    /**
     * The marketplace category a catalog category maps to in this store.
     *
     * @param categoryKey the catalog category's key
     * @return the marketplace category, if mapped
     */
    public java.util.Optional<String> marketplaceCategory(String categoryKey) {
        return java.util.Optional.ofNullable(categoryMapping.get(categoryKey));
    }
}
