package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON helpers; the mapper is configured once and never changed, so sharing it is safe. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr() {
        return F.arrayNode();
    }

    static ObjectNode idRef(long id) {
        return obj().put("id", id);
    }

    static ObjectNode data(JsonNode data) {
        ObjectNode root = obj();
        root.set("data", data);
        return root;
    }

    /** Parses a request body; throws {@link ApiException} with Bling's envelope when it is not JSON. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.emptyBody();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "INVALID_REQUEST_BODY", "Corpo da requisição inválido",
                    "O corpo da requisição não é um JSON válido: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    static long longOr(JsonNode node, String field, long fallback) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.canConvertToLong() && v.isIntegralNumber() ? v.asLong() : fallback;
    }

    static String textOr(JsonNode node, String field, String fallback) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : fallback;
    }
}
