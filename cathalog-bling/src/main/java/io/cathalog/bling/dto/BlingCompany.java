package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/**
 * The account's company ({@code /empresas/me/dados-basicos}). Its {@code id} is the
 * {@code companyId} of webhooks.
 */
public record BlingCompany(String id, String nome, String cnpj, String email, String dataContrato, ObjectNode raw) {
    public BlingCompany {
        raw = raw.deepCopy();
    }

    public static BlingCompany from(JsonNode node) {
        return new BlingCompany(Nodes.textOrEmpty(node, "id"), Nodes.textOrEmpty(node, "nome"),
                Nodes.textOrEmpty(node, "cnpj"), Nodes.textOrEmpty(node, "email"),
                Nodes.textOrEmpty(node, "dataContrato"), Nodes.copyOf(node));
    }
}
