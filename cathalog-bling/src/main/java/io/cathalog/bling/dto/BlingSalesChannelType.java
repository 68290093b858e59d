package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/** A kind of sales channel ({@code /canais-venda/tipos}). */
public record BlingSalesChannelType(String nome, String tipo, String agrupador, ObjectNode raw) {
    public BlingSalesChannelType {
        raw = raw.deepCopy();
    }

    public static BlingSalesChannelType from(JsonNode node) {
        return new BlingSalesChannelType(Nodes.textOrEmpty(node, "nome"), Nodes.textOrEmpty(node, "tipo"),
                Nodes.textOrEmpty(node, "agrupador"), Nodes.copyOf(node));
    }
}
