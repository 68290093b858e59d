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
 * returns for a field that was never written, which is what "PUT resets omitted fields" means.
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
