package io.cathalog.bling.sandbox;

import static io.cathalog.bling.sandbox.Shape.BOOL;
import static io.cathalog.bling.sandbox.Shape.ID_REF;
import static io.cathalog.bling.sandbox.Shape.INT;
import static io.cathalog.bling.sandbox.Shape.NUM;
import static io.cathalog.bling.sandbox.Shape.STR;
import static io.cathalog.bling.sandbox.Shape.arr;
import static io.cathalog.bling.sandbox.Shape.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.MarketplaceTrees.Attribute;
import io.cathalog.bling.sandbox.MarketplaceTrees.Category;
import io.cathalog.bling.sandbox.MarketplaceTrees.Tree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code /anuncios} and {@code /anuncios/categorias}: the marketplace categories of each
 * integration type ({@link MarketplaceTrees}) and the account's listings per store, with their
 * situation. Where the spec is silent the choice is the strictest plausible one, listed in
 * {@code docs/sandbox.md} ("Listings (anúncios), issue 18").
 */
final class Listings {
    static final String NS = "ANUNCIOS";
    static final Set<String> SCOPE_PARAMS = Set.of("tipoIntegracao", "idLoja");
    static final int PUBLISHED = 1;
    static final int DRAFT = 2;
    static final int PAUSED = 4;

    private static final Shape.Obj BASE_FIELDS = obj("produto", ID_REF, "integracao", obj("tipo", STR), "loja", ID_REF,
            "nome", STR, "descricao", STR, "preco", obj("valor", NUM, "promocional", NUM), "anuncioLoja", ID_REF,
            "estoques", obj("gerencia", BOOL, "itens", arr(INT)), "categoria", obj("id", STR),
            "atributos", arr(obj("id", STR, "valor", STR)), "imagens", arr(obj("url", STR, "ordem", INT)),
            "mercadoLivre", obj("modalidade", STR, "catalogo", ID_REF, "grade", ID_REF,
                    "frete", obj("gratis", BOOL, "tipo", INT), "produtoUsuario", obj("id", INT, "ativo", BOOL)));
    static final Shape.Obj IN = obj("produto", ID_REF, "integracao", obj("tipo", STR), "loja", ID_REF,
            "nome", STR, "descricao", STR, "preco", obj("valor", NUM, "promocional", NUM), "anuncioLoja", ID_REF,
            "estoques", obj("gerencia", BOOL, "itens", arr(INT)), "categoria", obj("id", STR),
            "atributos", arr(obj("id", STR, "valor", STR)), "imagens", arr(obj("url", STR, "ordem", INT)),
            "mercadoLivre", obj("modalidade", STR, "catalogo", ID_REF, "grade", ID_REF,
                    "frete", obj("gratis", BOOL, "tipo", INT), "produtoUsuario", obj("id", INT, "ativo", BOOL)),
            "variacoes", arr(BASE_FIELDS));

    /** One listing: what was written (sanitised), where it lives, its situation. */
    static final class Listing {
        final long id;
        final String integration;
        final long storeId;
        ObjectNode body;
        int status = DRAFT;
        Instant changedAt;
        /** The listing's variations: each variation's product id to its id in the listing, in the body's order. */
        Map<Long, Long> variationIds = new LinkedHashMap<>();

        Listing(long id, String integration, long storeId, ObjectNode body, Instant now) {
            this.id = id;
            this.integration = integration;
            this.storeId = storeId;
            this.body = body;
            this.changedAt = now;
        }

        long productId() {
            return body.path("produto").path("id").asLong();
        }
    }

    private Listings() {
    }

    // ------------------------------------------------------------------ categories

    static ApiResponse categories(Call c) {
        Tree tree = tree(c);
        c.param("tipoProduto"); // accepted; the snapshot's categories carry no product type to filter on
        OptionalLong parent = c.longParam("idCategoria");
        if (parent.isPresent() && !tree.byId().containsKey(parent.getAsLong())) {
            throw ApiException.badParameter("idCategoria", "a categoria " + parent.getAsLong()
                    + " não existe na integração " + tree.integration());
        }
        ArrayNode data = Json.arr();
        for (Category cat : tree.children(parent.orElse(0))) {
            data.add(Json.obj().put("id", cat.id()).put("nome", cat.nome()));
        }
        return ApiResponse.ok(data);
    }

    static ApiResponse category(Call c) {
        Tree tree = tree(c);
        long id = c.pathId("idCategoria");
        Category cat = tree.byId().get(id);
        if (cat == null) {
            throw ApiException.notFound("A categoria " + id + " não foi encontrada na integração " + tree.integration()
                    + ".");
        }
        if (!cat.leaf()) {
            throw ApiException.field("idCategoria", NS, "A categoria " + id + " (" + cat.nome()
                    + ") possui subcategorias; anúncios são criados apenas em categorias sem subcategorias.");
        }
        ArrayNode data = Json.arr();
        cat.attributes().forEach(a -> data.add(a.toJson()));
        return ApiResponse.ok(data);
    }

    // ------------------------------------------------------------------ listings

    static ApiResponse list(Call c) {
        Tree tree = tree(c);
        long store = c.longParam("idLoja").getAsLong();
        Call.Page page = c.page();
        // The spec's default situation is 1 (published): a client that wants the others must ask.
        int situacao = c.intParam("situacao", 1, 4).orElse(PUBLISHED);
        OptionalLong product = c.longParam("idProduto");
        List<Listing> all = c.acct().listings.values().stream()
                .filter(l -> l.integration.equals(tree.integration()) && l.storeId == store && l.status == situacao)
                .filter(l -> product.isEmpty() || l.productId() == product.getAsLong())
                .toList();
        ArrayNode data = Json.arr();
        page.slice(all).forEach(l -> data.add(Json.obj().put("id", l.id).put("titulo", title(c.acct(), l))
                .put("situacao", l.status)));
        return ApiResponse.ok(data);
    }

    static ApiResponse get(Call c) {
        Listing l = require(c);
        return ApiResponse.ok(full(c.acct(), l));
    }

    static ApiResponse create(Call c) {
        AccountData a = c.acct();
        Checked in = validate(a, c.objectBody(), null);
        long productId = in.body.path("produto").path("id").asLong();
        if (c.settings().listingRules().secondListing() == ListingRules.SecondListing.REJECT
                && a.listings.values().stream().anyMatch(l -> l.storeId == in.store && l.productId() == productId
                        && l.integration.equals(in.tree.integration()))) {
            throw ApiException.field("produto.id", NS, "O produto " + productId + " já possui um anúncio na loja "
                    + in.store + ".");
        }
        long id = Ids.next(a.ids.listing);
        Listing l = new Listing(id, in.tree.integration(), in.store, in.body, c.now());
        l.variationIds = variationIds(a, in.body, Map.of());
        a.listings.put(id, l);
        ArrayNode variations = Json.arr();
        l.variationIds.values().forEach(variations::add);
        ObjectNode out = Json.obj().put("id", id);
        out.set("idsVariacoes", variations);
        return ApiResponse.created(out);
    }

    static ApiResponse update(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idAnuncio");
        Listing l = a.listings.get(id);
        if (l == null) {
            throw notFound(id);
        }
        Checked in = validate(a, c.objectBody(), l);
        l.body = in.body;
        // The whole body replaces the listing: a variation left out is removed, one kept keeps its id.
        l.variationIds = variationIds(a, in.body, l.variationIds);
        l.changedAt = c.now();
        return ApiResponse.noContent();
    }

    static ApiResponse delete(Call c) {
        Listing l = require(c);
        c.acct().listings.remove(l.id);
        return ApiResponse.noContent();
    }

    static ApiResponse publish(Call c) {
        Listing l = require(c);
        if (l.status == PUBLISHED) {
            if (c.settings().listingRules().repeatedTransition() == ListingRules.RepeatedTransition.IGNORE) {
                return ApiResponse.noContent();
            }
            throw ApiException.validation("O anúncio " + l.id + " já está publicado.");
        }
        l.status = PUBLISHED;
        l.changedAt = c.now();
        return ApiResponse.noContent();
    }

    static ApiResponse pause(Call c) {
        Listing l = require(c);
        if (l.status == PAUSED && c.settings().listingRules().repeatedTransition()
                == ListingRules.RepeatedTransition.IGNORE) {
            return ApiResponse.noContent();
        }
        if (l.status != PUBLISHED) {
            throw ApiException.validation("Apenas anúncios publicados podem ser pausados; o anúncio " + l.id
                    + " está " + situationName(l.status) + ".");
        }
        l.status = PAUSED;
        l.changedAt = c.now();
        return ApiResponse.noContent();
    }

    // ------------------------------------------------------------------ helpers

    /** The integration's tree after checking {@code tipoIntegracao} and {@code idLoja}, both required. */
    private static Tree tree(Call c) {
        List<FieldError> missing = new ArrayList<>();
        for (String name : List.of("tipoIntegracao", "idLoja")) {
            if (c.param(name).filter(v -> !v.isBlank()).isEmpty()) {
                missing.add(new FieldError(ApiException.codeFor(name), "O parâmetro '" + name + "' é obrigatório.",
                        name, ""));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.missingFields(missing);
        }
        String tipo = c.param("tipoIntegracao").orElseThrow();
        long store = c.longParam("idLoja").getAsLong();
        return checkedTree(c.acct(), tipo, store, "tipoIntegracao", "idLoja");
    }

    private static Tree checkedTree(AccountData a, String tipo, long store, String tipoField, String storeField) {
        Tree tree = MarketplaceTrees.of(tipo).orElseThrow(() -> ApiException.badParameter(tipoField,
                "integração desconhecida '" + tipo + "'; aceitas: " + MarketplaceTrees.integrations()));
        ObjectNode channel = a.channels.get(store);
        if (channel == null || !channel.path("tipo").asText().equals(tipo)) {
            throw ApiException.badParameter(storeField, "a loja " + store + " não é uma integração " + tipo
                    + " desta conta");
        }
        if (channel.path("situacao").asInt() != 1) {
            throw ApiException.badParameter(storeField, "a loja " + store + " está desativada");
        }
        return tree;
    }

    private static Listing require(Call c) {
        Tree tree = tree(c);
        long store = c.longParam("idLoja").getAsLong();
        long id = c.pathId("idAnuncio");
        Listing l = c.acct().listings.get(id);
        // A listing of another store or integration is not found through this one.
        if (l == null || l.storeId != store || !l.integration.equals(tree.integration())) {
            throw notFound(id);
        }
        return l;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("O anúncio " + id + " não foi encontrado.");
    }

    private record Checked(Tree tree, long store, ObjectNode body) {
    }

    /**
     * Checks a whole body before anything changes: the spec's required fields, the product, the
     * store of that integration, a leaf category of it, every attribute known to the category and
     * every required one present (each missing one named). An update keeps product and store.
     */
    private static Checked validate(AccountData a, ObjectNode raw, Listing existing) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode body = IN.sanitize(raw, "", NS, errors);
        Products.throwIfAny(errors);
        List<FieldError> missing = new ArrayList<>();
        for (String[] f : new String[][] {{"produto", "id"}, {"integracao", "tipo"}, {"loja", "id"}, {"categoria", "id"}}) {
            JsonNode v = body.path(f[0]).path(f[1]);
            if (v.isMissingNode() || v.asText("").isBlank() || v.isNumber() && v.asLong() <= 0) {
                String element = f[0] + "." + f[1];
                missing.add(new FieldError(ApiException.codeFor(element), "O campo '" + element + "' é obrigatório.",
                        element, NS));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.missingFields(missing);
        }
        long productId = body.path("produto").path("id").asLong();
        String tipo = body.path("integracao").path("tipo").asText();
        long store = body.path("loja").path("id").asLong();
        if (!a.products.containsKey(productId)) {
            throw ApiException.field("produto.id", NS, "O produto " + productId + " não foi encontrado.");
        }
        Tree tree = checkedTree(a, tipo, store, "integracao.tipo", "loja.id");
        if (existing != null && (existing.productId() != productId || existing.storeId != store
                || !existing.integration.equals(tipo))) {
            throw ApiException.field("loja.id", NS, "O produto, a integração e a loja de um anúncio não podem ser"
                    + " alterados.");
        }
        String categoryId = body.path("categoria").path("id").asText();
        Category cat = tree.byMarketplaceId().get(categoryId);
        if (cat == null) {
            throw ApiException.field("categoria.id", NS, "A categoria " + categoryId + " não existe na integração "
                    + tipo + ".");
        }
        if (!cat.leaf()) {
            throw ApiException.field("categoria.id", NS, "A categoria " + categoryId + " (" + cat.nome()
                    + ") possui subcategorias; escolha uma categoria sem subcategorias.");
        }
        Set<String> given = new HashSet<>();
        JsonNode atributos = body.path("atributos");
        for (int i = 0; i < atributos.size(); i++) {
            JsonNode at = atributos.get(i);
            String id = at.path("id").asText("");
            String element = "atributos[" + i + "].id";
            if (cat.attribute(id).isEmpty()) {
                errors.add(new FieldError(ApiException.codeFor(element), "A categoria " + categoryId
                        + " não possui o atributo '" + id + "'.", element, NS));
            } else if (!given.add(id)) {
                errors.add(new FieldError(ApiException.codeFor(element), "O atributo '" + id + "' foi informado"
                        + " mais de uma vez.", element, NS));
            } else if (at.path("valor").asText("").isBlank()) {
                given.remove(id);
            }
        }
        Products.throwIfAny(errors);
        // A family's listing: what its variations give (their color, their GTIN) is not asked of the
        // listing itself; each variation is checked in full below, and one that lacks it is named.
        Set<String> byVariations = givenByAnyVariation(body.path("variacoes"));
        for (Attribute attr : cat.attributes()) {
            // Mercado Livre takes a reason for the absence of a GTIN instead of one.
            boolean satisfied = given.contains(attr.marketplaceId()) || byVariations.contains(attr.marketplaceId())
                    || attr.marketplaceId().equals("GTIN") && given.contains("EMPTY_GTIN_REASON");
            if (attr.obrigatorio() && !satisfied) {
                String element = "atributos." + attr.marketplaceId();
                missing.add(new FieldError(ApiException.codeFor(element), "O atributo obrigatório '" + attr.nome()
                        + "' (" + attr.marketplaceId() + ") da categoria " + categoryId + " não foi informado.",
                        element, NS));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.missingFields(missing);
        }
        validateVariations(a, body, cat, productId, given);
        return new Checked(tree, store, body);
    }

    /**
     * A family's variations ({@code variacoes}, each an {@code AnunciosSaveRequestBase}): each
     * names a variation of the listing's product, at most once, of the same integration and
     * store; its attributes are the category's; the category's required attributes are given by
     * the variation or its listing (a variation's own value over its listing's), each one missing
     * named with the variation. Everything wrong in any variation is reported at once.
     */
    private static void validateVariations(AccountData a, ObjectNode body, Category cat, long productId,
                                           Set<String> parentGiven) {
        JsonNode variacoes = body.path("variacoes");
        if (variacoes.isMissingNode() || variacoes.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        String tipo = body.path("integracao").path("tipo").asText();
        long store = body.path("loja").path("id").asLong();
        for (int i = 0; i < variacoes.size(); i++) {
            JsonNode v = variacoes.get(i);
            String at = "variacoes[" + i + "]";
            long id = v.path("produto").path("id").asLong(0);
            AccountData.Product p = id > 0 ? a.products.get(id) : null;
            if (id <= 0) {
                errors.add(error(at + ".produto.id", "O campo '" + at + ".produto.id' é obrigatório."));
                continue;
            }
            if (p == null || p.parentId.isEmpty() || p.parentId.get() != productId) {
                errors.add(error(at + ".produto.id", "O produto " + id + " não é uma variação do produto "
                        + productId + " do anúncio."));
                continue;
            }
            if (!seen.add(id)) {
                errors.add(error(at + ".produto.id", "A variação " + id + " foi informada mais de uma vez."));
                continue;
            }
            if (v.has("integracao") && !v.path("integracao").path("tipo").asText(tipo).equals(tipo)
                    || v.has("loja") && v.path("loja").path("id").asLong(store) != store) {
                errors.add(error(at + ".loja.id", "A variação " + id + " deve ser da mesma integração e loja do anúncio."));
                continue;
            }
            Set<String> given = new HashSet<>(parentGiven);
            JsonNode atributos = v.path("atributos");
            for (int j = 0; j < atributos.size(); j++) {
                String attr = atributos.get(j).path("id").asText("");
                String element = at + ".atributos[" + j + "].id";
                if (cat.attribute(attr).isEmpty()) {
                    errors.add(error(element, "A categoria " + cat.marketplaceId() + " não possui o atributo '"
                            + attr + "' (variação " + id + ")."));
                } else if (atributos.get(j).path("valor").asText("").isBlank()) {
                    given.remove(attr);
                } else {
                    given.add(attr);
                }
            }
            for (Attribute attr : cat.attributes()) {
                boolean satisfied = given.contains(attr.marketplaceId())
                        || attr.marketplaceId().equals("GTIN") && given.contains("EMPTY_GTIN_REASON");
                if (attr.obrigatorio() && !satisfied) {
                    errors.add(error(at + ".atributos." + attr.marketplaceId(), "O atributo obrigatório '"
                            + attr.nome() + "' (" + attr.marketplaceId() + ") da categoria " + cat.marketplaceId()
                            + " não foi informado na variação " + id + " (" + p.fields().path("codigo").asText("") + ")."));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.missingFields(errors);
        }
    }

    private static Set<String> givenByAnyVariation(JsonNode variacoes) {
        Set<String> any = new HashSet<>();
        for (JsonNode v : variacoes) {
            for (JsonNode at : v.path("atributos")) {
                if (!at.path("valor").asText("").isBlank()) {
                    any.add(at.path("id").asText(""));
                }
            }
        }
        return any;
    }

    private static FieldError error(String element, String message) {
        return new FieldError(ApiException.codeFor(element), message, element, NS);
    }

    /** The variations' ids after a write: one kept for a variation kept, a new one for a new one. */
    private static Map<Long, Long> variationIds(AccountData a, ObjectNode body, Map<Long, Long> had) {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (JsonNode v : body.path("variacoes")) {
            long product = v.path("produto").path("id").asLong();
            Long id = had.get(product);
            out.put(product, id != null ? id : Ids.next(a.ids.listing));
        }
        return out;
    }

    private static String title(AccountData a, Listing l) {
        String nome = l.body.path("nome").asText("");
        if (!nome.isBlank()) {
            return nome;
        }
        AccountData.Product p = a.products.get(l.productId());
        return p == null ? "" : p.fields().path("nome").asText("");
    }

    static ObjectNode full(AccountData a, Listing l) {
        ObjectNode out = Json.obj().put("id", l.id);
        out.putObject("produto").put("id", l.productId());
        out.put("titulo", title(a, l)).put("descricao", l.body.path("descricao").asText(""))
                .put("status", l.status);
        Category cat = MarketplaceTrees.of(l.integration).orElseThrow().byMarketplaceId()
                .get(l.body.path("categoria").path("id").asText());
        ArrayNode atributos = out.putArray("atributos");
        for (JsonNode at : l.body.path("atributos")) {
            String id = at.path("id").asText();
            Attribute spec = cat == null ? null : cat.attribute(id).orElse(null);
            atributos.add(Json.obj().put("id", spec == null ? 0 : spec.blingId()).put("id_externo", id)
                    .put("nome", spec == null ? id : spec.nome()).put("tipo", spec == null ? "string" : spec.tipo())
                    .put("valor", at.path("valor").asText("")).put("unidade", spec == null ? "" : spec.unidadePadrao()));
        }
        ArrayNode imagens = out.putArray("imagens");
        int n = 0;
        for (JsonNode img : l.body.path("imagens")) {
            n++;
            imagens.add(Json.obj().put("id", l.id * 100 + n).put("url", img.path("url").asText(""))
                    .put("ordem", img.path("ordem").asInt(n)).put("tipo", n == 1 ? "principal" : "secundaria"));
        }
        ArrayNode variacoes = out.putArray("variacoes");
        for (JsonNode v : l.body.path("variacoes")) {
            long product = v.path("produto").path("id").asLong();
            Long id = l.variationIds.get(product);
            String nome = v.path("nome").asText("");
            if (nome.isBlank()) {
                AccountData.Product p = a.products.get(product);
                nome = p == null ? "" : p.fields().path("nome").asText("");
            }
            variacoes.add(Json.obj().put("id", id == null ? 0 : id).put("nome", nome));
        }
        return out;
    }

    private static String situationName(int status) {
        return switch (status) {
            case PUBLISHED -> "publicado";
            case DRAFT -> "em rascunho";
            case 3 -> "com problema";
            case PAUSED -> "pausado";
            default -> "na situação " + status;
        };
    }
}
