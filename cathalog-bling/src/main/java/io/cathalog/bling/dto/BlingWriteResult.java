package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.ArrayList;
import java.util.List;

/**
 * What a create or update answered: the id, and Bling's warnings (a success can carry some; they
 * are logged).
 */
public record BlingWriteResult(long id, List<String> warnings, ObjectNode raw) {
    public BlingWriteResult {
        warnings = List.copyOf(warnings);
        raw = raw.deepCopy();
    }

    public static BlingWriteResult from(JsonNode data) {
        List<String> warnings = new ArrayList<>();
        JsonNode w = data.get("warnings");
        if (w != null && w.isArray()) {
            w.forEach(e -> warnings.add(e.isTextual() ? e.textValue() : e.toString()));
        }
        return new BlingWriteResult(Nodes.integer(data, "id").orElse(0), warnings, Nodes.copyOf(data));
    }
}
