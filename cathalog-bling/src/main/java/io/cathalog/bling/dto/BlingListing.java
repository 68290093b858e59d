package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A listing as {@code GET /anuncios/{idAnuncio}} returns it.
 *
 * @param id        the listing's id
 * @param produto   the Bling product it lists
 * @param titulo    its title
 * @param descricao its description
 * @param status    Bling's situation number (1 published, 2 draft, 3 with a problem, 4 paused)
 * @param atributos its attribute values
 * @param raw       every field as read
 */
public record BlingListing(long id, long produto, String titulo, String descricao, int status,
                           List<Atributo> atributos, ObjectNode raw) {
    /**
     * Copies the lists and {@code raw}.
     *
     * @param id as described above
     * @param produto as described above
     * @param titulo as described above
     * @param descricao as described above
     * @param status as described above
     * @param atributos as described above
     * @param raw as described above
     * @throws NullPointerException when a value is null
     */
    public BlingListing {
        Objects.requireNonNull(titulo, "titulo");
        Objects.requireNonNull(descricao, "descricao");
        atributos = List.copyOf(atributos);
        raw = raw.deepCopy();
    }

    /**
     * One attribute value of a listing.
     *
     * @param id        Bling's id of the attribute
     * @param idExterno the marketplace's attribute id ({@code id_externo}: {@code COLOR})
     * @param nome      the attribute's name
     * @param valor     the value
     * @param unidade   the unit, when it has one
     */
    public record Atributo(String id, String idExterno, String nome, String valor, Optional<String> unidade) {
        /**
         * Checks the values.
         *
         * @param id as described above
         * @param idExterno as described above
         * @param nome as described above
         * @param valor as described above
         * @param unidade as described above
         * @throws NullPointerException when a value is null
         */
        public Atributo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(idExterno, "idExterno");
            Objects.requireNonNull(nome, "nome");
            Objects.requireNonNull(valor, "valor");
            Objects.requireNonNull(unidade, "unidade");
        }
    }

    /**
     * Reads a listing, leniently.
     *
     * @param node the {@code data} of the answer
     * @return the listing
     */
    public static BlingListing from(JsonNode node) {
        List<Atributo> atributos = new ArrayList<>();
        for (JsonNode a : Nodes.objects(node, "atributos")) {
            atributos.add(new Atributo(BlingListingAttributeSpec.idText(a.get("id")),
                    BlingListingAttributeSpec.idText(a.get("id_externo")), Nodes.textOrEmpty(a, "nome"),
                    Nodes.text(a, "valor").orElse(BlingListingAttributeSpec.idText(a.get("valor"))),
                    Nodes.present(a, "unidade")));
        }
        return new BlingListing(Nodes.integer(node, "id").orElse(0), Nodes.ref(node, "produto").orElse(0),
                Nodes.textOrEmpty(node, "titulo"), Nodes.textOrEmpty(node, "descricao"),
                (int) Nodes.integer(node, "status").orElse(0), atributos, Nodes.copyOf(node));
    }

    /**
     * One of a family's listing's variations, as Bling reports it: its id and name only.
     *
     * @param id   the variation's id
     * @param nome its name
     */
    public record Variacao(long id, String nome) {
        /**
         * Checks the name.
         *
         * @param id   as described above
         * @param nome as described above
         * @throws NullPointerException when the name is null
         */
        public Variacao {
            Objects.requireNonNull(nome, "nome");
        }
    }

    /**
     * The listing's variations ({@code variacoes[{id, nome}]}), from {@link #raw()}.
     *
     * @return its variations, in Bling's order; empty for a simple product's listing
     */
    public List<Variacao> variacoes() {
        List<Variacao> out = new ArrayList<>();
        for (JsonNode v : Nodes.objects(raw, "variacoes")) {
            out.add(new Variacao(Nodes.integer(v, "id").orElse(0), Nodes.textOrEmpty(v, "nome")));
        }
        return out;
    }

    /**
     * The situation, when this library knows the number.
     *
     * @return the situation
     */
    public Optional<BlingListingSituation> situation() {
        return BlingListingSituation.of(status);
    }

    /**
     * The value of one attribute, by the marketplace's id.
     *
     * @param marketplaceId e.g. {@code BRAND}
     * @return the value, if the listing has it
     */
    public Optional<String> value(String marketplaceId) {
        return atributos.stream().filter(a -> a.idExterno().equals(marketplaceId)).map(Atributo::valor).findFirst();
    }
}
