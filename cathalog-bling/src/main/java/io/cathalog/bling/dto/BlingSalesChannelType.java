package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/**
 * A kind of sales channel ({@code /canais-venda/tipos}).
 *
 * @param nome      the kind's name for people, e.g. "Mercado Livre"
 * @param tipo      the kind as a channel's {@code tipo} names it, e.g. {@code MercadoLivre}
 * @param agrupador the group Bling shows it under
 * @param raw       the JSON as Bling sent it, copied
 */
public record BlingSalesChannelType(String nome, String tipo, String agrupador, ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param nome      the kind's name for people, e.g. "Mercado Livre"
     * @param tipo      the kind as a channel's {@code tipo} names it, e.g. {@code MercadoLivre}
     * @param agrupador the group Bling shows it under
     * @param raw       the JSON as Bling sent it, copied
     * @throws NullPointerException if {@code raw} is null
     */
    public BlingSalesChannelType {
        raw = raw.deepCopy();
    }

    /**
     * Reads a type from Bling's JSON.
     *
     * @param node a type object of {@code GET /canais-venda/tipos}
     * @return the type; missing fields read as empty text
     */
    public static BlingSalesChannelType from(JsonNode node) {
        return new BlingSalesChannelType(Nodes.textOrEmpty(node, "nome"), Nodes.textOrEmpty(node, "tipo"),
                Nodes.textOrEmpty(node, "agrupador"), Nodes.copyOf(node));
    }
}
