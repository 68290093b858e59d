package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/**
 * A custom field type ({@code /campos-customizados/tipos}), e.g. "Texto", "Lista", "Inteiro".
 *
 * @param id      Bling's id of the type; what a field's {@code tipoCampo} names
 * @param nome    the type's name, e.g. "Lista"
 * @param mascara the type's input mask; empty when it has none
 * @param raw     the JSON as Bling sent it, copied
 */
public record BlingCustomFieldType(long id, String nome, String mascara, ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param id      Bling's id of the type; what a field's {@code tipoCampo} names
     * @param nome    the type's name, e.g. "Lista"
     * @param mascara the type's input mask; empty when it has none
     * @param raw     the JSON as Bling sent it, copied
     * @throws NullPointerException if {@code raw} is null
     */
    public BlingCustomFieldType {
        raw = raw.deepCopy();
    }

    /**
     * Reads a type from Bling's JSON.
     *
     * @param node a type object of {@code GET /campos-customizados/tipos}
     * @return the type; missing fields read as 0 or empty text
     */
    public static BlingCustomFieldType from(JsonNode node) {
        return new BlingCustomFieldType(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "nome"),
                Nodes.textOrEmpty(node, "mascara"), Nodes.copyOf(node));
    }
}
