package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A product's value of a custom field ({@code camposCustomizados[]}).
 *
 * @param idCampoCustomizado the field's id
 * @param idVinculo          the stored value's id: send it back to update the value; without it,
 *                           Bling adds a second value
 * @param valor              the value, as text
 * @param item               the option's name, for list fields
 */
public record BlingCustomFieldValue(long idCampoCustomizado, OptionalLong idVinculo, String valor,
                                    Optional<String> item) {
    /**
     * @param idCampoCustomizado the field's id
     * @param idVinculo          the stored value's id: send it back to update the value; without it,
     *                           Bling adds a second value
     * @param valor              the value, as text
     * @param item               the option's name, for list fields
     * @throws NullPointerException if {@code idVinculo}, {@code valor} or {@code item} is null
     */
    public BlingCustomFieldValue {
        Objects.requireNonNull(idVinculo, "idVinculo");
        Objects.requireNonNull(valor, "valor");
        Objects.requireNonNull(item, "item");
    }

    /**
     * Reads a value from Bling's JSON.
     *
     * @param node an element of a product's {@code camposCustomizados}
     * @return the value; an {@code idVinculo} of 0 reads as empty
     */
    public static BlingCustomFieldValue from(JsonNode node) {
        OptionalLong link = Nodes.integer(node, "idVinculo");
        return new BlingCustomFieldValue(Nodes.integer(node, "idCampoCustomizado").orElse(0),
                link.isPresent() && link.getAsLong() != 0 ? link : OptionalLong.empty(),
                Nodes.textOrEmpty(node, "valor"), Nodes.present(node, "item"));
    }

    /**
     * The value as Bling takes it in a product's {@code camposCustomizados}.
     *
     * @return a new JSON object; {@code idVinculo} and {@code item} only when present
     */
    public ObjectNode toJson() {
        ObjectNode o = Nodes.object().put("idCampoCustomizado", idCampoCustomizado);
        idVinculo.ifPresent(v -> o.put("idVinculo", v));
        o.put("valor", valor);
        item.ifPresent(i -> o.put("item", i));
        return o;
    }
}
