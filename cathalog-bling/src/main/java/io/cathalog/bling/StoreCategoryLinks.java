package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.dto.BlingStoreCategoryLink;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.bling.internal.Pager;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Product categories linked to store categories ({@code /categorias/lojas}). Every write sends
 * all four fields, as Bling requires; there is no PATCH.
 */
public final class StoreCategoryLinks {
    private final BlingClient client;

    StoreCategoryLinks(BlingClient client) {
        this.client = client;
    }

    /**
     * The links, filtered by store, by product category or by the product category's parent (each
     * optional).
     *
     * @param idLoja                only the links of this store
     * @param idCategoriaProduto    only the links of this product category
     * @param idCategoriaProdutoPai only the links of the children of this product category
     * @return the links, read page by page as the stream is consumed
     */
    public Stream<BlingStoreCategoryLink> list(OptionalLong idLoja, OptionalLong idCategoriaProduto,
                                               OptionalLong idCategoriaProdutoPai) {
        Query base = new Query();
        idLoja.ifPresent(v -> base.add("idLoja", v));
        idCategoriaProduto.ifPresent(v -> base.add("idCategoriaProduto", v));
        idCategoriaProdutoPai.ifPresent(v -> base.add("idCategoriaProdutoPai", v));
        return Pager.stream("GET /categorias/lojas", n -> {
            List<JsonNode> data = BlingClient.items("GET /categorias/lojas", client.call("GET", "/categorias/lojas",
                    "/categorias/lojas", base.copy().add("pagina", n).add("limite", Pager.PAGE_SIZE), null),
                    "descricao", "codigo");
            List<BlingStoreCategoryLink> out = new ArrayList<>();
            data.forEach(c -> out.add(BlingStoreCategoryLink.from(c)));
            return out;
        }, BlingStoreCategoryLink::id);
    }

    /**
     * One link.
     *
     * @param id the link's id
     * @return the link; empty when Bling answers 404
     */
    public Optional<BlingStoreCategoryLink> get(long id) {
        try {
            return Optional.of(BlingStoreCategoryLink.from(BlingClient.data(client.call("GET",
                    "/categorias/lojas/{idCategoriaLoja}", "/categorias/lojas/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Links a product category to a store category.
     *
     * @param loja             the store's id
     * @param descricao        the store category's name
     * @param codigo           the store category's code: the marketplace category id
     * @param categoriaProduto the product category's id
     * @return the new link's id
     * @throws IllegalStateException if Bling answered without an id
     */
    public long create(long loja, String descricao, String codigo, long categoriaProduto) {
        return Nodes.integer(BlingClient.data(client.call("POST", "/categorias/lojas", "/categorias/lojas", new Query(),
                        BlingStoreCategoryLink.body(loja, descricao, codigo, categoriaProduto))), "id")
                .orElseThrow(() -> new IllegalStateException("Bling created a store category link without an id"));
    }

    /**
     * Replaces a link (PUT, all four fields).
     *
     * @param id               the link's id
     * @param loja             the store's id
     * @param descricao        the store category's name
     * @param codigo           the store category's code: the marketplace category id
     * @param categoriaProduto the product category's id
     */
    public void replace(long id, long loja, String descricao, String codigo, long categoriaProduto) {
        client.call("PUT", "/categorias/lojas/{idCategoriaLoja}", "/categorias/lojas/" + id, new Query(),
                BlingStoreCategoryLink.body(loja, descricao, codigo, categoriaProduto));
    }

    /**
     * Deletes a link.
     *
     * @param id the link's id
     */
    public void delete(long id) {
        client.call("DELETE", "/categorias/lojas/{idCategoriaLoja}", "/categorias/lojas/" + id, new Query(), null);
    }
}
