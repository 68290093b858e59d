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
 * @param codigo             the product's code in the store
 * @param categoriasProdutos the product categories linked for this store (Bling sends an object or
 *                           an array; both are read)
 */
public record BlingProductStoreLink(long id, String codigo, Optional<BigDecimal> preco,
                                    Optional<BigDecimal> precoPromocional, long produto, long loja,
                                    OptionalLong fornecedorLoja, OptionalLong marcaLoja,
                                    List<Long> categoriasProdutos, ObjectNode raw) {
    public BlingProductStoreLink {
        Objects.requireNonNull(codigo, "codigo");
        Objects.requireNonNull(preco, "preco");
        Objects.requireNonNull(precoPromocional, "precoPromocional");
        Objects.requireNonNull(fornecedorLoja, "fornecedorLoja");
        Objects.requireNonNull(marcaLoja, "marcaLoja");
        categoriasProdutos = List.copyOf(categoriasProdutos);
        raw = raw.deepCopy();
    }

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

    /** A new link (id 0), for a create. */
    public static BlingProductStoreLink of(long produto, long loja, String codigo, List<Long> categoriasProdutos) {
        return new BlingProductStoreLink(0, codigo, Optional.empty(), Optional.empty(), produto, loja,
                OptionalLong.empty(), OptionalLong.empty(), categoriasProdutos, Nodes.object());
    }

    /** The body of a create or a replace, everything read included. */
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

    public BlingProductStoreLink withCodigo(String newCode) {
        return new BlingProductStoreLink(id, newCode, preco, precoPromocional, produto, loja, fornecedorLoja, marcaLoja,
                categoriasProdutos, raw);
    }

    public BlingProductStoreLink withCategoriasProdutos(List<Long> categories) {
        return new BlingProductStoreLink(id, codigo, preco, precoPromocional, produto, loja, fornecedorLoja, marcaLoja,
                categories, raw);
    }
}
