package io.cathalog.examples.marketplace.magalu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cathalog.core.marketplace.AllowedValue;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.DocumentSource;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ListingLimits;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.RequirementsUnavailableException;
import io.cathalog.core.marketplace.ValueType;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the plugin's own requirements document, {@code categories} (one JSON file holding the
 * whole tree: {@code code}, {@code label}, {@code parent}, {@code accepts_products}, {@code title}
 * limits and {@code fields}), from a {@link DocumentSource}. Field kinds: {@code text},
 * {@code whole_number}, {@code list}; any other kind is kept as {@link ValueType#UNKNOWN}.
 * Magalu-style listings always ask for a brand, a GTIN and a package weight.
 */
public final class MagaluRequirements implements RequirementsProvider {
    /** The document this provider reads. */
    public static final String DOCUMENT = "categories";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentSource source;

    public MagaluRequirements(DocumentSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The file shipped in this plugin's jar, opened by the plugin's own class (works in a named module too). */
    public static MagaluRequirements bundled() {
        return new MagaluRequirements(DocumentSource.resources(MagaluRequirements.class::getResourceAsStream,
                "/io/cathalog/examples/marketplace/magalu"));
    }

    @Override
    public CategoryRequirements requirements(String categoryId) {
        JsonNode categories = read(categoryId).path("categories");
        JsonNode category = find(categories, categoryId)
                .orElseThrow(() -> new RequirementsUnavailableException(categoryId, "Magalu has no category " + categoryId));
        List<AttributeRequirement> attributes = new ArrayList<>();
        for (JsonNode field : category.path("fields")) {
            attributes.add(attribute(categoryId, field));
        }
        JsonNode title = category.path("title");
        ListingLimits limits = new ListingLimits(title.path("min").asInt(0), title.path("max").asInt(100),
                true, false, GtinPolicy.MANDATORY);
        return new CategoryRequirements(MagaluMapper.ID, categoryId, category.path("label").asText(categoryId),
                path(categories, category), category.path("accepts_products").asBoolean(false), attributes, limits,
                Optional.empty());
    }

    private JsonNode read(String categoryId) {
        String text;
        try {
            text = source.read(DOCUMENT).orElseThrow(() ->
                    new RequirementsUnavailableException(categoryId, "the Magalu requirements document is missing"));
        } catch (UncheckedIOException e) {
            throw new RequirementsUnavailableException(categoryId, "cannot read the Magalu requirements", e);
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RequirementsUnavailableException(categoryId, "the Magalu requirements are not JSON", e);
        }
    }

    private static Optional<JsonNode> find(JsonNode categories, String code) {
        for (JsonNode c : categories) {
            if (code.equals(c.path("code").asText(null))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Labels from the root down; a cycle in the file stops the walk instead of looping. */
    private static List<String> path(JsonNode categories, JsonNode category) {
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<JsonNode> at = Optional.of(category);
        while (at.isPresent() && seen.add(at.get().path("code").asText())) {
            labels.add(0, at.get().path("label").asText());
            JsonNode parent = at.get().path("parent");
            at = parent.isTextual() ? find(categories, parent.asText()) : Optional.empty();
        }
        return labels;
    }

    private static AttributeRequirement attribute(String categoryId, JsonNode field) {
        String code = field.path("code").asText("");
        if (code.isBlank()) {
            throw new RequirementsUnavailableException(categoryId, "a Magalu field without a code in " + categoryId);
        }
        String kind = field.path("kind").asText("");
        AttributeRequirement.Builder b = AttributeRequirement.builder(code, field.path("label").asText(code))
                .level(field.path("required").asBoolean(false) ? RequirementLevel.REQUIRED : RequirementLevel.OPTIONAL)
                .marketplaceType(kind);
        switch (kind) {
            case "text" -> b.type(ValueType.TEXT);
            case "whole_number" -> b.type(ValueType.INTEGER);
            case "list" -> {
                b.type(ValueType.CHOICE);
                // The file names options only; the name is also the id Magalu-style payloads send.
                for (JsonNode option : field.path("options")) {
                    b.allowedValue(AllowedValue.of(option.asText(), option.asText()));
                }
            }
            default -> b.type(ValueType.UNKNOWN);
        }
        if (field.path("max_length").canConvertToInt()) {
            b.maxLength(field.path("max_length").asInt());
        }
        return b.build();
    }
}
