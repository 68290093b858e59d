package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/**
 * A module that custom fields belong to ({@code /campos-customizados/modulos}), e.g. "Produtos".
 *
 * @param id        Bling's id of the module; what a field's {@code modulo} names
 * @param nome      the module's name for people, e.g. "Produtos"
 * @param modulo    the module's internal name
 * @param agrupador the group Bling shows it under
 * @param raw       the JSON as Bling sent it, copied
 */
public record BlingCustomFieldModule(long id, String nome, String modulo, String agrupador, ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param id        Bling's id of the module; what a field's {@code modulo} names
     * @param nome      the module's name for people, e.g. "Produtos"
     * @param modulo    the module's internal name
     * @param agrupador the group Bling shows it under
     * @param raw       the JSON as Bling sent it, copied
     * @throws NullPointerException if {@code raw} is null
     */
    public BlingCustomFieldModule {
        raw = raw.deepCopy();
    }

    /**
     * Reads a module from Bling's JSON.
     *
     * @param node a module object of {@code GET /campos-customizados/modulos}
     * @return the module; missing fields read as 0 or empty text
     */
    public static BlingCustomFieldModule from(JsonNode node) {
        return new BlingCustomFieldModule(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "nome"),
                Nodes.textOrEmpty(node, "modulo"), Nodes.textOrEmpty(node, "agrupador"), Nodes.copyOf(node));
    }
}
