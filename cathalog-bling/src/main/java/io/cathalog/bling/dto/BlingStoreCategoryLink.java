package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.Objects;

/**
 * A product category linked to a store's category ({@code /categorias/lojas}).
 *
 * @param id               Bling's id of the link
 * @param loja             the store's id
 * @param descricao        the store category's name
 * @param codigo           the store's (marketplace's) category id, e.g. {@code MLB196208}
 * @param categoriaProduto the product category's id
 * @param raw              the JSON as Bling sent it, copied
 */
public record BlingStoreCategoryLink(long id, long loja, String descricao, String codigo, long categoriaProduto,
                                     ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param id               Bling's id of the link
     * @param loja             the store's id
     * @param descricao        the store category's name
     * @param codigo           the store's (marketplace's) category id, e.g. {@code MLB196208}
     * @param categoriaProduto the product category's id
     * @param raw              the JSON as Bling sent it, copied
     * @throws NullPointerException if {@code descricao}, {@code codigo} or {@code raw} is null
     */
    public BlingStoreCategoryLink {
        Objects.requireNonNull(descricao, "descricao");
        Objects.requireNonNull(codigo, "codigo");
        raw = raw.deepCopy();
    }

    /**
     * Reads a link from Bling's JSON.
     *
     * @param node a link object of {@code GET /categorias/lojas}
     * @return the link; missing fields read as 0 or empty text
     */
    public static BlingStoreCategoryLink from(JsonNode node) {
        return new BlingStoreCategoryLink(Nodes.integer(node, "id").orElse(0), Nodes.ref(node, "loja").orElse(0),
                Nodes.textOrEmpty(node, "descricao"), Nodes.textOrEmpty(node, "codigo"),
                Nodes.ref(node, "categoriaProduto").orElse(0), Nodes.copyOf(node));
    }

    /**
     * The body of a create or a replace: all four fields, as Bling requires.
     *
     * @param loja             the store's id
     * @param descricao        the store category's name
     * @param codigo           the store category's code: the marketplace category id
     * @param categoriaProduto the product category's id
     * @return a new JSON object
     */
    public static ObjectNode body(long loja, String descricao, String codigo, long categoriaProduto) {
        ObjectNode b = Nodes.object();
        b.putObject("loja").put("id", loja);
        b.put("descricao", Objects.requireNonNull(descricao, "descricao"));
        b.put("codigo", Objects.requireNonNull(codigo, "codigo"));
        b.putObject("categoriaProduto").put("id", categoriaProduto);
        return b;
    }
}
