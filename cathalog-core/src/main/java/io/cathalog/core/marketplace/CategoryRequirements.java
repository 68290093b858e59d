package io.cathalog.core.marketplace;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a marketplace category asks of the products listed in it.
 *
 * @param marketplace the plugin's id ({@code mercadolivre})
 * @param categoryId  the marketplace's category id ({@code MLB1055}, {@code 100416})
 * @param name        for people
 * @param path        the names from the root down to this category
 * @param leaf        whether products may be listed in it (marketplaces list in leaf categories only)
 * @param attributes  the category's attributes, in a stable order (the marketplace's, parents
 *                    before their children); ids are unique
 * @param limits      limits on the listing as a whole
 * @param brand       the brand rule, where the marketplace keeps brands apart from attributes
 * @param source      where these requirements came from (live from the ERP for a store, the
 *                    shipped snapshot, or documents the host gave the plugin)
 */
public record CategoryRequirements(String marketplace, String categoryId, String name, List<String> path,
                                   boolean leaf, List<AttributeRequirement> attributes, ListingLimits limits,
                                   Optional<BrandRequirement> brand, RequirementSource source) {

    /** Mercado Livre's documented default when a category does not say. */
    public static final int DEFAULT_TITLE_MAX_LENGTH = 60;

    /**
     * @param marketplace the plugin's id ({@code mercadolivre})
     * @param categoryId  the marketplace's category id ({@code MLB1055}, {@code 100416})
     * @param name        for people
     * @param path        the names from the root down to this category
     * @param leaf        whether products may be listed in it (marketplaces list in leaf categories only)
     * @param attributes  the category's attributes, in a stable order (the marketplace's, parents
     *                    before their children); ids are unique
     * @param limits      limits on the listing as a whole
     * @param brand       the brand rule, where the marketplace keeps brands apart from attributes
     * @param source      where these requirements came from (live from the ERP for a store, the
     *                    shipped snapshot, or documents the host gave the plugin)
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if an attribute id appears twice
     */
    public CategoryRequirements {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(name, "name");
        path = List.copyOf(path);
        attributes = List.copyOf(attributes);
        Set<String> ids = new HashSet<>();
        for (AttributeRequirement a : attributes) {
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException("category " + categoryId + " lists attribute " + a.id() + " twice");
            }
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Requirements read from documents the host gave the plugin ({@link RequirementSource.Documents}),
     * as before sources were named; {@link #withSource} labels them.
     *
     * @param marketplace the plugin's id
     * @param categoryId  the marketplace's category id
     * @param name        for people
     * @param path        the names from the root down
     * @param leaf        whether products may be listed in it
     * @param attributes  the category's attributes
     * @param limits      limits on the listing as a whole
     * @param brand       the brand rule, if separate
     */
    public CategoryRequirements(String marketplace, String categoryId, String name, List<String> path,
                                boolean leaf, List<AttributeRequirement> attributes, ListingLimits limits,
                                Optional<BrandRequirement> brand) {
        this(marketplace, categoryId, name, path, leaf, attributes, limits, brand,
                new RequirementSource.Documents(Objects.requireNonNull(marketplace, "marketplace")));
    }

    /**
     * The same requirements from another source.
     *
     * @param source where they came from
     * @return a copy with that source
     */
    public CategoryRequirements withSource(RequirementSource source) {
        return new CategoryRequirements(marketplace, categoryId, name, path, leaf, attributes, limits, brand, source);
    }

    /**
     * The requirement of one attribute, by the marketplace's id.
     *
     * @param id the marketplace's attribute id
     * @return the requirement; empty when the category does not list it
     */
    public Optional<AttributeRequirement> attribute(String id) {
        return attributes.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
