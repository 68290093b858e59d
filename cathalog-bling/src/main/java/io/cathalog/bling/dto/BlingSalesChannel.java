package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/**
 * A sales channel ({@code /canais-venda}): a store. Its {@code id} is the {@code idLoja} of store
 * links.
 *
 * @param id        Bling's id of the channel: the store's id
 * @param descricao the channel's name
 * @param tipo      the integration, e.g. {@code MercadoLivre}, {@code Shopee}
 * @param situacao  {@code 1} enabled, {@code 2} disabled (other values are kept as they come)
 * @param raw       the JSON as Bling sent it, copied
 */
public record BlingSalesChannel(long id, String descricao, String tipo, int situacao, ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param id        Bling's id of the channel: the store's id
     * @param descricao the channel's name
     * @param tipo      the integration, e.g. {@code MercadoLivre}, {@code Shopee}
     * @param situacao  {@code 1} enabled, {@code 2} disabled (other values are kept as they come)
     * @param raw       the JSON as Bling sent it, copied
     * @throws NullPointerException if {@code raw} is null
     */
    public BlingSalesChannel {
        raw = raw.deepCopy();
    }

    /**
     * Reads a channel from Bling's JSON.
     *
     * @param node a channel object of {@code GET /canais-venda}
     * @return the channel; missing fields read as 0 or empty text
     */
    public static BlingSalesChannel from(JsonNode node) {
        return new BlingSalesChannel(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "descricao"),
                Nodes.textOrEmpty(node, "tipo"), (int) Nodes.integer(node, "situacao").orElse(0), Nodes.copyOf(node));
    }

    /**
     * Whether the channel is enabled.
     *
     * @return true when {@code situacao} is 1
     */
    public boolean isEnabled() {
        return situacao == 1;
    }
}
