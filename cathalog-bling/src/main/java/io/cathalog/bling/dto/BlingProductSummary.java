package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A product as {@code GET /produtos} lists it: no category, no custom fields. */
public record BlingProductSummary(long id, OptionalLong idProdutoPai, String nome, String codigo,
                                  Optional<BigDecimal> preco, String tipo, String situacao, String formato,
                                  ObjectNode raw) {
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

    public static BlingProductSummary from(JsonNode node) {
        OptionalLong parent = Nodes.integer(node, "idProdutoPai");
        return new BlingProductSummary(Nodes.integer(node, "id").orElse(0),
                parent.isPresent() && parent.getAsLong() != 0 ? parent : OptionalLong.empty(),
                Nodes.textOrEmpty(node, "nome"), Nodes.textOrEmpty(node, "codigo"), Nodes.decimal(node, "preco"),
                Nodes.textOrEmpty(node, "tipo"), Nodes.textOrEmpty(node, "situacao"),
                Nodes.textOrEmpty(node, "formato"), Nodes.copyOf(node));
    }

    /** The situation, if this library knows Bling's code. */
    public Optional<ProductSituation> situation() {
        return ProductSituation.of(situacao);
    }
}
