package io.cathalog.core.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.Problem;
import io.cathalog.core.internal.Pointers;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON document read into a tree that remembers where every value started, and that reports
 * every duplicate key (Jackson's own detection stops at the first).
 */
final class LocatedTree {
    /** A catalog is a few levels deep; anything far deeper is hostile or broken input. */
    static final int MAX_NESTING_DEPTH = 32;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final Map<String, Problem.Location> locations = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private JsonNode root;

    private LocatedTree() {
    }

    static JsonFactory factory(long maxDocumentBytes) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(maxDocumentBytes)
                        .maxStringLength(1_000_000)
                        .maxNumberLength(100)
                        .build())
                .build();
    }

    /** Reads the whole stream; syntax errors end the read and are reported as problems. */
    static LocatedTree read(JsonFactory factory, InputStream in) throws IOException {
        LocatedTree tree = new LocatedTree();
        String[] at = {""};
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                tree.problems.add(new Problem("", "the file is empty; a catalog is a JSON object",
                        Optional.of(new Problem.Location(1, 1))));
                return tree;
            }
            tree.root = tree.value(parser, "", at);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                tree.problems.add(new Problem("", "unexpected content after the end of the JSON document",
                        Optional.of(location(parser.currentTokenLocation()))));
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String what = e instanceof StreamConstraintsException
                    ? "refused before it was read in full: " : "malformed JSON: ";
            // Limits say nowhere where they were hit: the value being read then is the place.
            tree.problems.add(new Problem(at[0], what + e.getOriginalMessage(),
                    where == null ? tree.locate(at[0]) : Optional.of(location(where))));
            tree.root = null;
        }
        return tree;
    }

    private JsonNode value(JsonParser p, String pointer, String[] at) throws IOException {
        at[0] = pointer;
        locations.putIfAbsent(pointer, location(p.currentTokenLocation()));
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = Pointers.child(pointer, name);
                    Problem.Location nameAt = location(p.currentTokenLocation());
                    p.nextToken();
                    if (object.has(name)) {
                        problems.add(new Problem(child, "duplicate key '" + name + "' (the first one counts)",
                                Optional.of(nameAt)));
                        // Read and drop the repeated value so that the rest of the document is checked.
                        new LocatedTree().value(p, child, at);
                    } else {
                        locations.put(child, nameAt);
                        object.set(name, value(p, child, at));
                    }
                    at[0] = pointer;
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, Pointers.child(pointer, i++), at));
                    at[0] = pointer;
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static Problem.Location location(JsonLocation l) {
        return new Problem.Location(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** The root value, if the document could be read at all. */
    Optional<JsonNode> root() {
        return Optional.ofNullable(root);
    }

    /** Syntax problems: duplicate keys, and the error that stopped reading, if any. */
    List<Problem> problems() {
        return problems;
    }

    /** Where the value at {@code pointer} (or the closest enclosing value) starts. */
    Optional<Problem.Location> locate(String pointer) {
        String p = pointer;
        while (true) {
            Problem.Location l = locations.get(p);
            if (l != null) {
                return Optional.of(l);
            }
            if (p.isEmpty()) {
                return Optional.empty();
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
