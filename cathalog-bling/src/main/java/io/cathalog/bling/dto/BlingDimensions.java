package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A product's {@code dimensoes}.
 *
 * @param largura       the width, in {@code unidadeMedida}
 * @param altura        the height, in {@code unidadeMedida}
 * @param profundidade  the depth, in {@code unidadeMedida}
 * @param unidadeMedida {@code 0} metres, {@code 1} centimetres, {@code 2} millimetres (Bling sends
 *                      it as a number or as a string; both are read)
 */
public record BlingDimensions(BigDecimal largura, BigDecimal altura, BigDecimal profundidade, int unidadeMedida) {
    /**
     * @param largura       the width, in {@code unidadeMedida}
     * @param altura        the height, in {@code unidadeMedida}
     * @param profundidade  the depth, in {@code unidadeMedida}
     * @param unidadeMedida {@code 0} metres, {@code 1} centimetres, {@code 2} millimetres (Bling sends
     *                      it as a number or as a string; both are read)
     * @throws NullPointerException if a measure is null
     */
    public BlingDimensions {
        Objects.requireNonNull(largura, "largura");
        Objects.requireNonNull(altura, "altura");
        Objects.requireNonNull(profundidade, "profundidade");
    }

    /** {@code unidadeMedida} of metres. */
    public static final int METRES = 0;
    /** {@code unidadeMedida} of centimetres: Bling's default. */
    public static final int CENTIMETRES = 1;
    /** {@code unidadeMedida} of millimetres. */
    public static final int MILLIMETRES = 2;

    /**
     * Reads a product's dimensions from Bling's JSON.
     *
     * @param node the product's {@code dimensoes} object; null or not an object reads as none
     * @return the dimensions; empty when absent or all zero (Bling's "none")
     */
    public static Optional<BlingDimensions> from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        BigDecimal w = Nodes.decimal(node, "largura").orElse(BigDecimal.ZERO);
        BigDecimal h = Nodes.decimal(node, "altura").orElse(BigDecimal.ZERO);
        BigDecimal d = Nodes.decimal(node, "profundidade").orElse(BigDecimal.ZERO);
        if (w.signum() == 0 && h.signum() == 0 && d.signum() == 0) {
            return Optional.empty();
        }
        int unit = (int) Nodes.integer(node, "unidadeMedida").orElse(CENTIMETRES);
        return Optional.of(new BlingDimensions(w, h, d, unit));
    }

    /**
     * The dimensions as Bling takes them in a product's {@code dimensoes}.
     *
     * @return a new JSON object with all four fields
     */
    public ObjectNode toJson() {
        return Nodes.object().put("largura", largura).put("altura", altura).put("profundidade", profundidade)
                .put("unidadeMedida", unidadeMedida);
    }
}
