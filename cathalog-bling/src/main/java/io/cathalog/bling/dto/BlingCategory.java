package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A product category ({@code /categorias/produtos}).
 *
 * @param id           Bling's id of the category; 0 when the answer had none
 * @param descricao    the category's name
 * @param categoriaPai the parent's id; empty for a root
 * @param raw          the JSON as Bling sent it, copied
 */
public record BlingCategory(long id, String descricao, OptionalLong categoriaPai, ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param id           Bling's id of the category; 0 when the answer had none
     * @param descricao    the category's name
     * @param categoriaPai the parent's id; empty for a root
     * @param raw          the JSON as Bling sent it, copied
     * @throws NullPointerException if {@code descricao}, {@code categoriaPai} or {@code raw} is null
     */
    public BlingCategory {
        Objects.requireNonNull(descricao, "descricao");
        Objects.requireNonNull(categoriaPai, "categoriaPai");
        raw = raw.deepCopy();
    }

    /**
     * Reads a category from Bling's JSON.
     *
     * @param node a category object of {@code GET /categorias/produtos}
     * @return the category; missing fields read as 0, empty text or empty
     */
    public static BlingCategory from(JsonNode node) {
        return new BlingCategory(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "descricao"),
                Nodes.ref(node, "categoriaPai"), Nodes.copyOf(node));
    }
}
