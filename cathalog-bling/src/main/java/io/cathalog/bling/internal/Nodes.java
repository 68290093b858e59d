package io.cathalog.bling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tolerant reading of Bling's JSON: a missing field, a null, or a value of another type than
 * expected gives "absent", never an exception, because Bling adds and changes fields without
 * notice. Whole objects are kept as they came, so a read-modify-write sends back what was read.
 */
public final class Nodes {
    public static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(F)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Nodes() {
    }

    public static ObjectNode object() {
        return F.objectNode();
    }

    /** A copy of {@code node} if it is an object, else an empty object. */
    public static ObjectNode copyOf(JsonNode node) {
        return node != null && node.isObject() ? ((ObjectNode) node).deepCopy() : F.objectNode();
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    /** Text, or {@code ""} when absent (Bling uses {@code ""} for "no value" in most text fields). */
    public static String textOrEmpty(JsonNode node, String field) {
        return text(node, field).orElse("");
    }

    /** Non-blank text, or empty. */
    public static Optional<String> present(JsonNode node, String field) {
        return text(node, field).filter(s -> !s.isBlank());
    }

    public static OptionalLong integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return OptionalLong.of(v.longValue());
        }
        if (v.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(v.textValue().strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** {@code node.field.id}, the shape Bling uses for references ({@code "categoria":{"id":1}}). */
    public static OptionalLong ref(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            return OptionalLong.empty();
        }
        OptionalLong id = integer(v, "id");
        // Bling writes an absent reference as {"id": 0}.
        return id.isPresent() && id.getAsLong() != 0 ? id : OptionalLong.empty();
    }

    public static Optional<BigDecimal> decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(new BigDecimal(v.textValue().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static boolean bool(JsonNode node, String field, boolean otherwise) {
        JsonNode v = node.get(field);
        return v != null && v.isBoolean() ? v.booleanValue() : otherwise;
    }

    /** The elements of an array field that are objects; empty when absent or not an array. */
    public static List<JsonNode> objects(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> {
                if (e.isObject()) {
                    out.add(e);
                }
            });
        }
        return out;
    }
}
