package io.cathalog.core.sync.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/** Deterministic JSON for snapshots and plans: fields in insertion order, exact decimals. */
final class Json {
    static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(F)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void put(ObjectNode o, String field, Optional<String> value) {
        value.ifPresent(v -> o.put(field, v));
    }

    static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    static OptionalLong number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? OptionalLong.empty() : OptionalLong.of(v.asLong());
    }

    static Optional<BigDecimal> decimal(JsonNode o, String field) {
        return text(o, field).map(BigDecimal::new);
    }
}
