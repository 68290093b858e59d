package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/** A custom field type ({@code /campos-customizados/tipos}), e.g. "Texto", "Lista", "Inteiro". */
public record BlingCustomFieldType(long id, String nome, String mascara, ObjectNode raw) {
    public BlingCustomFieldType {
        raw = raw.deepCopy();
    }

    public static BlingCustomFieldType from(JsonNode node) {
        return new BlingCustomFieldType(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "nome"),
                Nodes.textOrEmpty(node, "mascara"), Nodes.copyOf(node));
    }
}
