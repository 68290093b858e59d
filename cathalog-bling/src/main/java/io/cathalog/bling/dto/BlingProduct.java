package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A product in full, as {@code GET /produtos/{id}} gives it: the fields the engine manages, typed,
 * and {@link #raw()} with everything else (tax data, media, variations, fields Bling added since
 * this library was written). {@link #toJson()} is the body of a {@code PUT} that keeps all of it.
 *
 * @param id                 Bling's id of the product; 0 when the answer had none
 * @param nome               its name
 * @param codigo             its code (SKU); empty when it has none
 * @param tipo               its type code ({@code P} product, {@code S} service...)
 * @param situacao           its situation code ({@code A}, {@code I}, {@code E}); see {@link #situation()}
 * @param formato            its format ({@code S} simple, {@code V} with variations, {@code E} with composition)
 * @param preco              its price
 * @param marca              its brand as raw text; empty when it has none
 * @param gtin               its GTIN as raw text; empty when it has none
 * @param categoria          its product category's id
 * @param pesoLiquido        its net weight in kg; empty when absent or zero
 * @param pesoBruto          its gross weight in kg; empty when absent or zero
 * @param dimensoes          its package dimensions
 * @param camposCustomizados its custom-field values
 * @param raw                the JSON as Bling sent it, copied
 */
public record BlingProduct(long id, String nome, String codigo, String tipo, String situacao, String formato,
                           Optional<BigDecimal> preco, String marca, String gtin, OptionalLong categoria,
                           Optional<BigDecimal> pesoLiquido, Optional<BigDecimal> pesoBruto,
                           Optional<BlingDimensions> dimensoes, List<BlingCustomFieldValue> camposCustomizados,
                           ObjectNode raw) {

    /**
     * @param id                 Bling's id of the product; 0 when the answer had none
     * @param nome               its name
     * @param codigo             its code (SKU); empty when it has none
     * @param tipo               its type code ({@code P} product, {@code S} service...)
     * @param situacao           its situation code ({@code A}, {@code I}, {@code E}); see {@link #situation()}
     * @param formato            its format ({@code S} simple, {@code V} with variations, {@code E} with composition)
     * @param preco              its price
     * @param marca              its brand as raw text; empty when it has none
     * @param gtin               its GTIN as raw text; empty when it has none
     * @param categoria          its product category's id
     * @param pesoLiquido        its net weight in kg; empty when absent or zero
     * @param pesoBruto          its gross weight in kg; empty when absent or zero
     * @param dimensoes          its package dimensions
     * @param camposCustomizados its custom-field values
     * @param raw                the JSON as Bling sent it, copied
     * @throws NullPointerException if a component is null
     */
    public BlingProduct {
        Objects.requireNonNull(nome, "nome");
        Objects.requireNonNull(codigo, "codigo");
        Objects.requireNonNull(tipo, "tipo");
        Objects.requireNonNull(situacao, "situacao");
        Objects.requireNonNull(formato, "formato");
        Objects.requireNonNull(preco, "preco");
        Objects.requireNonNull(marca, "marca");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(categoria, "categoria");
        Objects.requireNonNull(pesoLiquido, "pesoLiquido");
        Objects.requireNonNull(pesoBruto, "pesoBruto");
        Objects.requireNonNull(dimensoes, "dimensoes");
        camposCustomizados = List.copyOf(camposCustomizados);
        raw = raw.deepCopy();
    }

    /**
     * Reads a product from Bling's JSON.
     *
     * @param node the {@code data} of {@code GET /produtos/{id}}
     * @return the product; missing fields read as 0, empty text or empty
     */
    public static BlingProduct from(JsonNode node) {
        return new BlingProduct(Nodes.integer(node, "id").orElse(0), Nodes.textOrEmpty(node, "nome"),
                Nodes.textOrEmpty(node, "codigo"), Nodes.textOrEmpty(node, "tipo"),
                Nodes.textOrEmpty(node, "situacao"), Nodes.textOrEmpty(node, "formato"),
                Nodes.decimal(node, "preco"), Nodes.textOrEmpty(node, "marca"), Nodes.textOrEmpty(node, "gtin"),
                Nodes.ref(node, "categoria"), positive(Nodes.decimal(node, "pesoLiquido")),
                positive(Nodes.decimal(node, "pesoBruto")), BlingDimensions.from(node.get("dimensoes")),
                Nodes.objects(node, "camposCustomizados").stream().map(BlingCustomFieldValue::from).toList(),
                Nodes.copyOf(node));
    }

    private static Optional<BigDecimal> positive(Optional<BigDecimal> v) {
        return v.filter(d -> d.signum() > 0);
    }

    /**
     * The situation, typed.
     *
     * @return the situation; empty when Bling sent a code this library does not know
     */
    public Optional<ProductSituation> situation() {
        return ProductSituation.of(situacao);
    }

    /**
     * The whole product as JSON, with the typed fields of this record laid over what was read, for
     * a {@code PUT} that replaces nothing by accident. Read-only fields are left out.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        ObjectNode o = raw.deepCopy();
        for (String readOnly : List.of("id", "imagemURL", "idProdutoPai", "precoCusto")) {
            o.remove(readOnly);
        }
        o.put("nome", nome).put("codigo", codigo).put("tipo", tipo).put("situacao", situacao).put("formato", formato);
        preco.ifPresentOrElse(p -> o.put("preco", p), () -> o.remove("preco"));
        o.put("marca", marca).put("gtin", gtin);
        if (categoria.isPresent()) {
            o.putObject("categoria").put("id", categoria.getAsLong());
        } else {
            o.remove("categoria");
        }
        pesoLiquido.ifPresentOrElse(p -> o.put("pesoLiquido", p), () -> o.remove("pesoLiquido"));
        pesoBruto.ifPresentOrElse(p -> o.put("pesoBruto", p), () -> o.remove("pesoBruto"));
        dimensoes.ifPresentOrElse(d -> o.set("dimensoes", d.toJson()), () -> o.remove("dimensoes"));
        ArrayNode fields = o.putArray("camposCustomizados");
        camposCustomizados.forEach(v -> fields.add(v.toJson()));
        return o;
    }

    /**
     * A copy in another category.
     *
     * @param categoryId Bling's id of the product category
     * @return the copy
     */
    public BlingProduct withCategoria(long categoryId) {
        return new BlingProduct(id, nome, codigo, tipo, situacao, formato, preco, marca, gtin,
                OptionalLong.of(categoryId), pesoLiquido, pesoBruto, dimensoes, camposCustomizados, raw);
    }

    /**
     * A copy with other custom-field values.
     *
     * @param values the values, replacing all of this product's
     * @return the copy
     */
    public BlingProduct withCamposCustomizados(List<BlingCustomFieldValue> values) {
        return new BlingProduct(id, nome, codigo, tipo, situacao, formato, preco, marca, gtin, categoria,
                pesoLiquido, pesoBruto, dimensoes, values, raw);
    }
}
