package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A product as {@code GET /produtos} lists it: no category, no custom fields.
 *
 * @param id           Bling's id of the product; 0 when the answer had none
 * @param idProdutoPai a variation's parent; empty when the list says none (absent or 0)
 * @param nome         its name
 * @param codigo       its code (SKU); empty when it has none
 * @param preco        its price
 * @param tipo         its type code ({@code P} product, {@code S} service...)
 * @param situacao     its situation code ({@code A}, {@code I}, {@code E}); see {@link #situation()}
 * @param formato      its format ({@code S} simple, {@code V} with variations, {@code E} with composition)
 * @param raw          the JSON as Bling sent it, copied
 */
public record BlingProductSummary(long id, OptionalLong idProdutoPai, String nome, String codigo,
                                  Optional<BigDecimal> preco, String tipo, String situacao, String formato,
                                  ObjectNode raw) {
    /**
     * @param id           Bling's id of the product; 0 when the answer had none
     * @param idProdutoPai a variation's parent; empty when the list says none (absent or 0)
     * @param nome         its name
     * @param codigo       its code (SKU); empty when it has none
     * @param preco        its price
     * @param tipo         its type code ({@code P} product, {@code S} service...)
     * @param situacao     its situation code ({@code A}, {@code I}, {@code E}); see {@link #situation()}
     * @param formato      its format ({@code S} simple, {@code V} with variations, {@code E} with composition)
     * @param raw          the JSON as Bling sent it, copied
     * @throws NullPointerException if a component is null
     */
    public BlingProductSummary {
        Objects.requireNonNull(idProdutoPai, "idProdutoPai");
        Objects.requireNonNull(nome, "nome");
        Objects.requireNonNull(codigo, "codigo");
        Objects.requireNonNull(preco, "preco");
        Objects.requireNonNull(tipo, "tipo");
        Objects.requireNonNull(situacao, "situacao");
        Objects.requireNonNull(formato, "formato");
        raw = raw.deepCopy();
    }

    /**
     * Reads a summary from Bling's JSON.
     *
     * @param node a product object of {@code GET /produtos}
     * @return the summary; missing fields read as 0, empty text or empty
     */
    public static BlingProductSummary from(JsonNode node) {
        OptionalLong parent = Nodes.integer(node, "idProdutoPai");
        return new BlingProductSummary(Nodes.integer(node, "id").orElse(0),
                parent.isPresent() && parent.getAsLong() != 0 ? parent : OptionalLong.empty(),
                Nodes.textOrEmpty(node, "nome"), Nodes.textOrEmpty(node, "codigo"), Nodes.decimal(node, "preco"),
                Nodes.textOrEmpty(node, "tipo"), Nodes.textOrEmpty(node, "situacao"),
                Nodes.textOrEmpty(node, "formato"), Nodes.copyOf(node));
    }

    /**
     * The situation, typed.
     *
     * @return the situation; empty when this library does not know Bling's code
     */
    public Optional<ProductSituation> situation() {
        return ProductSituation.of(situacao);
    }
}
