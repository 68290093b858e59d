package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.dto.BlingCustomField;
import io.cathalog.bling.dto.BlingCustomFieldModule;
import io.cathalog.bling.dto.BlingCustomFieldType;
import io.cathalog.bling.dto.BlingWriteResult;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.bling.internal.Pager;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Custom fields ({@code /campos-customizados}): their modules, types and definitions. */
public final class CustomFields {
    private final BlingClient client;

    CustomFields(BlingClient client) {
        this.client = client;
    }

    /**
     * The modules fields belong to ("Produtos", "Contatos", ...).
     *
     * @return every module of the account, in Bling's order
     */
    public List<BlingCustomFieldModule> modules() {
        List<BlingCustomFieldModule> out = new ArrayList<>();
        BlingClient.data(client.call("GET", "/campos-customizados/modulos", "/campos-customizados/modulos",
                new Query(), null)).forEach(m -> out.add(BlingCustomFieldModule.from(m)));
        return out;
    }

    /**
     * The field types ("Texto", "Lista", ...).
     *
     * @return every type Bling offers, in its order
     */
    public List<BlingCustomFieldType> types() {
        List<BlingCustomFieldType> out = new ArrayList<>();
        BlingClient.data(client.call("GET", "/campos-customizados/tipos", "/campos-customizados/tipos", new Query(),
                null)).forEach(t -> out.add(BlingCustomFieldType.from(t)));
        return out;
    }

    /**
     * The fields of a module (id, name and situation only; {@link #get} gives the rest).
     *
     * @param idModulo the module's id, from {@link #modules()}
     * @return the fields, read page by page as the stream is consumed
     */
    public Stream<BlingCustomField> listByModule(long idModulo) {
        return Pager.stream("GET /campos-customizados/modulos/{idModulo}", n -> {
            List<JsonNode> data = BlingClient.items("GET /campos-customizados/modulos/{idModulo}", client.call("GET",
                    "/campos-customizados/modulos/{idModulo}", "/campos-customizados/modulos/" + idModulo,
                    new Query().add("pagina", n).add("limite", Pager.PAGE_SIZE), null), "nome");
            List<BlingCustomField> out = new ArrayList<>();
            data.forEach(f -> out.add(BlingCustomField.from(f)));
            return out;
        }, BlingCustomField::id);
    }

    /**
     * One field, whole: type, options, size limits, the categories it applies to.
     *
     * @param id the field's id
     * @return the field; empty when Bling answers 404
     */
    public Optional<BlingCustomField> get(long id) {
        try {
            return Optional.of(BlingCustomField.from(BlingClient.data(client.call("GET",
                    "/campos-customizados/{idCampoCustomizado}", "/campos-customizados/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a field from a body such as {@link BlingCustomField#createBody}.
     *
     * @param body the {@code POST /campos-customizados} body
     * @return the new field's id, and Bling's warnings
     */
    public BlingWriteResult create(ObjectNode body) {
        return BlingWriteResult.from(BlingClient.data(client.call("POST", "/campos-customizados",
                "/campos-customizados", new Query(), body)));
    }

    /**
     * Updates a field (Bling ignores {@code nome}, {@code modulo} and {@code tipoCampo} here).
     *
     * @param id   the field's id
     * @param body the field as it should be; {@code modulo} and {@code tipoCampo} are left out of
     *             what is sent, and the caller's node is not changed
     * @return the field's id, and Bling's warnings
     */
    public BlingWriteResult update(long id, ObjectNode body) {
        ObjectNode b = body.deepCopy();
        b.remove(List.of("modulo", "tipoCampo"));
        return BlingWriteResult.from(BlingClient.data(client.call("PUT", "/campos-customizados/{idCampoCustomizado}",
                "/campos-customizados/" + id, new Query(), b)));
    }

    /**
     * Deletes a field.
     *
     * @param id the field's id
     */
    public void delete(long id) {
        client.call("DELETE", "/campos-customizados/{idCampoCustomizado}", "/campos-customizados/" + id, new Query(),
                null);
    }

    /**
     * Enables or disables a field.
     *
     * @param id     the field's id
     * @param active true to enable it, false to disable it
     */
    public void setActive(long id, boolean active) {
        client.call("PATCH", "/campos-customizados/{idCampoCustomizado}/situacoes",
                "/campos-customizados/" + id + "/situacoes", new Query(), Nodes.object().put("situacao", active ? 1 : 0));
    }
}
