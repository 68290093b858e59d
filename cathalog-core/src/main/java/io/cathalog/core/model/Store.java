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
 */
public record Store(String key, long remoteId, String marketplace, String name,
                    Map<String, String> categoryMapping) {

    private static final Pattern MARKETPLACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    /**
     * Checks the store.
     *
     * @param key             the store's key in the catalog
     * @param remoteId        the store's id in the ERP (Bling's sales channel id), positive
     * @param marketplace     the marketplace plugin's id, e.g. {@code mercadolivre}
     * @param name            the store's name, 1 to 120 characters
     * @param categoryMapping category key → the marketplace's own category id (1 to 100 characters)
     * @throws ValidationException naming the invalid field
     */
    public Store {
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
     * The marketplace category a catalog category maps to in this store.
     *
     * @param categoryKey the catalog category's key
     * @return the marketplace's category id; empty when the category is not mapped here
     */
    public java.util.Optional<String> marketplaceCategory(String categoryKey) {
        return java.util.Optional.ofNullable(categoryMapping.get(categoryKey));
    }
}
