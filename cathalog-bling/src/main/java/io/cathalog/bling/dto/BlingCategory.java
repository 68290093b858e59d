package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.Objects;
import java.util.OptionalLong;

/** A product category ({@code /categorias/produtos}). */
public record BlingCategory(long id, String descricao, OptionalLong categoriaPai, ObjectNode raw) {
    public BlingCategory {
        Objects.requireNonNull(descricao, "descricao");
        Objects.requireNonNull(categoriaPai, "categoriaPai");
        raw = raw.deepCopy();
    }

    public static BlingCategory from(JsonNode node) {
        return new BlingCategory(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "descricao"),
                Nodes.ref(node, "categoriaPai"), Nodes.copyOf(node));
    }
}
