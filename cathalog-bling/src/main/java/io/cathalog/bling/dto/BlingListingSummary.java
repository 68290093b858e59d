package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.Objects;
import java.util.Optional;

/**
 * A listing as {@code GET /anuncios} lists it.
 *
 * @param id       the listing's id
 * @param titulo   its title
 * @param situacao Bling's number (1 published, 2 draft, 3 with a problem, 4 paused; others kept)
 * @param raw      every field as read
 */
public record BlingListingSummary(long id, String titulo, int situacao, ObjectNode raw) {
    /**
     * Copies {@code raw}.
     *
     * @param id as described above
     * @param titulo as described above
     * @param situacao as described above
     * @param raw as described above
     * @throws NullPointerException when a value is null
     */
    public BlingListingSummary {
        Objects.requireNonNull(titulo, "titulo");
        raw = raw.deepCopy();
    }

    /**
     * Reads one list item, leniently.
     *
     * @param node one element of {@code data}
     * @return the summary
     */
    public static BlingListingSummary from(JsonNode node) {
        return new BlingListingSummary(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "titulo"),
                (int) Nodes.integer(node, "situacao").orElse(0), Nodes.copyOf(node));
    }

    /**
     * The situation, when this library knows the number.
     *
     * @return the situation
     */
    public Optional<BlingListingSituation> situation() {
        return BlingListingSituation.of(situacao);
    }
}
