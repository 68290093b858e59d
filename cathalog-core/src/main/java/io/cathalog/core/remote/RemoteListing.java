package io.cathalog.core.remote;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A listing (Bling: an anúncio) the ERP holds for a product in a store's marketplace.
 *
 * @param id         the listing's id in the ERP
 * @param productId  the product's id in the ERP
 * @param storeId    the store's id in the ERP
 * @param categoryId the marketplace category it is listed in; empty when the ERP does not say
 *                   (Bling's listing read has no category)
 * @param title      its title
 * @param price      its price; empty when the ERP does not say (Bling's listing read has no price)
 * @param state      published, paused or a draft
 * @param attributes its attribute values by the category's attribute ids
 * @param variations a family's listing's variations as the ERP reports them (Bling: id and name
 *                   only); empty for a simple product's
 */
public record RemoteListing(long id, long productId, long storeId, Optional<String> categoryId, String title,
                            Optional<BigDecimal> price,
                            State state, Map<String, String> attributes, List<Variation> variations) {

    /**
     * One variation of a listing, as the ERP reports it.
     *
     * @param id   the variation's id in the listing (Bling: {@code variacoes[].id})
     * @param name its name (Bling: {@code variacoes[].nome})
     */
    public record Variation(long id, String name) {
        /**
         * Checks the values.
         *
         * @param id   as described above
         * @param name as described above
         * @throws NullPointerException when the name is null
         */
        public Variation {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Where a listing is in its life. */
    public enum State {
        /** Buyers see it. */
        PUBLISHED,
        /** Kept, not shown. */
        PAUSED,
        /** Created and never published (Bling's new listings). */
        DRAFT
    }

    /**
     * Checks and copies the values.
     *
     * @param id         as described above
     * @param productId  as described above
     * @param storeId    as described above
     * @param categoryId as described above
     * @param title      as described above
     * @param price      as described above
     * @param state      as described above
     * @param attributes as described above
     * @param variations as described above
     * @throws NullPointerException when a value is null
     */
    public RemoteListing {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(state, "state");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        variations = List.copyOf(variations);
    }

    /**
     * A simple product's listing: no variations.
     *
     * @param id         the listing's id in the ERP
     * @param productId  the product's id in the ERP
     * @param storeId    the store's id in the ERP
     * @param categoryId the marketplace category, if the ERP says
     * @param title      its title
     * @param price      its price, if the ERP says
     * @param state      published, paused or a draft
     * @param attributes its attribute values by the category's attribute ids
     * @throws NullPointerException when a value is null
     */
    public RemoteListing(long id, long productId, long storeId, Optional<String> categoryId, String title,
                         Optional<BigDecimal> price, State state, Map<String, String> attributes) {
        this(id, productId, storeId, categoryId, title, price, state, attributes, List.of());
    }

    /**
     * The same listing with the category and price the engine last wrote, where the ERP does not say.
     *
     * @param category the category written
     * @param written  the price written
     * @return the listing, completed
     */
    public RemoteListing completedWith(String category, BigDecimal written) {
        return new RemoteListing(id, productId, storeId, categoryId.or(() -> Optional.of(category)), title,
                price.or(() -> Optional.of(written)), state, attributes, variations);
    }

    /**
     * Whether buyers see it.
     *
     * @return true when published
     */
    public boolean published() {
        return state == State.PUBLISHED;
    }
}
