package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/** A module that custom fields belong to ({@code /campos-customizados/modulos}), e.g. "Produtos". */
public record BlingCustomFieldModule(long id, String nome, String modulo, String agrupador, ObjectNode raw) {
    public BlingCustomFieldModule {
        raw = raw.deepCopy();
    }

    public static BlingCustomFieldModule from(JsonNode node) {
        return new BlingCustomFieldModule(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "nome"),
                Nodes.textOrEmpty(node, "modulo"), Nodes.textOrEmpty(node, "agrupador"), Nodes.copyOf(node));
    }
}
