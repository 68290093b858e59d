package io.cathalog.core.marketplace;

import io.cathalog.core.model.Product;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where marketplace results land in the ERP, decided here and nowhere else (see
 * {@code docs/marketplaces.md}):
 * <ul>
 *   <li>the store-category link's code is the marketplace category id, as text
 *       ({@link #storeCategoryCode(String)});</li>
 *   <li>the product-store link's code is the product's SKU, since the ERP and the marketplace
 *       must share it ({@link #productStoreCode(Product)});</li>
 *   <li>values for the product's own fields (brand, GTIN, package, weight) go to those fields;
 *       category-specific attribute values go to custom fields named
 *       {@code "<marketplace display name>: <attribute name> [<attribute id>]"}
 *       ({@link #customFieldName(String, String, String)}), holding the marketplace's text
 *       ({@link #customFieldValue(ResolvedValue)}).</li>
 * </ul>
 * Custom fields are per product, not per store: two stores of one marketplace share them.
 */
public final class ErpLanding {

    /** Longest custom field name this library creates; the attribute name part is shortened to fit. */
    public static final int MAX_CUSTOM_FIELD_NAME = 100;

    private static final Pattern FIELD_NAME = Pattern.compile("^(.+?): (.*) \\[([^\\[\\]]+)\\]$");

    private ErpLanding() {
    }

    /**
     * The code of the link between an ERP category and a store: the marketplace category id.
     *
     * @param marketplaceCategoryId the marketplace's category id, e.g. {@code MLB1055}
     * @return the id, stripped
     * @throws IllegalArgumentException if the id is blank
     */
    public static String storeCategoryCode(String marketplaceCategoryId) {
        Objects.requireNonNull(marketplaceCategoryId, "marketplaceCategoryId");
        if (marketplaceCategoryId.isBlank()) {
            throw new IllegalArgumentException("a marketplace category id must not be blank");
        }
        return marketplaceCategoryId.strip();
    }

    /**
     * The code of the link between a product and a store: its SKU.
     *
     * @param product the product listed in the store
     * @return its SKU
     */
    public static String productStoreCode(Product product) {
        return product.sku();
    }

    /**
     * Whether a value is kept in a custom field (rather than in one of the product's own fields).
     *
     * @param value a normalised value
     * @return true for a category-specific attribute ({@link ProductSlot#ATTRIBUTE})
     */
    public static boolean landsInCustomField(ResolvedValue value) {
        return value.slot() == ProductSlot.ATTRIBUTE;
    }

    /**
     * The custom field name for a value normalised by {@code mapper}.
     *
     * @param mapper the marketplace's plugin; gives the display name
     * @param value  a value that {@linkplain #landsInCustomField lands in a custom field}
     * @return the name, as {@link #customFieldName(String, String, String)} makes it
     */
    public static String customFieldName(MarketplaceMapper mapper, ResolvedValue value) {
        return customFieldName(mapper.displayName(), value.attributeId(), value.attributeName());
    }

    /**
     * {@code "Mercado Livre: Marca [BRAND]"}. The attribute id in brackets is the field's identity:
     * the ERP ignores name changes on update, so look fields up with {@link #parseCustomFieldName}
     * by marketplace and id, not by the whole name.
     *
     * @param marketplaceDisplayName the marketplace's name for people, e.g. {@code Mercado Livre}
     * @param attributeId            the marketplace's attribute id; brackets become parentheses
     * @param attributeName          the attribute's name for people; shortened with an ellipsis so
     *                               the whole name fits {@value #MAX_CUSTOM_FIELD_NAME} characters
     * @return the custom field's name
     * @throws IllegalArgumentException if the display name or the id is blank, the display name
     *                                  contains {@code ": "}, or both leave no room for the name
     */
    public static String customFieldName(String marketplaceDisplayName, String attributeId, String attributeName) {
        String marketplace = clean(marketplaceDisplayName, "marketplaceDisplayName");
        String id = clean(attributeId, "attributeId");
        String name = Objects.requireNonNull(attributeName, "attributeName").strip().replace('[', '(').replace(']', ')');
        if (name.isEmpty()) {
            name = id;
        }
        String prefix = marketplace + ": ";
        String suffix = " [" + id + "]";
        int room = MAX_CUSTOM_FIELD_NAME - prefix.length() - suffix.length();
        if (room < 1) {
            throw new IllegalArgumentException("marketplace name and attribute id too long for a custom field name: "
                    + prefix + suffix);
        }
        if (name.length() > room) {
            name = name.substring(0, room - 1) + "…";
        }
        return prefix + name + suffix;
    }

    /**
     * The marketplace display name and attribute id of a custom field this library named.
     *
     * @param name a custom field's name, as the ERP returns it
     * @return its identity; empty when the name is not of this library's form
     */
    public static Optional<CustomFieldKey> parseCustomFieldName(String name) {
        Matcher m = FIELD_NAME.matcher(Objects.requireNonNull(name, "name"));
        return m.matches() ? Optional.of(new CustomFieldKey(m.group(1), m.group(3))) : Optional.empty();
    }

    /**
     * What a custom field holds for a value.
     *
     * @param value a normalised value
     * @return the marketplace's text for it ("20 cm", "Preto")
     */
    public static String customFieldValue(ResolvedValue value) {
        return value.text();
    }

    /**
     * The identity of a custom field: marketplace display name and attribute id.
     *
     * @param marketplaceDisplayName the marketplace's name for people, e.g. {@code Mercado Livre}
     * @param attributeId            the marketplace's attribute id, e.g. {@code BRAND}
     */
    public record CustomFieldKey(String marketplaceDisplayName, String attributeId) {
        /**
         * @param marketplaceDisplayName the marketplace's name for people, e.g. {@code Mercado Livre}
         * @param attributeId            the marketplace's attribute id, e.g. {@code BRAND}
         * @throws NullPointerException if a component is null
         */
        public CustomFieldKey {
            Objects.requireNonNull(marketplaceDisplayName, "marketplaceDisplayName");
            Objects.requireNonNull(attributeId, "attributeId");
        }
    }

    private static String clean(String s, String what) {
        Objects.requireNonNull(s, what);
        String c = s.strip().replace('[', '(').replace(']', ')');
        if (c.isEmpty() || c.contains(": ") && what.equals("marketplaceDisplayName")) {
            throw new IllegalArgumentException("invalid " + what + " '" + s + "'");
        }
        return c;
    }
}
