package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/**
 * A sales channel ({@code /canais-venda}): a store. Its {@code id} is the {@code idLoja} of store
 * links.
 *
 * @param tipo     the integration, e.g. {@code MercadoLivre}, {@code Shopee}
 * @param situacao {@code 1} enabled, {@code 2} disabled (other values are kept as they come)
 */
public record BlingSalesChannel(long id, String descricao, String tipo, int situacao, ObjectNode raw) {
    public BlingSalesChannel {
        raw = raw.deepCopy();
    }

    public static BlingSalesChannel from(JsonNode node) {
        return new BlingSalesChannel(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "descricao"),
                Nodes.textOrEmpty(node, "tipo"), (int) Nodes.integer(node, "situacao").orElse(0), Nodes.copyOf(node));
    }

    public boolean isEnabled() {
        return situacao == 1;
    }
}
