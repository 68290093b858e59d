package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.internal.Nodes;

import java.util.Objects;

/**
 * A marketplace category as Bling's Anúncios API lists it ({@code GET /anuncios/categorias}).
 *
 * @param id   Bling's id of the marketplace category (for Mercado Livre, the digits of the
 *             marketplace's id: {@code 196208} for {@code MLB196208}); kept as text, since the
 *             spec types it as an integer and marketplaces do not all use numbers
 * @param nome the category's name
 */
public record BlingListingCategory(String id, String nome) {
    /**
     * Checks the values.
     *
     * @param id as described above
     * @param nome as described above
     * @throws NullPointerException when a value is null
     */
    public BlingListingCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nome, "nome");
    }

    /**
     * Reads one item of the list, leniently.
     *
     * @param node one element of {@code data}
     * @return the category
     */
    public static BlingListingCategory from(JsonNode node) {
        return new BlingListingCategory(BlingListingAttributeSpec.idText(node.get("id")), Nodes.textOrEmpty(node, "nome"));
    }
}
