package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * Direct access to one account's data, without HTTP, limits or the request log: snapshots in
 * Bling's own JSON shape (the {@code data} of the matching GET), and writes with the same
 * validation as the API. Every method takes the account's lock, so it is safe while clients run.
 */
public final class SandboxAccount {
    private final AccountData a;
    private final Settings s;

    SandboxAccount(AccountData a, Settings s) {
        this.a = a;
        this.s = s;
    }

    /**
     * The account's id, the one its tokens are issued for.
     *
     * @return the account id
     */
    public String id() {
        return a.id;
    }

    /**
     * The company name the account reports ({@code /empresas/me/dados-basicos}).
     *
     * @return the account's name
     */
    public String name() {
        return a.name;
    }

    /**
     * Every product (variations included) as {@code GET /produtos/{id}} returns it, ascending id.
     *
     * @return copies of the products
     */
    public List<ObjectNode> products() {
        return a.locked(() -> a.products.values().stream().map(p -> Products.full(a, p)).toList());
    }

    /**
     * One product as {@code GET /produtos/{id}} returns it.
     *
     * @param id the product's or variation's id
     * @return a copy; empty when there is no such product
     */
    public Optional<ObjectNode> product(long id) {
        return a.locked(() -> Optional.ofNullable(a.products.get(id)).map(p -> Products.full(a, p)));
    }

    /**
     * A product by SKU ({@code codigo}), as {@code GET /produtos/{id}} returns it.
     *
     * @param codigo the SKU
     * @return a copy of the first product with it; empty when none has it
     */
    public Optional<ObjectNode> productByCode(String codigo) {
        return a.locked(() -> a.productsWithCode(codigo).stream().findFirst()
                .map(p -> Products.full(a, p)));
    }

    /**
     * Creates (no {@code id}, or an unknown one) or replaces (as PUT) a product from a body in
     * Bling's shape.
     *
     * @param body the product in Bling's shape
     * @return the product's id
     * @throws IllegalArgumentException when the body is invalid, with Bling's error description and fields
     */
    public long putProduct(ObjectNode body) {
        return a.locked(() -> {
            long id = body.path("id").asLong(0);
            Optional<AccountData.Product> target = Optional.ofNullable(a.products.get(id));
            try {
                return Products.write(a, s, s.clock().instant(), target, body,
                        target.isPresent() ? Products.Mode.REPLACE : Products.Mode.CREATE).get("id").asLong();
            } catch (ApiException e) {
                throw new IllegalArgumentException(e.envelope().toString(), e);
            }
        });
    }

    /**
     * Removes a product (and its variations and store links).
     *
     * @param id the product's id
     * @return false when it did not exist
     */
    public boolean deleteProduct(long id) {
        return a.locked(() -> {
            boolean existed = a.products.containsKey(id);
            Products.remove(a, id);
            return existed;
        });
    }

    /**
     * Every variation deleted in this account so far, however it was deleted (a {@code PUT} or
     * {@code PATCH} with {@code variacoes} that left it out, a {@code DELETE} of it or of its
     * parent), in order: the ids.
     *
     * @return the deleted variations' ids
     */
    public List<Long> deletedVariations() {
        return a.locked(() -> a.deletedVariations.stream().map(AccountData.DeletedVariation::id).toList());
    }

    /**
     * The SKUs of the variations deleted so far, in order.
     *
     * @return their codes
     */
    public List<String> deletedVariationCodes() {
        return a.locked(() -> a.deletedVariations.stream().map(AccountData.DeletedVariation::codigo).toList());
    }

    /**
     * Edits a product in place as a person does in Bling's screens (a {@code PATCH} of the fields
     * given); for a variation, {@code variacao.nome} renames its options. Only the product's own
     * change time moves (a variation's parent's does not).
     *
     * @param id    the product or variation
     * @param patch the fields to change, in Bling's shape
     * @throws IllegalArgumentException when there is no such product or Bling refuses the body
     */
    public void editProduct(long id, ObjectNode patch) {
        a.locked(() -> {
            AccountData.Product p = a.products.get(id);
            if (p == null) {
                throw new IllegalArgumentException("no product " + id + " in account " + a.id);
            }
            ObjectNode body = patch.deepCopy();
            com.fasterxml.jackson.databind.JsonNode variacao = body.remove("variacao");
            try {
                Products.write(a, s, s.clock().instant(), Optional.of(p), body, Products.Mode.MERGE);
            } catch (ApiException e) {
                throw new IllegalArgumentException(e.envelope().toString(), e);
            }
            if (variacao != null && p.parentId.isPresent()) {
                p.variation = Json.obj().put("nome", variacao.path("nome").asText(""))
                        .put("ordem", variacao.path("ordem").asLong(p.variation.path("ordem").asLong(0)));
            }
            p.changedAt = s.clock().instant();
            return null;
        });
    }

    /**
     * When the product last changed (what the {@code dataAlteracao} filters use).
     *
     * @param id the product's or variation's id
     * @return the instant; empty when there is no such product
     */
    public Optional<Instant> productChangedAt(long id) {
        return a.locked(() -> Optional.ofNullable(a.products.get(id)).map(p -> p.changedAt));
    }

    /**
     * Product categories as {@code GET /categorias/produtos} returns them ({@code categoriaPai.id} 0 for roots).
     *
     * @return copies of the categories
     */
    public List<ObjectNode> categories() {
        return a.locked(() -> a.categories.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /**
     * Adds a product category.
     *
     * @param descricao the category's name; not blank
     * @param parentId  the parent category's id; 0 for a root
     * @return the new category's id
     * @throws IllegalArgumentException if {@code descricao} is blank or there is no such parent
     */
    public long addCategory(String descricao, long parentId) {
        if (descricao == null || descricao.isBlank()) {
            throw new IllegalArgumentException("descricao must be non-blank");
        }
        return a.locked(() -> {
            if (parentId != 0 && !a.categories.containsKey(parentId)) {
                throw new IllegalArgumentException("no category " + parentId + " in account " + a.id);
            }
            return Catalog.addCategory(a, descricao, parentId);
        });
    }

    /**
     * Category-store links as {@code GET /categorias/lojas} returns them.
     *
     * @return copies of the links
     */
    public List<ObjectNode> categoryStoreLinks() {
        return a.locked(() -> a.categoryStoreLinks.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /**
     * Product-store links as {@code GET /produtos/lojas} returns them (current state, ignoring any visibility delay).
     *
     * @return copies of the links
     */
    public List<ObjectNode> productStoreLinks() {
        return a.locked(() -> a.storeLinks.values().stream().map(l -> l.current().deepCopy()).toList());
    }

    /**
     * Custom fields as {@code GET /campos-customizados/{id}} returns them.
     *
     * @return copies of the fields
     */
    public List<ObjectNode> customFields() {
        return a.locked(() -> a.customFields.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /**
     * Sales channels (stores) as {@code GET /canais-venda/{id}} returns them.
     *
     * @return copies of the channels
     */
    public List<ObjectNode> salesChannels() {
        return a.locked(() -> a.channels.values().stream().map(ObjectNode::deepCopy).toList());
    }

    /**
     * Adds an enabled sales channel, e.g. {@code ("Mercado Livre", "MercadoLivre")}.
     *
     * @param descricao the channel's name; not blank
     * @param tipo      Bling's integration type; not blank
     * @return its id (the {@code idLoja})
     * @throws IllegalArgumentException if {@code descricao} or {@code tipo} is blank
     */
    public long addSalesChannel(String descricao, String tipo) {
        if (descricao == null || descricao.isBlank() || tipo == null || tipo.isBlank()) {
            throw new IllegalArgumentException("descricao and tipo must be non-blank");
        }
        return a.locked(() -> Channels.add(a, descricao, tipo, 1));
    }

    /**
     * Every listing ({@code /anuncios}) of every store, as {@code GET /anuncios/{idAnuncio}} returns
     * it, ascending id.
     *
     * @return the listings
     */
    public List<ObjectNode> listings() {
        return a.locked(() -> a.listings.values().stream().map(l -> Listings.full(a, l)).toList());
    }

    /**
     * Sets a product's stock balance ({@code estoque.saldoVirtualTotal}), which the API cannot write here.
     *
     * @param productId the product's id
     * @param balance   the new balance
     * @throws IllegalArgumentException if there is no such product
     */
    public void setStock(long productId, java.math.BigDecimal balance) {
        a.locked(() -> {
            AccountData.Product p = a.products.get(productId);
            if (p == null) {
                throw new IllegalArgumentException("no product " + productId + " in account " + a.id);
            }
            p.stock = balance;
            return null;
        });
    }

    private static String variationsOf(ObjectNode p) {
        JsonNode vs = p.path("variacoes");
        if (!vs.isArray() || vs.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        vs.forEach(v -> out.add(v.path("codigo").asText() + "{" + v.path("variacao").path("nome").asText() + "}"
                + " gtin=" + v.path("gtin").asText() + " price=" + v.path("preco").asText()));
        return " variations=" + out;
    }

    /**
     * The account as natural keys and values, without ids, one sorted line per item (category
     * path, custom field, product by SKU with its fields and custom values, category and product
     * store links): two accounts that went through different histories are equal here when they
     * hold the same catalog, and a duplicate shows as a repeated line.
     *
     * @return the lines, sorted
     */
    public List<String> contents() {
        Map<Long, ObjectNode> categories = new HashMap<>();
        categories().forEach(c -> categories.put(c.path("id").asLong(), c));
        Map<Long, String> fieldNames = new HashMap<>();
        customFields().forEach(f -> fieldNames.put(f.path("id").asLong(), f.path("nome").asText()));
        Map<Long, String> skus = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (ObjectNode c : categories()) {
            out.add("category " + categoryPath(categories, c.path("id").asLong()));
        }
        fieldNames.values().forEach(n -> out.add("custom field " + n));
        for (ObjectNode p : products()) {
            skus.put(p.path("id").asLong(), p.path("codigo").asText());
            TreeMap<String, List<String>> custom = new TreeMap<>();
            for (JsonNode v : p.path("camposCustomizados")) {
                custom.computeIfAbsent(fieldNames.getOrDefault(v.path("idCampoCustomizado").asLong(), "?"),
                        k -> new ArrayList<>()).add(v.path("valor").asText());
            }
            out.add("product " + p.path("codigo").asText() + " name=" + p.path("nome").asText() + " brand="
                    + p.path("marca").asText() + " gtin=" + p.path("gtin").asText() + " category="
                    + categoryPath(categories, p.path("categoria").path("id").asLong()) + " weight="
                    + p.path("pesoBruto").asText() + " dims=" + p.path("dimensoes").path("largura").asText() + "x"
                    + p.path("dimensoes").path("altura").asText() + "x" + p.path("dimensoes").path("profundidade").asText()
                    + " custom=" + custom + variationsOf(p));
        }
        for (ObjectNode l : categoryStoreLinks()) {
            out.add("category link store=" + l.path("loja").path("id").asLong() + " category="
                    + categoryPath(categories, l.path("categoriaProduto").path("id").asLong()) + " code=" + l.path("codigo").asText());
        }
        for (ObjectNode l : productStoreLinks()) {
            List<String> cats = new ArrayList<>();
            l.path("categoriasProdutos").forEach(c -> cats.add(categoryPath(categories, c.path("id").asLong())));
            out.add("product link store=" + l.path("loja").path("id").asLong() + " product="
                    + skus.getOrDefault(l.path("produto").path("id").asLong(), "#" + l.path("produto").path("id").asLong())
                    + " code=" + l.path("codigo").asText() + " categories=" + cats);
        }
        out.sort(null);
        return out;
    }

    private static String categoryPath(Map<Long, ObjectNode> categories, long id) {
        if (id == 0) {
            return "-";
        }
        List<String> names = new ArrayList<>();
        ObjectNode at = categories.get(id);
        while (at != null) {
            names.add(0, at.path("descricao").asText());
            at = categories.get(at.path("categoriaPai").path("id").asLong(0));
        }
        return names.isEmpty() ? "#" + id : String.join(" > ", names);
    }
}
