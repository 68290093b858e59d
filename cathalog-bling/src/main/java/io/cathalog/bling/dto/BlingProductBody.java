package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The body of a product {@code POST} or {@code PATCH}: only the fields set here are sent, so a
 * PATCH changes exactly those. {@link #forCreate} sets the four fields Bling requires on create.
 */
public final class BlingProductBody {
    /** Bling's limit on {@code nome}. */
    public static final int MAX_NAME_LENGTH = 120;

    private final ObjectNode json = Nodes.object();

    private BlingProductBody() {
    }

    /**
     * A create body: {@code tipo} P (product), {@code formato} S (simple).
     *
     * @param nome     the product's name, 1 to {@value #MAX_NAME_LENGTH} characters
     * @param situacao its situation code ({@code A} active, {@code I} inactive)
     * @return the body, to which the other fields are added
     * @throws IllegalArgumentException if {@code nome} is blank or too long
     */
    public static BlingProductBody forCreate(String nome, String situacao) {
        return new BlingProductBody().nome(nome).tipo("P").situacao(situacao).formato("S");
    }

    /**
     * An empty PATCH body; set only what changes.
     *
     * @return the body
     */
    public static BlingProductBody forPatch() {
        return new BlingProductBody();
    }

    /**
     * Sets the name.
     *
     * @param nome 1 to {@value #MAX_NAME_LENGTH} characters
     * @return this body
     * @throws IllegalArgumentException if {@code nome} is blank or too long
     */
    public BlingProductBody nome(String nome) {
        Objects.requireNonNull(nome, "nome");
        if (nome.isBlank() || nome.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("nome is 1 to " + MAX_NAME_LENGTH + " characters, got " + nome.length());
        }
        json.put("nome", nome);
        return this;
    }

    /**
     * Sets the code (SKU).
     *
     * @param codigo the product's code
     * @return this body
     */
    public BlingProductBody codigo(String codigo) {
        json.put("codigo", Objects.requireNonNull(codigo, "codigo"));
        return this;
    }

    /**
     * Sets the type.
     *
     * @param tipo Bling's type code ({@code P} product, {@code S} service...)
     * @return this body
     */
    public BlingProductBody tipo(String tipo) {
        json.put("tipo", Objects.requireNonNull(tipo, "tipo"));
        return this;
    }

    /**
     * Sets the situation.
     *
     * @param situacao Bling's situation code ({@code A} active, {@code I} inactive)
     * @return this body
     */
    public BlingProductBody situacao(String situacao) {
        json.put("situacao", Objects.requireNonNull(situacao, "situacao"));
        return this;
    }

    /**
     * Sets the format.
     *
     * @param formato {@code S} simple, {@code V} with variations, {@code E} with composition
     * @return this body
     */
    public BlingProductBody formato(String formato) {
        json.put("formato", Objects.requireNonNull(formato, "formato"));
        return this;
    }

    /**
     * Sets the price.
     *
     * @param preco the price in the account's currency
     * @return this body
     */
    public BlingProductBody preco(BigDecimal preco) {
        json.put("preco", Objects.requireNonNull(preco, "preco"));
        return this;
    }

    /**
     * Sets the brand.
     *
     * @param marca free text
     * @return this body
     */
    public BlingProductBody marca(String marca) {
        json.put("marca", Objects.requireNonNull(marca, "marca"));
        return this;
    }

    /**
     * Sets the GTIN.
     *
     * @param gtin the GTIN's digits
     * @return this body
     */
    public BlingProductBody gtin(String gtin) {
        json.put("gtin", Objects.requireNonNull(gtin, "gtin"));
        return this;
    }

    /**
     * Sets the product category.
     *
     * @param id Bling's id of the category
     * @return this body
     */
    public BlingProductBody categoria(long id) {
        json.putObject("categoria").put("id", id);
        return this;
    }

    /**
     * Sets the net weight.
     *
     * @param kg the weight in kg (Bling's unit)
     * @return this body
     */
    public BlingProductBody pesoLiquido(BigDecimal kg) {
        json.put("pesoLiquido", Objects.requireNonNull(kg, "kg"));
        return this;
    }

    /**
     * Sets the gross weight.
     *
     * @param kg the weight in kg (Bling's unit)
     * @return this body
     */
    public BlingProductBody pesoBruto(BigDecimal kg) {
        json.put("pesoBruto", Objects.requireNonNull(kg, "kg"));
        return this;
    }

    /**
     * Sets the package dimensions.
     *
     * @param d the dimensions, in their unit
     * @return this body
     */
    public BlingProductBody dimensoes(BlingDimensions d) {
        json.set("dimensoes", d.toJson());
        return this;
    }

    /**
     * Sets custom-field values; each carries its {@code idVinculo} when the value exists already.
     *
     * @param values the values to send
     * @return this body
     */
    public BlingProductBody camposCustomizados(List<BlingCustomFieldValue> values) {
        ArrayNode a = json.putArray("camposCustomizados");
        values.forEach(v -> a.add(v.toJson()));
        return this;
    }

    /**
     * The id of an existing variation in a parent's {@code variacoes}: Bling keeps it (and changes
     * it as the other fields say) instead of creating one.
     *
     * @param id the variation's id
     * @return this body
     */
    public BlingProductBody id(long id) {
        json.put("id", id);
        return this;
    }

    /**
     * A variation's own {@code variacao} object: its name ("Cor:Azul;Tamanho:M") and order.
     *
     * @param nome  the options as Bling names them
     * @param ordem its position, from 1
     * @return this body
     */
    public BlingProductBody variacao(String nome, int ordem) {
        ObjectNode v = json.putObject("variacao").put("nome", Objects.requireNonNull(nome, "nome")).put("ordem", ordem);
        v.putObject("produtoPai").put("cloneInfo", false);
        return this;
    }

    /**
     * A parent's {@code variacoes}: every variation it keeps. Bling deletes each one a write
     * leaves out, so this is always the whole list.
     *
     * @param variations the variations' bodies
     * @return this body
     */
    public BlingProductBody variacoes(List<BlingProductBody> variations) {
        ArrayNode a = json.putArray("variacoes");
        variations.forEach(v -> a.add(v.toJson()));
        return this;
    }

    /**
     * Whether no field is set: an empty PATCH changes nothing and is not sent.
     *
     * @return true when the body has no field
     */
    public boolean isEmpty() {
        return json.isEmpty();
    }

    /**
     * A copy of the JSON that will be sent.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return "BlingProductBody" + json;
    }
}
