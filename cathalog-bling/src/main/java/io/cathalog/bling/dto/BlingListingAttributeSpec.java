package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.internal.Nodes;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One attribute of a marketplace category as Bling's Anúncios API describes it
 * ({@code GET /anuncios/categorias/{idCategoria}}).
 *
 * @param id            the marketplace's attribute id as text ({@code BRAND}, {@code 100037}): the
 *                      spec types it as an integer, Mercado Livre's ids are words, so it is read
 *                      either way; it is the id a listing's {@code atributos[].id} takes
 * @param nome          the attribute's name
 * @param obrigatorio   whether a listing needs it
 * @param tipo          the value's type as Bling writes it ({@code string}, {@code number_unit}, ...)
 * @param unidadePadrao the default unit, if any
 * @param minimo        the smallest value or length, if given
 * @param maximo        the largest value or length, if given
 */
public record BlingListingAttributeSpec(String id, String nome, boolean obrigatorio, String tipo,
                                        Optional<String> unidadePadrao, OptionalLong minimo, OptionalLong maximo) {
    /**
     * Checks the values.
     *
     * @param id as described above
     * @param nome as described above
     * @param obrigatorio as described above
     * @param tipo as described above
     * @param unidadePadrao as described above
     * @param minimo as described above
     * @param maximo as described above
     * @throws NullPointerException when a value is null
     */
    public BlingListingAttributeSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nome, "nome");
        Objects.requireNonNull(tipo, "tipo");
        Objects.requireNonNull(unidadePadrao, "unidadePadrao");
        Objects.requireNonNull(minimo, "minimo");
        Objects.requireNonNull(maximo, "maximo");
    }

    /**
     * Reads one attribute, leniently (a missing or odd field reads as absent).
     *
     * @param node one attribute object
     * @return the attribute
     */
    public static BlingListingAttributeSpec from(JsonNode node) {
        return new BlingListingAttributeSpec(idText(node.get("id")), Nodes.textOrEmpty(node, "nome"),
                Nodes.bool(node, "obrigatorio", false), Nodes.textOrEmpty(node, "tipo"),
                Nodes.present(node, "unidadePadrao"), positive(Nodes.integer(node, "minimo")),
                positive(Nodes.integer(node, "maximo")));
    }

    // Bling writes "not set" as 0.
    private static OptionalLong positive(OptionalLong v) {
        return v.isPresent() && v.getAsLong() > 0 ? v : OptionalLong.empty();
    }

    /** An id that may come as a number or as text; {@code ""} when absent. */
    static String idText(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return "";
        }
        return v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.asText().strip();
    }
}
