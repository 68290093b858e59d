package io.cathalog.marketplaces.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.marketplace.RequirementsUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Tolerant reading of marketplace JSON: missing, null or oddly typed fields never throw. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode parse(String categoryId, String document, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RequirementsUnavailableException(categoryId, document + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RequirementsUnavailableException(categoryId, document + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Compact JSON text, fields in insertion order: stable for equal inputs. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A scalar field as text ("12" for 12), empty when absent, null or not a scalar. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        String s = v.asText();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public static OptionalInt integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isIntegralNumber()) {
            return OptionalInt.of(v.asInt());
        }
        if (v != null && v.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(v.asText().strip()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** True only for a JSON {@code true} (or the text "true"). */
    public static boolean flag(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && (v.isBoolean() ? v.asBoolean() : v.isTextual() && "true".equalsIgnoreCase(v.asText()));
    }

    /** The elements of an array field; empty when absent or not an array. */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    public static Optional<JsonNode> child(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }
}
