package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A custom field ({@code /campos-customizados}). A list gives only {@code id}, {@code nome} and
 * {@code situacao}; a get gives the rest.
 *
 * @param id          Bling's id of the field
 * @param nome        the field's name
 * @param situacao    {@code 1} active, {@code 0} inactive
 * @param modulo      the module's id; empty in a list
 * @param tipoCampo   the type's id; empty in a list
 * @param obrigatorio whether a value is required
 * @param opcoes      the options of a list field
 * @param raw         the JSON as Bling sent it, copied
 */
public record BlingCustomField(long id, String nome, int situacao, OptionalLong modulo, OptionalLong tipoCampo,
                               boolean obrigatorio, List<String> opcoes, ObjectNode raw) {
    /**
     * Copies {@code opcoes} and {@code raw}.
     *
     * @param id          Bling's id of the field
     * @param nome        the field's name
     * @param situacao    {@code 1} active, {@code 0} inactive
     * @param modulo      the module's id; empty in a list
     * @param tipoCampo   the type's id; empty in a list
     * @param obrigatorio whether a value is required
     * @param opcoes      the options of a list field
     * @param raw         the JSON as Bling sent it, copied
     * @throws NullPointerException if a component is null
     */
    public BlingCustomField {
        Objects.requireNonNull(nome, "nome");
        Objects.requireNonNull(modulo, "modulo");
        Objects.requireNonNull(tipoCampo, "tipoCampo");
        opcoes = List.copyOf(opcoes);
        raw = raw.deepCopy();
    }

    /**
     * Reads a field from Bling's JSON.
     *
     * @param node a field object of a list or a get
     * @return the field; a missing {@code situacao} reads as active
     */
    public static BlingCustomField from(JsonNode node) {
        return new BlingCustomField(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "nome"),
                (int) Nodes.integer(node, "situacao").orElse(1), Nodes.ref(node, "modulo"),
                Nodes.ref(node, "tipoCampo"), Nodes.bool(node, "obrigatorio", false),
                Nodes.objects(node, "opcoes").stream().map(o -> Nodes.textOrEmpty(o, "nome")).toList(),
                Nodes.copyOf(node));
    }

    /**
     * Whether the field is enabled.
     *
     * @return true when {@code situacao} is 1
     */
    public boolean isActive() {
        return situacao == 1;
    }

    /**
     * The body of a create: a field of a module and a type, active.
     *
     * @param nome      the field's name
     * @param modulo    the module's id
     * @param tipoCampo the type's id
     * @param opcoes    the options of a list field; empty for other types
     * @return the {@code POST /campos-customizados} body
     */
    public static ObjectNode createBody(String nome, long modulo, long tipoCampo, List<String> opcoes) {
        ObjectNode b = Nodes.object().put("nome", Objects.requireNonNull(nome, "nome")).put("situacao", 1);
        b.putObject("modulo").put("id", modulo);
        b.putObject("tipoCampo").put("id", tipoCampo);
        if (!opcoes.isEmpty()) {
            var a = b.putArray("opcoes");
            opcoes.forEach(o -> a.addObject().put("nome", o));
        }
        return b;
    }
}
