package io.cathalog.marketplaces.mercadolivre;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.core.marketplace.AllowedValue;
import io.cathalog.core.marketplace.AttributeFlag;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.DocumentSource;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ListingLimits;
import io.cathalog.core.marketplace.VariationLimits;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.RequirementsUnavailableException;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.marketplaces.internal.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Mercado Livre category's requirements from Mercado Livre's own JSON, as three documents
 * of a {@link DocumentSource} named after the API paths that return them:
 * <ul>
 *   <li>{@code categories/{id}}: the answer of {@code GET /categories/{id}} (name,
 *       {@code path_from_root}, {@code children_categories}, {@code settings.max_title_length});</li>
 *   <li>{@code categories/{id}/attributes}: the answer of {@code GET /categories/{id}/attributes};</li>
 *   <li>{@code categories/{id}/attributes/conditional} (optional): the answer of
 *       {@code POST /categories/{id}/attributes/conditional} for a typical new item,
 *       {@code {"required_attributes":[...]}}. Without it, GTIN-or-reason is assumed required.</li>
 * </ul>
 * Tags are read as an object of booleans or as an array of strings (Mercado Livre sends both).
 */
public final class MercadoLivreRequirements implements RequirementsProvider {
    private static final Pattern CATEGORY_ID = Pattern.compile("[A-Z]{3}\\d{1,12}");
    static final String GTIN = "GTIN";
    static final String EMPTY_GTIN_REASON = "EMPTY_GTIN_REASON";

    private final DocumentSource source;

    /**
     * A provider reading Mercado Livre's documents from {@code source}.
     *
     * @param source where the category documents are read, e.g. {@link #snapshot()} or a cache the
     *               host fills from Mercado Livre's API
     */
    public MercadoLivreRequirements(DocumentSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The version of the shipped snapshot: the date its README states. */
    public static final String SNAPSHOT_VERSION = "2026-01-05";

    /**
     * The snapshot shipped with this module (see its README for source and date).
     *
     * @return the documents of {@link #snapshotCategories()}, read from this module's resources
     */
    public static DocumentSource snapshot() {
        return DocumentSource.resources(MercadoLivreRequirements.class::getResourceAsStream,
                "/io/cathalog/marketplaces/mercadolivre/snapshot");
    }

    /**
     * The leaf categories the shipped snapshot holds.
     *
     * @return their Mercado Livre ids
     */
    public static List<String> snapshotCategories() {
        return List.of("MLB196208", "MLB270241", "MLB31447");
    }

    /**
     * The name of a category's own document, the answer of {@code GET /categories/{id}}.
     *
     * @param categoryId the Mercado Livre category id, e.g. {@code MLB1055}
     * @return the document name to store it under in a {@link DocumentSource}
     */
    public static String categoryDocument(String categoryId) {
        return "categories/" + categoryId;
    }

    /**
     * The name of a category's attributes document, the answer of
     * {@code GET /categories/{id}/attributes}.
     *
     * @param categoryId the Mercado Livre category id, e.g. {@code MLB1055}
     * @return the document name to store it under in a {@link DocumentSource}
     */
    public static String attributesDocument(String categoryId) {
        return "categories/" + categoryId + "/attributes";
    }

    /**
     * The name of a category's optional conditional-attributes document, the answer of
     * {@code POST /categories/{id}/attributes/conditional} for a typical new item.
     *
     * @param categoryId the Mercado Livre category id, e.g. {@code MLB1055}
     * @return the document name to store it under in a {@link DocumentSource}
     */
    public static String conditionalDocument(String categoryId) {
        return "categories/" + categoryId + "/attributes/conditional";
    }

    @Override
    public CategoryRequirements requirements(String categoryId) {
        Objects.requireNonNull(categoryId, "categoryId");
        if (!CATEGORY_ID.matcher(categoryId).matches()) {
            throw new RequirementsUnavailableException(categoryId, "'" + categoryId
                    + "' is not a Mercado Livre category id (e.g. MLB1055)");
        }
        JsonNode category = Json.parse(categoryId, categoryDocument(categoryId), required(categoryId, categoryDocument(categoryId)));
        String name = Json.text(category, "name").orElse(categoryId);
        List<String> path = new ArrayList<>();
        for (JsonNode step : Json.array(category, "path_from_root")) {
            Json.text(step, "name").ifPresent(path::add);
        }
        if (path.isEmpty()) {
            path.add(name);
        }
        boolean leaf = Json.array(category, "children_categories").isEmpty();
        int maxTitle = Json.child(category, "settings").flatMap(s -> {
            var v = Json.integer(s, "max_title_length");
            return v.isPresent() && v.getAsInt() > 0 ? Optional.of(v.getAsInt()) : Optional.empty();
        }).orElse(CategoryRequirements.DEFAULT_TITLE_MAX_LENGTH);

        Optional<String> attributesText = source.readFor(categoryId, attributesDocument(categoryId));
        if (attributesText.isEmpty() && leaf) {
            throw new RequirementsUnavailableException(categoryId, "no document " + attributesDocument(categoryId));
        }
        Optional<Set<String>> conditional = source.readFor(categoryId, conditionalDocument(categoryId)).map(text -> {
            Set<String> ids = new HashSet<>();
            for (JsonNode a : Json.array(Json.parse(categoryId, conditionalDocument(categoryId), text), "required_attributes")) {
                Json.text(a, "id").ifPresent(ids::add);
            }
            return ids;
        });
        List<AttributeRequirement> attributes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (attributesText.isPresent()) {
            JsonNode array = Json.parse(categoryId, attributesDocument(categoryId), attributesText.get());
            if (!array.isArray()) {
                throw new RequirementsUnavailableException(categoryId, attributesDocument(categoryId) + " is not a JSON array");
            }
            for (JsonNode node : array) {
                Optional<AttributeRequirement> a = attribute(node, conditional.orElse(Set.of()));
                // Tolerate a repeated id: the first one wins.
                a.filter(r -> seen.add(r.id())).ifPresent(attributes::add);
            }
        }
        // max_variations_allowed: 100 since 2022-12-14 (250 in fashion and a few more), same price
        // across variations in the classic listing model.
        int maxVariations = Json.child(category, "settings").flatMap(s -> {
            var v = Json.integer(s, "max_variations_allowed");
            return v.isPresent() && v.getAsInt() > 0 ? Optional.of(v.getAsInt()) : Optional.empty();
        }).orElse(DEFAULT_MAX_VARIATIONS);
        ListingLimits limits = new ListingLimits(0, maxTitle, false, false, gtinPolicy(attributes, conditional),
                new VariationLimits(maxVariations, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, true, false));
        return new CategoryRequirements(MercadoLivreMapper.ID, categoryId, name, path, leaf, attributes, limits,
                Optional.empty());
    }

    /** Mercado Livre's {@code max_variations_allowed} when the category does not say. */
    static final int DEFAULT_MAX_VARIATIONS = 100;

    private static GtinPolicy gtinPolicy(List<AttributeRequirement> attributes, Optional<Set<String>> conditional) {
        Optional<AttributeRequirement> gtin = attributes.stream().filter(a -> a.id().equals(GTIN)).findFirst();
        if (gtin.isEmpty() || !gtin.get().writable()) {
            return GtinPolicy.NOT_ASKED;
        }
        boolean reason = attributes.stream().anyMatch(a -> a.id().equals(EMPTY_GTIN_REASON) && a.writable());
        return switch (gtin.get().level()) {
            case REQUIRED -> reason ? GtinPolicy.MANDATORY_OR_EXEMPTION : GtinPolicy.MANDATORY;
            case REQUIRED_IF_NEW -> GtinPolicy.MANDATORY_OR_EXEMPTION;
            case CONDITIONAL -> conditional.map(ids -> ids.contains(GTIN) || ids.contains(EMPTY_GTIN_REASON)
                            ? GtinPolicy.MANDATORY_OR_EXEMPTION : GtinPolicy.OPTIONAL)
                    // Without the conditional answer, assume the strict case (error 7810).
                    .orElse(GtinPolicy.MANDATORY_OR_EXEMPTION);
            case OPTIONAL -> GtinPolicy.OPTIONAL;
        };
    }

    private static Optional<AttributeRequirement> attribute(JsonNode node, Set<String> conditionallyRequired) {
        Optional<String> id = Json.text(node, "id");
        if (id.isEmpty() || id.get().isBlank()) {
            return Optional.empty();
        }
        Set<String> tags = tags(node.get("tags"));
        String valueType = Json.text(node, "value_type").orElse("");
        boolean multivalued = tags.contains("multivalued");
        AttributeRequirement.Builder b = AttributeRequirement.builder(id.get(), Json.text(node, "name").orElse(id.get()))
                .marketplaceType(valueType);
        switch (valueType) {
            case "string" -> b.type(ValueType.TEXT).customValueType(ValueType.TEXT);
            case "number" -> b.type(ValueType.NUMBER).customValueType(ValueType.NUMBER);
            case "number_unit" -> b.type(ValueType.NUMBER_WITH_UNIT).customValueType(ValueType.NUMBER_WITH_UNIT);
            case "boolean" -> b.type(ValueType.BOOLEAN);
            case "list" -> b.type(multivalued ? ValueType.MULTI_CHOICE : ValueType.CHOICE);
            default -> b.type(ValueType.UNKNOWN);
        }
        boolean isGtin = id.get().equals(GTIN) || id.get().equals(EMPTY_GTIN_REASON);
        if (tags.contains("required")) {
            b.level(RequirementLevel.REQUIRED);
        } else if (tags.contains("new_required")) {
            b.level(RequirementLevel.REQUIRED_IF_NEW);
        } else if (tags.contains("conditional_required")) {
            b.level(!isGtin && conditionallyRequired.contains(id.get()) ? RequirementLevel.REQUIRED
                    : RequirementLevel.CONDITIONAL);
        } else if (!isGtin && conditionallyRequired.contains(id.get())) {
            b.level(RequirementLevel.REQUIRED);
        }
        if (tags.contains("hidden")) {
            b.flag(AttributeFlag.HIDDEN);
        }
        if (tags.contains("read_only")) {
            b.flag(AttributeFlag.READ_ONLY);
        }
        if (tags.contains("fixed")) {
            b.flag(AttributeFlag.FIXED);
        }
        if (tags.contains("inferred")) {
            b.flag(AttributeFlag.INFERRED);
        }
        if (multivalued) {
            b.flag(AttributeFlag.MULTIVALUED);
        }
        if (tags.contains("allow_variations")) {
            b.flag(AttributeFlag.ALLOWS_VARIATIONS);
        }
        if (tags.contains("variation_attribute")) {
            b.flag(AttributeFlag.VARIATION_ATTRIBUTE);
        }
        if (tags.contains("catalog_required") || tags.contains("catalog_listing_required")) {
            b.flag(AttributeFlag.CATALOG_REQUIRED);
        }
        if ("product_identifier".equals(Json.text(node, "type").orElse(""))
                || "PRODUCT_IDENTIFIER".equals(Json.text(node, "hierarchy").orElse(""))) {
            b.flag(AttributeFlag.PRODUCT_IDENTIFIER);
        }
        for (JsonNode v : Json.array(node, "values")) {
            Optional<String> vid = Json.text(v, "id");
            Optional<String> vname = Json.text(v, "name");
            if (vid.isPresent() && vname.isPresent()) {
                b.allowedValue(AllowedValue.of(vid.get(), vname.get()));
            }
        }
        for (JsonNode u : Json.array(node, "allowed_units")) {
            Json.text(u, "id").or(() -> Json.text(u, "name")).ifPresent(b::allowedUnit);
        }
        Json.text(node, "default_unit").ifPresent(b::defaultUnit);
        Json.integer(node, "value_max_length").ifPresent(n -> {
            if (n > 0) {
                b.maxLength(n);
            }
        });
        return Optional.of(b.build());
    }

    /** Tags as an object of booleans ({@code /attributes}) or an array of strings ({@code technical_specs}). */
    static Set<String> tags(JsonNode tags) {
        Set<String> out = new HashSet<>();
        if (tags == null) {
            return out;
        }
        if (tags.isObject()) {
            tags.fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean(false)) {
                    out.add(e.getKey());
                }
            });
        } else if (tags.isArray()) {
            tags.forEach(t -> {
                if (t.isTextual()) {
                    out.add(t.asText());
                }
            });
        }
        return out;
    }

    private String required(String categoryId, String document) {
        return source.readFor(categoryId, document).orElseThrow(() -> new RequirementsUnavailableException(categoryId,
                "unknown Mercado Livre category " + categoryId + ": no document " + document));
    }
}
