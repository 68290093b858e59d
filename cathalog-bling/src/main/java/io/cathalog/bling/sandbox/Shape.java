package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted shape of a request body, taken from the OpenAPI schemas. Sanitising a body keeps
 * only declared fields (so nothing undeclared is ever echoed back), checks JSON types strictly, and
 * reports every mismatch as a {@code fields[]} entry; {@link #defaults()} gives the value Bling
 * returns for a field that was never written, which is what "PUT resets omitted fields" means
 * (none, for a date or an enum value: those are left out, as the spec allows no {@code ""} for them).
 */
sealed interface Shape {

    /** Returns the sanitised value, or null when the input is null/absent or of the wrong type. */
    JsonNode sanitize(JsonNode in, String path, String namespace, List<FieldError> errors);

    JsonNode defaults();

    static Obj obj(Object... nameThenShape) {
        Map<String, Shape> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenShape.length; i += 2) {
            fields.put((String) nameThenShape[i], (Shape) nameThenShape[i + 1]);
        }
        return new Obj(Map.copyOf(fields), List.copyOf(fields.keySet()));
    }

    static Shape arr(Shape item) {
        return new Arr(item);
    }

    Shape STR = new Leaf(Kind.STRING);
    Shape NUM = new Leaf(Kind.NUMBER);
    Shape INT = new Leaf(Kind.INTEGER);
    Shape BOOL = new Leaf(Kind.BOOLEAN);
    /** Integers that the spec also lists as strings ({@code dimensoes.unidadeMedida}): both accepted, integer returned. */
    Shape INT_OR_DIGITS = new Leaf(Kind.INTEGER_OR_DIGITS);
    Shape ID_REF = obj("id", INT);

    /**
     * A date ({@code yyyy-MM-dd}) that may be unset. Bling's clients send {@code ""} for "unset", so
     * an empty string is taken (and clears a stored value); a GET leaves an unset one out, since the
     * spec's {@code format: date} allows no empty string.
     */
    static Shape optionalDate() {
        return new Constrained(java.util.Optional.empty());
    }

    /** A string from the spec's {@code enum} that may be unset: taken and answered as {@link #optionalDate()} is. */
    static Shape optionalOneOf(String... values) {
        return new Constrained(java.util.Optional.of(List.of(values)));
    }

    enum Kind { STRING, NUMBER, INTEGER, BOOLEAN, INTEGER_OR_DIGITS }

    record Leaf(Kind kind) implements Shape {
        @Override
        public JsonNode sanitize(JsonNode in, String path, String namespace, List<FieldError> errors) {
            if (in == null || in.isNull()) {
                return null;
            }
            JsonNode out = switch (kind) {
                case STRING -> in.isTextual() ? in : null;
                case NUMBER -> in.isNumber() ? Json.F.numberNode(in.decimalValue()) : null;
                case INTEGER -> in.isIntegralNumber() && in.canConvertToLong() ? Json.F.numberNode(in.asLong()) : null;
                case BOOLEAN -> in.isBoolean() ? in : null;
                case INTEGER_OR_DIGITS -> {
                    if (in.isIntegralNumber() && in.canConvertToLong()) {
                        yield Json.F.numberNode(in.asLong());
                    }
                    yield in.isTextual() && in.asText().matches("\\d{1,9}")
                            ? Json.F.numberNode(Long.parseLong(in.asText())) : null;
                }
            };
            if (out == null) {
                errors.add(new FieldError(ApiException.codeFor(path), "O campo '" + path + "' deve ser do tipo "
                        + describe() + ", mas recebeu " + in.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ".", path, namespace));
            }
            return out;
        }

        private String describe() {
            return switch (kind) {
                case STRING -> "string";
                case NUMBER -> "number";
                case INTEGER, INTEGER_OR_DIGITS -> "integer";
                case BOOLEAN -> "boolean";
            };
        }

        @Override
        public JsonNode defaults() {
            return switch (kind) {
                case STRING -> Json.F.textNode("");
                case NUMBER -> Json.F.numberNode(BigDecimal.ZERO);
                case INTEGER, INTEGER_OR_DIGITS -> Json.F.numberNode(0L);
                case BOOLEAN -> Json.F.booleanNode(false);
            };
        }
    }

    /** A constrained string (a date when {@code values} is empty, else one of them); unset when empty. */
    record Constrained(java.util.Optional<List<String>> values) implements Shape {
        @Override
        public JsonNode sanitize(JsonNode in, String path, String namespace, List<FieldError> errors) {
            if (in == null || in.isNull()) {
                return null;
            }
            if (!in.isTextual()) {
                errors.add(new FieldError(ApiException.codeFor(path), "O campo '" + path + "' deve ser do tipo string,"
                        + " mas recebeu " + in.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".", path,
                        namespace));
                return null;
            }
            String text = in.asText();
            if (text.isEmpty()) {
                return in;
            }
            if (values.isEmpty()) {
                try {
                    java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
                            .withResolverStyle(java.time.format.ResolverStyle.STRICT));
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add(new FieldError(ApiException.codeFor(path), path + " deve estar no formato yyyy-MM-dd.",
                            path, namespace));
                    return null;
                }
            } else if (!values.get().contains(text)) {
                errors.add(new FieldError(ApiException.codeFor(path), "O campo '" + path + "' deve ser um destes: "
                        + String.join(", ", values.get()) + ".", path, namespace));
                return null;
            }
            return in;
        }

        /** Never answered when unset: see {@link Obj#withDefaults}. */
        @Override
        public JsonNode defaults() {
            return null;
        }

        boolean unset(JsonNode stored) {
            return stored == null || stored.isNull() || stored.asText().isEmpty();
        }
    }

    record Arr(Shape item) implements Shape {
        @Override
        public JsonNode sanitize(JsonNode in, String path, String namespace, List<FieldError> errors) {
            if (in == null || in.isNull()) {
                return null;
            }
            if (!in.isArray()) {
                errors.add(new FieldError(ApiException.codeFor(path), "O campo '" + path + "' deve ser uma lista.",
                        path, namespace));
                return null;
            }
            ArrayNode out = Json.arr();
            for (int i = 0; i < in.size(); i++) {
                JsonNode v = item.sanitize(in.get(i), path + "[" + i + "]", namespace, errors);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }

        @Override
        public JsonNode defaults() {
            return Json.arr();
        }
    }

    record Obj(Map<String, Shape> fields, List<String> order) implements Shape {
        @Override
        public ObjectNode sanitize(JsonNode in, String path, String namespace, List<FieldError> errors) {
            if (in == null || in.isNull()) {
                return null;
            }
            if (!in.isObject()) {
                errors.add(new FieldError(ApiException.codeFor(path), "O campo '" + path + "' deve ser um objeto.",
                        path.isEmpty() ? "body" : path, namespace));
                return null;
            }
            ObjectNode out = Json.obj();
            for (String name : order) {
                JsonNode v = fields.get(name).sanitize(in.get(name), path.isEmpty() ? name : path + "." + name,
                        namespace, errors);
                if (v != null) {
                    out.set(name, v);
                }
            }
            return out;
        }

        /** Fills every declared field missing from {@code stored} with its default, in declared order. */
        ObjectNode withDefaults(JsonNode stored) {
            ObjectNode out = Json.obj();
            for (String name : order) {
                Shape shape = fields.get(name);
                JsonNode v = stored == null ? null : stored.get(name);
                if (shape instanceof Obj o) {
                    out.set(name, o.withDefaults(v));
                } else if (shape instanceof Constrained c) {
                    // The spec allows no "" for a date or an enum: an unset one is left out.
                    if (!c.unset(v)) {
                        out.set(name, v.deepCopy());
                    }
                } else {
                    out.set(name, v == null ? shape.defaults() : v.deepCopy());
                }
            }
            return out;
        }

        Shape field(String name) {
            return fields.get(name);
        }

        @Override
        public ObjectNode defaults() {
            return withDefaults(null);
        }
    }
}
