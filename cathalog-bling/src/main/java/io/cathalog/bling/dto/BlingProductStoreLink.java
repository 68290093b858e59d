package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A product linked to a store ({@code /produtos/lojas}, "multiloja"). There is no PATCH: a change is
 * a read, then a PUT of {@link #toJson()} with the change.
 *
 * @param id                 Bling's id of the link; 0 for a link not yet created
 * @param codigo             the product's code in the store
 * @param preco              the store's own price, if it has one
 * @param precoPromocional   the store's promotional price, if it has one
 * @param produto            Bling's id of the linked product
 * @param loja               Bling's id of the store (sales channel)
 * @param fornecedorLoja     the store's supplier id, if the link has one
 * @param marcaLoja          the store's brand id, if the link has one
 * @param categoriasProdutos the product categories linked for this store (Bling sends an object or
 *                           an array; both are read)
 * @param raw                the JSON as Bling sent it, copied
 */
public record BlingProductStoreLink(long id, String codigo, Optional<BigDecimal> preco,
                                    Optional<BigDecimal> precoPromocional, long produto, long loja,
                                    OptionalLong fornecedorLoja, OptionalLong marcaLoja,
                                    List<Long> categoriasProdutos, ObjectNode raw) {
    /**
     * @param id                 Bling's id of the link; 0 for a link not yet created
     * @param codigo             the product's code in the store
     * @param preco              the store's own price, if it has one
     * @param precoPromocional   the store's promotional price, if it has one
     * @param produto            Bling's id of the linked product
     * @param loja               Bling's id of the store (sales channel)
     * @param fornecedorLoja     the store's supplier id, if the link has one
     * @param marcaLoja          the store's brand id, if the link has one
     * @param categoriasProdutos the product categories linked for this store (Bling sends an object or
     *                           an array; both are read)
     * @param raw                the JSON as Bling sent it, copied
     * @throws NullPointerException if a component is null
     */
    public BlingProductStoreLink {
        Objects.requireNonNull(codigo, "codigo");
        Objects.requireNonNull(preco, "preco");
        Objects.requireNonNull(precoPromocional, "precoPromocional");
        Objects.requireNonNull(fornecedorLoja, "fornecedorLoja");
        Objects.requireNonNull(marcaLoja, "marcaLoja");
        categoriasProdutos = List.copyOf(categoriasProdutos);
        raw = raw.deepCopy();
    }

    /**
     * Reads a link from Bling's JSON.
     *
     * @param node a link object of {@code GET /produtos/lojas}
     * @return the link; missing fields read as 0, empty text or empty
     */
    public static BlingProductStoreLink from(JsonNode node) {
        List<Long> categories = new ArrayList<>();
        JsonNode c = node.get("categoriasProdutos");
        if (c != null && c.isArray()) {
            c.forEach(e -> Nodes.integer(e, "id").ifPresent(categories::add));
        } else if (c != null && c.isObject()) {
            Nodes.integer(c, "id").ifPresent(categories::add);
        }
        return new BlingProductStoreLink(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "codigo"),
                Nodes.decimal(node, "preco"), Nodes.decimal(node, "precoPromocional"),
                Nodes.ref(node, "produto").orElse(0), Nodes.ref(node, "loja").orElse(0),
                Nodes.ref(node, "fornecedorLoja"), Nodes.ref(node, "marcaLoja"), categories, Nodes.copyOf(node));
    }

    /**
     * A new link (id 0), for a create.
     *
     * @param produto            Bling's id of the product
     * @param loja               Bling's id of the store
     * @param codigo             the product's code in the store
     * @param categoriasProdutos the product categories to link for this store
     * @return the link, with no price of its own
     */
    public static BlingProductStoreLink of(long produto, long loja, String codigo, List<Long> categoriasProdutos) {
        return new BlingProductStoreLink(0, codigo, Optional.empty(), Optional.empty(), produto, loja,
                OptionalLong.empty(), OptionalLong.empty(), categoriasProdutos, Nodes.object());
    }

    /**
     * The body of a create or a replace, everything read included.
     *
     * @return a new JSON object, without the id
     */
    public ObjectNode toJson() {
        ObjectNode o = raw.deepCopy();
        o.remove("id");
        o.put("codigo", codigo);
        preco.ifPresentOrElse(p -> o.put("preco", p), () -> o.remove("preco"));
        precoPromocional.ifPresentOrElse(p -> o.put("precoPromocional", p), () -> o.remove("precoPromocional"));
        o.putObject("produto").put("id", produto);
        o.putObject("loja").put("id", loja);
        fornecedorLoja.ifPresent(f -> o.putObject("fornecedorLoja").put("id", f));
        marcaLoja.ifPresent(m -> o.putObject("marcaLoja").put("id", m));
        ArrayNode a = o.putArray("categoriasProdutos");
        categoriasProdutos.forEach(id -> a.addObject().put("id", id));
        return o;
    }

    /**
     * A copy with another code in the store.
     *
     * @param newCode the product's code in the store
     * @return the copy
     */
    public BlingProductStoreLink withCodigo(String newCode) {
        return new BlingProductStoreLink(id, newCode, preco, precoPromocional, produto, loja, fornecedorLoja, marcaLoja,
                categoriasProdutos, raw);
    }

    /**
     * A copy with other categories for this store.
     *
     * @param categories Bling's ids of the product categories, replacing the link's
     * @return the copy
     */
    public BlingProductStoreLink withCategoriasProdutos(List<Long> categories) {
        return new BlingProductStoreLink(id, codigo, preco, precoPromocional, produto, loja, fornecedorLoja, marcaLoja,
                categories, raw);
    }
}
