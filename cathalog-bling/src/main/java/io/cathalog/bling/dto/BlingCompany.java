package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

/**
 * The account's company ({@code /empresas/me/dados-basicos}). Its {@code id} is the
 * {@code companyId} of webhooks.
 *
 * @param id           the company's id, as text
 * @param nome         the company's name
 * @param cnpj         its CNPJ, as Bling formats it
 * @param email        its e-mail address
 * @param dataContrato when its Bling contract began, as Bling writes the date
 * @param raw          the JSON as Bling sent it, copied
 */
public record BlingCompany(String id, String nome, String cnpj, String email, String dataContrato, ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param id           the company's id, as text
     * @param nome         the company's name
     * @param cnpj         its CNPJ, as Bling formats it
     * @param email        its e-mail address
     * @param dataContrato when its Bling contract began, as Bling writes the date
     * @param raw          the JSON as Bling sent it, copied
     * @throws NullPointerException if {@code raw} is null
     */
    public BlingCompany {
        raw = raw.deepCopy();
    }

    /**
     * Reads the company from Bling's JSON.
     *
     * @param node the {@code data} object of {@code GET /empresas/me/dados-basicos}
     * @return the company; missing fields read as empty text
     */
    public static BlingCompany from(JsonNode node) {
        return new BlingCompany(Nodes.textOrEmpty(node, "id"), Nodes.textOrEmpty(node, "nome"),
                Nodes.textOrEmpty(node, "cnpj"), Nodes.textOrEmpty(node, "email"),
                Nodes.textOrEmpty(node, "dataContrato"), Nodes.copyOf(node));
    }
}
