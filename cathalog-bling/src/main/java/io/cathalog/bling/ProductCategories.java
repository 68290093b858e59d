package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.dto.BlingCategory;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.bling.internal.Pager;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Product categories ({@code /categorias/produtos}). Bling's PUT takes only the name: a category
 * cannot be moved to another parent through the API.
 */
public final class ProductCategories {
    private final BlingClient client;

    ProductCategories(BlingClient client) {
        this.client = client;
    }

    /**
     * Every product category of the account.
     *
     * @return the categories, read page by page as the stream is consumed
     */
    public Stream<BlingCategory> list() {
        return Pager.stream("GET /categorias/produtos", n -> {
            List<JsonNode> data = BlingClient.items("GET /categorias/produtos", client.call("GET",
                    "/categorias/produtos", "/categorias/produtos",
                    new Query().add("pagina", n).add("limite", Pager.PAGE_SIZE), null), "descricao");
            List<BlingCategory> out = new ArrayList<>();
            data.forEach(c -> out.add(BlingCategory.from(c)));
            return out;
        }, BlingCategory::id);
    }

    /**
     * One category.
     *
     * @param id the category's id
     * @return the category; empty when Bling answers 404
     */
    public Optional<BlingCategory> get(long id) {
        try {
            return Optional.of(BlingCategory.from(BlingClient.data(client.call("GET",
                    "/categorias/produtos/{idCategoriaProduto}", "/categorias/produtos/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a category.
     *
     * @param descricao the category's name
     * @param parent    the parent category's id; empty for a root
     * @return the new category's id
     */
    public long create(String descricao, OptionalLong parent) {
        ObjectNode body = Nodes.object().put("descricao", Objects.requireNonNull(descricao, "descricao"));
        parent.ifPresent(p -> body.putObject("categoriaPai").put("id", p));
        return Nodes.integer(BlingClient.data(client.call("POST", "/categorias/produtos", "/categorias/produtos",
                new Query(), body)), "id").orElseThrow(() -> new IllegalStateException("Bling created a category without an id"));
    }

    /**
     * Renames a category (Bling's PUT carries only {@code descricao}).
     *
     * @param id        the category's id
     * @param descricao the new name
     */
    public void rename(long id, String descricao) {
        client.call("PUT", "/categorias/produtos/{idCategoriaProduto}", "/categorias/produtos/" + id, new Query(),
                Nodes.object().put("descricao", Objects.requireNonNull(descricao, "descricao")));
    }

    /**
     * Deletes a category; Bling refuses while it has children or products.
     *
     * @param id the category's id
     */
    public void delete(long id) {
        client.call("DELETE", "/categorias/produtos/{idCategoriaProduto}", "/categorias/produtos/" + id, new Query(),
                null);
    }
}
