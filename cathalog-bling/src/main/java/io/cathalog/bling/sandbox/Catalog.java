package io.cathalog.bling.sandbox;

import static io.cathalog.bling.sandbox.Shape.ID_REF;
import static io.cathalog.bling.sandbox.Shape.NUM;
import static io.cathalog.bling.sandbox.Shape.STR;
import static io.cathalog.bling.sandbox.Shape.arr;
import static io.cathalog.bling.sandbox.Shape.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.AccountData.StoreLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code /categorias/produtos}, {@code /categorias/lojas} and {@code /produtos/lojas}. */
final class Catalog {
    private static final String NS_CAT = "CATEGORIAS";
    private static final String NS_LINK = "PRODUTOS_LOJAS";

    private static final Shape.Obj CATEGORY_IN = obj("descricao", STR, "categoriaPai", ID_REF);
    private static final Shape.Obj CATEGORY_STORE_IN = obj("loja", ID_REF, "descricao", STR, "codigo", STR,
            "categoriaProduto", ID_REF);
    private static final Shape.Obj STORE_LINK_IN = obj("codigo", STR, "preco", NUM, "precoPromocional", NUM,
            "produto", ID_REF, "loja", ID_REF, "fornecedorLoja", ID_REF, "marcaLoja", ID_REF,
            "categoriasProdutos", arr(ID_REF));

    private Catalog() {
    }

    // ------------------------------------------------------------ /categorias/produtos

    static ObjectNode category(long id, String descricao, long parent) {
        ObjectNode n = Json.obj().put("id", id).put("descricao", descricao);
        n.set("categoriaPai", Json.idRef(parent));
        return n;
    }

    static ApiResponse listCategories(Call c) {
        ArrayNode data = Json.arr();
        c.page().slice(new ArrayList<>(c.acct().categories.values())).forEach(n -> data.add(n.deepCopy()));
        return ApiResponse.ok(data);
    }

    static ApiResponse getCategory(Call c) {
        return ApiResponse.ok(requireCategory(c.acct(), c.pathId("idCategoriaProduto")).deepCopy());
    }

    private static ObjectNode requireCategory(AccountData a, long id) {
        ObjectNode n = a.categories.get(id);
        if (n == null) {
            throw ApiException.notFound("A categoria " + id + " não foi encontrada.");
        }
        return n;
    }

    static ApiResponse createCategory(Call c) {
        AccountData a = c.acct();
        ObjectNode in = sanitize(CATEGORY_IN, c.objectBody(), NS_CAT);
        String descricao = requireText(in, "descricao", NS_CAT);
        long parent = in.path("categoriaPai").path("id").asLong(0);
        if (parent != 0 && !a.categories.containsKey(parent)) {
            throw ApiException.field("categoriaPai.id", NS_CAT, "A categoria pai " + parent + " não existe.");
        }
        return ApiResponse.created(Json.idRef(addCategory(a, descricao, parent)));
    }

    static long addCategory(AccountData a, String descricao, long parent) {
        long id = Ids.next(a.ids.category);
        a.categories.put(id, category(id, descricao, parent));
        return id;
    }

    static ApiResponse updateCategory(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idCategoriaProduto");
        ObjectNode current = requireCategory(a, id);
        ObjectNode body = c.objectBody();
        ObjectNode in = sanitize(CATEGORY_IN, body, NS_CAT);
        String descricao = requireText(in, "descricao", NS_CAT);
        long parent = current.path("categoriaPai").path("id").asLong(0);
        if (in.has("categoriaPai")) {
            long asked = in.path("categoriaPai").path("id").asLong(0);
            switch (c.settings().categoryParentOnPut()) {
                case IGNORE -> {
                    // Bling's PUT schema has only descricao: a parent sent here changes nothing.
                }
                case REJECT -> throw ApiException.field("categoriaPai", NS_CAT,
                        "categoriaPai não pode ser alterada por PUT.");
                case APPLY -> {
                    if (asked != 0 && (!a.categories.containsKey(asked) || isDescendant(a, asked, id))) {
                        throw ApiException.field("categoriaPai.id", NS_CAT, "Categoria pai inválida: " + asked);
                    }
                    parent = asked;
                }
            }
        }
        a.categories.put(id, category(id, descricao, parent));
        return ApiResponse.noContent();
    }

    private static boolean isDescendant(AccountData a, long candidate, long ancestor) {
        long cur = candidate;
        for (int guard = 0; cur != 0 && guard < 10_000; guard++) {
            if (cur == ancestor) {
                return true;
            }
            ObjectNode n = a.categories.get(cur);
            cur = n == null ? 0 : n.path("categoriaPai").path("id").asLong(0);
        }
        return false;
    }

    static ApiResponse deleteCategory(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idCategoriaProduto");
        requireCategory(a, id);
        boolean hasChildren = a.categories.values().stream().anyMatch(n -> n.path("categoriaPai").path("id").asLong() == id);
        if (hasChildren) {
            throw ApiException.validation("A categoria " + id + " possui subcategorias e não pode ser excluída.");
        }
        boolean hasProducts = a.products.values().stream().anyMatch(p -> p.categoryId() == id);
        if (hasProducts) {
            throw ApiException.validation("A categoria " + id + " possui produtos vinculados e não pode ser excluída.");
        }
        a.categories.remove(id);
        a.categoryStoreLinks.values().removeIf(n -> n.path("categoriaProduto").path("id").asLong() == id);
        return ApiResponse.noContent();
    }

    // ------------------------------------------------------------ /categorias/lojas

    static ApiResponse listCategoryStoreLinks(Call c) {
        AccountData a = c.acct();
        OptionalLong loja = c.longParam("idLoja");
        OptionalLong cat = c.longParam("idCategoriaProduto");
        OptionalLong parent = c.longParam("idCategoriaProdutoPai");
        List<ObjectNode> all = a.categoryStoreLinks.values().stream()
                .filter(n -> loja.isEmpty() || n.path("loja").path("id").asLong() == loja.getAsLong())
                .filter(n -> cat.isEmpty() || n.path("categoriaProduto").path("id").asLong() == cat.getAsLong())
                .filter(n -> parent.isEmpty() || Optional.ofNullable(a.categories.get(n.path("categoriaProduto").path("id").asLong()))
                        .map(k -> k.path("categoriaPai").path("id").asLong() == parent.getAsLong()).orElse(false))
                .toList();
        ArrayNode data = Json.arr();
        c.page().slice(all).forEach(n -> data.add(n.deepCopy()));
        return ApiResponse.ok(data);
    }

    static ApiResponse getCategoryStoreLink(Call c) {
        return ApiResponse.ok(requireCategoryStoreLink(c.acct(), c.pathId("idCategoriaLoja")).deepCopy());
    }

    private static ObjectNode requireCategoryStoreLink(AccountData a, long id) {
        ObjectNode n = a.categoryStoreLinks.get(id);
        if (n == null) {
            throw ApiException.notFound("O vínculo de categoria com loja " + id + " não foi encontrado.");
        }
        return n;
    }

    static ApiResponse createCategoryStoreLink(Call c) {
        AccountData a = c.acct();
        ObjectNode n = validCategoryStoreLink(a, c.objectBody());
        long id = Ids.next(a.ids.categoryStoreLink);
        a.categoryStoreLinks.put(id, withId(id, n));
        return ApiResponse.created(Json.idRef(id));
    }

    static ApiResponse updateCategoryStoreLink(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idCategoriaLoja");
        requireCategoryStoreLink(a, id);
        a.categoryStoreLinks.put(id, withId(id, validCategoryStoreLink(a, c.objectBody())));
        return ApiResponse.noContent();
    }

    static ApiResponse deleteCategoryStoreLink(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idCategoriaLoja");
        requireCategoryStoreLink(a, id);
        a.categoryStoreLinks.remove(id);
        return ApiResponse.noContent();
    }

    static ObjectNode validCategoryStoreLink(AccountData a, ObjectNode body) {
        ObjectNode in = sanitize(CATEGORY_STORE_IN, body, NS_CAT);
        List<FieldError> missing = new ArrayList<>();
        for (String f : List.of("loja", "descricao", "codigo", "categoriaProduto")) {
            boolean absent = switch (f) {
                case "loja", "categoriaProduto" -> in.path(f).path("id").asLong(0) == 0;
                default -> in.path(f).asText("").isBlank();
            };
            if (absent) {
                missing.add(new FieldError(ApiException.codeFor(f), "O campo " + f + " é obrigatório.", f, NS_CAT));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.missingFields(missing);
        }
        long loja = in.path("loja").path("id").asLong();
        if (!a.channels.containsKey(loja)) {
            throw ApiException.field("loja.id", NS_CAT, "A loja " + loja + " não existe.");
        }
        long cat = in.path("categoriaProduto").path("id").asLong();
        if (!a.categories.containsKey(cat)) {
            throw ApiException.field("categoriaProduto.id", NS_CAT, "A categoria " + cat + " não existe.");
        }
        return in;
    }

    private static ObjectNode withId(long id, ObjectNode n) {
        ObjectNode out = Json.obj().put("id", id);
        out.setAll(n);
        return out;
    }

    // ------------------------------------------------------------ /produtos/lojas

    static ApiResponse listStoreLinks(Call c) {
        AccountData a = c.acct();
        OptionalLong produto = c.longParam("idProduto");
        OptionalLong loja = c.longParam("idLoja");
        OptionalLong cat = c.longParam("idCategoriaProduto");
        Optional<Instant[]> changed = Products.window(c, "dataAlteracaoInicial", "dataAlteracaoFinal");
        List<ObjectNode> all = new ArrayList<>();
        for (StoreLink l : a.storeLinks.values()) {
            Optional<ObjectNode> v = l.visible(c.now());
            if (v.isEmpty()) {
                continue;
            }
            ObjectNode n = v.get();
            if (produto.isPresent() && n.path("produto").path("id").asLong() != produto.getAsLong()) {
                continue;
            }
            if (loja.isPresent() && n.path("loja").path("id").asLong() != loja.getAsLong()) {
                continue;
            }
            if (cat.isPresent()) {
                boolean has = false;
                for (JsonNode k : n.path("categoriasProdutos")) {
                    has |= k.path("id").asLong() == cat.getAsLong();
                }
                if (!has) {
                    continue;
                }
            }
            if (changed.isPresent()) {
                Instant t = Instant.ofEpochSecond(l.changedAt.getEpochSecond());
                if (t.isBefore(changed.get()[0]) || t.isAfter(changed.get()[1])) {
                    continue;
                }
            }
            all.add(n);
        }
        ArrayNode data = Json.arr();
        c.page().slice(all).forEach(n -> data.add(n.deepCopy()));
        return ApiResponse.ok(data);
    }

    static ApiResponse getStoreLink(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idProdutoLoja");
        StoreLink l = a.storeLinks.get(id);
        Optional<ObjectNode> v = l == null ? Optional.empty() : l.visible(c.now());
        return ApiResponse.ok(v.orElseThrow(() -> ApiException.notFound("O vínculo de produto com loja " + id
                + " não foi encontrado.")).deepCopy());
    }

    static ApiResponse createStoreLink(Call c) {
        AccountData a = c.acct();
        ObjectNode n = validStoreLink(a, c.settings(), c.objectBody(), Optional.empty());
        long id = Ids.next(a.ids.storeLink);
        ObjectNode stored = withId(id, n);
        StoreLink l = new StoreLink(id, stored, c.now());
        l.visibleFrom = c.now().plus(c.settings().storeLinkVisibilityDelay());
        a.addStoreLink(l);
        return ApiResponse.created(linkResponse(stored));
    }

    static ApiResponse replaceStoreLink(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idProdutoLoja");
        StoreLink l = a.storeLinks.get(id);
        if (l == null) {
            throw ApiException.notFound("O vínculo de produto com loja " + id + " não foi encontrado.");
        }
        ObjectNode stored = withId(id, validStoreLink(a, c.settings(), c.objectBody(), Optional.of(id)));
        l.previous = l.visible(c.now());
        a.setStoreLink(l, stored);
        l.changedAt = c.now();
        l.visibleFrom = c.now().plus(c.settings().storeLinkVisibilityDelay());
        return ApiResponse.ok(linkResponse(stored));
    }

    static ApiResponse deleteStoreLink(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idProdutoLoja");
        if (!a.removeStoreLink(id)) {
            throw ApiException.notFound("O vínculo de produto com loja " + id + " não foi encontrado.");
        }
        return ApiResponse.noContent();
    }

    private static ObjectNode linkResponse(ObjectNode stored) {
        ObjectNode data = Json.obj().put("id", stored.get("id").asLong());
        data.set("categoriasProdutos", stored.get("categoriasProdutos").deepCopy());
        return data;
    }

    /**
     * Validates a link body. {@code categoriasProdutos} may be an object or an array (the spec has
     * both); ids that do not resolve are silently not linked, and the response lists only those
     * linked, as Bling's "vinculada com sucesso" describes.
     */
    static ObjectNode validStoreLink(AccountData a, Settings s, ObjectNode body, Optional<Long> self) {
        ObjectNode copy = body.deepCopy();
        if (copy.get("categoriasProdutos") instanceof ObjectNode single) {
            copy.set("categoriasProdutos", Json.arr().add(single));
        }
        ObjectNode in = sanitize(STORE_LINK_IN, copy, NS_LINK);
        List<FieldError> missing = new ArrayList<>();
        if (in.path("codigo").asText("").isBlank()) {
            missing.add(new FieldError(ApiException.codeFor("codigo"), "O campo codigo é obrigatório.", "codigo", NS_LINK));
        }
        for (String f : List.of("produto", "loja")) {
            if (in.path(f).path("id").asLong(0) == 0) {
                missing.add(new FieldError(ApiException.codeFor(f), "O campo " + f + ".id é obrigatório.", f + ".id", NS_LINK));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.missingFields(missing);
        }
        long produto = in.path("produto").path("id").asLong();
        long loja = in.path("loja").path("id").asLong();
        if (!a.products.containsKey(produto)) {
            throw ApiException.field("produto.id", NS_LINK, "O produto " + produto + " não existe.");
        }
        if (!a.channels.containsKey(loja)) {
            throw ApiException.field("loja.id", NS_LINK, "A loja " + loja + " não existe.");
        }
        for (StoreLink other : a.storeLinksOf(produto)) {
            if (other.storeId() == loja && !self.equals(Optional.of(other.id))) {
                throw ApiException.field("produto.id", NS_LINK, "O produto " + produto + " já está vinculado à loja "
                        + loja + " (vínculo " + other.id + ").");
            }
        }
        ArrayNode linked = Json.arr();
        for (JsonNode k : in.path("categoriasProdutos")) {
            long id = k.path("id").asLong(0);
            boolean ok = switch (s.storeLinkCategoryId()) {
                case PRODUCT_CATEGORY -> a.categories.containsKey(id);
                case CATEGORY_STORE_LINK -> Optional.ofNullable(a.categoryStoreLinks.get(id))
                        .map(n -> n.path("loja").path("id").asLong() == loja).orElse(false);
            };
            if (ok) {
                linked.add(Json.idRef(id));
            }
        }
        ObjectNode out = Json.obj().put("codigo", in.get("codigo").asText());
        out.set("preco", in.has("preco") ? in.get("preco") : Json.F.numberNode(java.math.BigDecimal.ZERO));
        out.set("precoPromocional", in.has("precoPromocional") ? in.get("precoPromocional")
                : Json.F.numberNode(java.math.BigDecimal.ZERO));
        out.set("produto", Json.idRef(produto));
        out.set("loja", Json.idRef(loja));
        out.set("fornecedorLoja", Json.idRef(in.path("fornecedorLoja").path("id").asLong(0)));
        out.set("marcaLoja", Json.idRef(in.path("marcaLoja").path("id").asLong(0)));
        out.set("categoriasProdutos", linked);
        return out;
    }

    // ------------------------------------------------------------ helpers

    static ObjectNode sanitize(Shape.Obj shape, ObjectNode body, String ns) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode in = shape.sanitize(body, "", ns, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation("O registro não pode ser salvo, pois ocorreram problemas em sua validação.",
                    errors);
        }
        return in;
    }

    static String requireText(ObjectNode in, String field, String ns) {
        String v = in.path(field).asText("");
        if (v.isBlank()) {
            throw ApiException.missingFields(List.of(new FieldError(ApiException.codeFor(field),
                    "O campo " + field + " é obrigatório.", field, ns)));
        }
        return v;
    }
}
