package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.ArrayList;
import java.util.List;

/**
 * What a create or update answered: the id, and Bling's warnings (a success can carry some; they
 * are logged).
 *
 * @param id       the id of what was created or updated; 0 when the answer had none
 * @param warnings Bling's warnings, as text
 * @param raw      the {@code data} object as Bling sent it, copied
 */
public record BlingWriteResult(long id, List<String> warnings, ObjectNode raw) {
    /**
     * Copies {@code warnings} and {@code raw}.
     *
     * @param id       the id of what was created or updated; 0 when the answer had none
     * @param warnings Bling's warnings, as text
     * @param raw      the {@code data} object as Bling sent it, copied
     * @throws NullPointerException if {@code warnings} or {@code raw} is null
     */
    public BlingWriteResult {
        warnings = List.copyOf(warnings);
        raw = raw.deepCopy();
    }

    /**
     * Reads a write's answer.
     *
     * @param data the {@code data} object of a POST or PUT answer
     * @return the result; a warning that is not text is kept as its JSON
     */
    public static BlingWriteResult from(JsonNode data) {
        List<String> warnings = new ArrayList<>();
        JsonNode w = data.get("warnings");
        if (w != null && w.isArray()) {
            w.forEach(e -> warnings.add(e.isTextual() ? e.textValue() : e.toString()));
        }
        return new BlingWriteResult(Nodes.integer(data, "id").orElse(0), warnings, Nodes.copyOf(data));
    }
}
