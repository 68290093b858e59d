package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogConformanceTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private BlingSandbox sandbox;
    private Api api;

    private void start(BlingSandbox.Builder b) {
        sandbox = b.clock(clock).rateLimits(false).start();
        api = Api.forDemo(sandbox);
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private long id(Api.Resp r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.data().get("id").asLong();
    }

    @Test
    void productCategoriesCrud() {
        start(BlingSandbox.builder());
        long root = id(api.post("/categorias/produtos", "{\"descricao\":\"Eletrônicos\"}"));
        long child = id(api.post("/categorias/produtos", "{\"descricao\":\"Fones\",\"categoriaPai\":{\"id\":" + root + "}}"));
        JsonNode got = api.get("/categorias/produtos/" + child).data();
        assertThat(got.get("descricao").asText()).isEqualTo("Fones");
        assertThat(got.get("categoriaPai").get("id").asLong()).isEqualTo(root);
        assertThat(api.get("/categorias/produtos/" + root).data().get("categoriaPai").get("id").asLong()).isZero();
        assertThat(api.get("/categorias/produtos").data()).hasSize(2);
        assertThat(api.get("/categorias/produtos?limite=1&pagina=2").data().get(0).get("id").asLong()).isEqualTo(child);

        // PUT carries only descricao; a categoriaPai sent here is ignored by default (open question 16).
        long other = id(api.post("/categorias/produtos", "{\"descricao\":\"Casa\"}"));
        Api.Resp put = api.put("/categorias/produtos/" + child, "{\"descricao\":\"Fones de Ouvido\",\"categoriaPai\":{\"id\":" + other + "}}");
        assertThat(put.status()).isEqualTo(204);
        assertThat(put.body()).isEmpty();
        got = api.get("/categorias/produtos/" + child).data();
        assertThat(got.get("descricao").asText()).isEqualTo("Fones de Ouvido");
        assertThat(got.get("categoriaPai").get("id").asLong()).isEqualTo(root);

        assertThat(api.post("/categorias/produtos", "{\"categoriaPai\":{\"id\":" + root + "}}").status()).isEqualTo(400);
        assertThat(api.post("/categorias/produtos", "{\"descricao\":\"X\",\"categoriaPai\":{\"id\":1}}").status()).isEqualTo(400);
        assertThat(api.send("PATCH", "/categorias/produtos/" + child, "{\"descricao\":\"x\"}").status()).isEqualTo(405);

        Api.Resp withChildren = api.delete("/categorias/produtos/" + root);
        assertThat(withChildren.status()).isEqualTo(400);
        assertThat(withChildren.error().get("type").asText()).isEqualTo("VALIDATION_ERROR");
        long product = id(api.post("/produtos", "{\"nome\":\"Fone\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\","
                + "\"categoria\":{\"id\":" + child + "}}"));
        assertThat(api.delete("/categorias/produtos/" + child).status()).isEqualTo(400);
        assertThat(api.delete("/produtos/" + product).status()).isEqualTo(204);
        assertThat(api.delete("/categorias/produtos/" + child).status()).isEqualTo(204);
        assertThat(api.delete("/categorias/produtos/" + root).status()).isEqualTo(204);
        assertThat(api.get("/categorias/produtos/" + root).status()).isEqualTo(404);
    }

    @Test
    void categoryParentOnPutCanBeApplied() {
        start(BlingSandbox.builder().categoryParentOnPut(BlingSandbox.CategoryParentOnPut.APPLY));
        long a = id(api.post("/categorias/produtos", "{\"descricao\":\"A\"}"));
        long b = id(api.post("/categorias/produtos", "{\"descricao\":\"B\"}"));
        assertThat(api.put("/categorias/produtos/" + b, "{\"descricao\":\"B\",\"categoriaPai\":{\"id\":" + a + "}}").status())
                .isEqualTo(204);
        assertThat(api.get("/categorias/produtos/" + b).data().get("categoriaPai").get("id").asLong()).isEqualTo(a);
        assertThat(api.put("/categorias/produtos/" + a, "{\"descricao\":\"A\",\"categoriaPai\":{\"id\":" + b + "}}").status())
                .as("a cycle").isEqualTo(400);
    }

    @Test
    void categoryStoreLinksRequireAllFourFieldsAndFilter() {
        start(BlingSandbox.builder());
        long loja = sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre");
        long root = id(api.post("/categorias/produtos", "{\"descricao\":\"Eletrônicos\"}"));
        long cat = id(api.post("/categorias/produtos", "{\"descricao\":\"Celulares\",\"categoriaPai\":{\"id\":" + root + "}}"));
        Api.Resp missing = api.post("/categorias/lojas", "{\"loja\":{\"id\":" + loja + "},\"descricao\":\"Celulares\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error().get("fields").findValuesAsText("element")).containsExactlyInAnyOrder("codigo", "categoriaProduto");
        String body = "{\"loja\":{\"id\":" + loja + "},\"descricao\":\"Celulares\",\"codigo\":\"MLB1055\",\"categoriaProduto\":{\"id\":" + cat + "}}";
        long link = id(api.post("/categorias/lojas", body));
        long dup = id(api.post("/categorias/lojas", body));
        assertThat(dup).isNotEqualTo(link);
        JsonNode got = api.get("/categorias/lojas/" + link).data();
        assertThat(got.fieldNames()).toIterable().containsExactly("id", "loja", "descricao", "codigo", "categoriaProduto");
        assertThat(api.get("/categorias/lojas?idLoja=" + loja).data()).hasSize(2);
        assertThat(api.get("/categorias/lojas?idCategoriaProduto=" + cat).data()).hasSize(2);
        assertThat(api.get("/categorias/lojas?idCategoriaProdutoPai=" + root).data()).hasSize(2);
        assertThat(api.get("/categorias/lojas?idCategoriaProdutoPai=" + cat).data()).isEmpty();
        assertThat(api.put("/categorias/lojas/" + link, body.replace("MLB1055", "MLB1051")).status()).isEqualTo(204);
        assertThat(api.get("/categorias/lojas/" + link).data().get("codigo").asText()).isEqualTo("MLB1051");
        assertThat(api.put("/categorias/lojas/" + link, "{\"descricao\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.send("PATCH", "/categorias/lojas/" + link, body).status()).isEqualTo(405);
        assertThat(api.delete("/categorias/lojas/" + dup).status()).isEqualTo(204);
        assertThat(api.get("/categorias/lojas/" + dup).status()).isEqualTo(404);
    }

    @Test
    void productStoreLinksCrudWithoutPatch() {
        start(BlingSandbox.builder());
        long loja = sandbox.account().addSalesChannel("Shopee", "Shopee");
        long cat = id(api.post("/categorias/produtos", "{\"descricao\":\"Celulares\"}"));
        long prod = id(api.post("/produtos", Api.productJson("Celular", "CEL-1")));
        Api.Resp missing = api.post("/produtos/lojas", "{\"preco\":10}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error().get("fields").findValuesAsText("element")).containsExactlyInAnyOrder("codigo", "produto.id", "loja.id");

        // categoriasProdutos as an object (one spec schema) is accepted and answered as an array.
        Api.Resp created = api.post("/produtos/lojas", "{\"codigo\":\"SHP-1\",\"preco\":25.99,\"produto\":{\"id\":" + prod
                + "},\"loja\":{\"id\":" + loja + "},\"categoriasProdutos\":{\"id\":" + cat + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long link = created.data().get("id").asLong();
        assertThat(created.data().get("categoriasProdutos").get(0).get("id").asLong()).isEqualTo(cat);
        JsonNode got = api.get("/produtos/lojas/" + link).data();
        assertThat(got.get("codigo").asText()).isEqualTo("SHP-1");
        assertThat(got.get("produto").get("id").asLong()).isEqualTo(prod);
        assertThat(api.get("/produtos/lojas?idProduto=" + prod).data()).hasSize(1);
        assertThat(api.get("/produtos/lojas?idLoja=" + loja + "&idCategoriaProduto=" + cat).data()).hasSize(1);
        assertThat(api.get("/produtos?idLoja=" + loja).data()).hasSize(1);
        assertThat(api.post("/produtos/lojas", "{\"codigo\":\"SHP-2\",\"produto\":{\"id\":" + prod + "},\"loja\":{\"id\":"
                + loja + "}}").status()).as("second link for the same product and store").isEqualTo(400);

        // PUT replaces: preco omitted is reset; an unknown category is not linked and not echoed.
        Api.Resp put = api.put("/produtos/lojas/" + link, "{\"codigo\":\"SHP-1B\",\"produto\":{\"id\":" + prod
                + "},\"loja\":{\"id\":" + loja + "},\"categoriasProdutos\":[{\"id\":" + cat + "},{\"id\":99}]}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.data().get("categoriasProdutos").findValuesAsText("id")).containsExactly(String.valueOf(cat));
        got = api.get("/produtos/lojas/" + link).data();
        assertThat(got.get("codigo").asText()).isEqualTo("SHP-1B");
        assertThat(got.get("preco").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.send("PATCH", "/produtos/lojas/" + link, "{\"codigo\":\"x\"}").status()).isEqualTo(405);
        assertThat(api.delete("/produtos/lojas/" + link).status()).isEqualTo(204);
        assertThat(api.get("/produtos/lojas/" + link).status()).isEqualTo(404);
    }

    @Test
    void storeLinkCategoryIdCanMeanTheCategoryStoreLink() {
        start(BlingSandbox.builder().storeLinkCategoryId(BlingSandbox.StoreLinkCategoryId.CATEGORY_STORE_LINK));
        long loja = sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre");
        long cat = id(api.post("/categorias/produtos", "{\"descricao\":\"Celulares\"}"));
        long catLink = id(api.post("/categorias/lojas", "{\"loja\":{\"id\":" + loja + "},\"descricao\":\"Celulares\","
                + "\"codigo\":\"MLB1055\",\"categoriaProduto\":{\"id\":" + cat + "}}"));
        long prod = id(api.post("/produtos", Api.productJson("Celular", "CEL-1")));
        Api.Resp r = api.post("/produtos/lojas", "{\"codigo\":\"MLB9\",\"produto\":{\"id\":" + prod + "},\"loja\":{\"id\":" + loja
                + "},\"categoriasProdutos\":[{\"id\":" + cat + "},{\"id\":" + catLink + "}]}");
        assertThat(r.data().get("categoriasProdutos").findValuesAsText("id")).containsExactly(String.valueOf(catLink));
    }

    @Test
    void storeLinkChangesCanBecomeVisibleLate() {
        start(BlingSandbox.builder().storeLinkVisibilityDelay(Duration.ofSeconds(5)));
        long loja = sandbox.account().addSalesChannel("Shopee", "Shopee");
        long prod = id(api.post("/produtos", Api.productJson("Celular", "CEL-1")));
        long link = id(api.post("/produtos/lojas", "{\"codigo\":\"A\",\"produto\":{\"id\":" + prod + "},\"loja\":{\"id\":" + loja + "}}"));
        assertThat(api.get("/produtos/lojas/" + link).status()).isEqualTo(404);
        clock.advance(Duration.ofSeconds(5));
        assertThat(api.get("/produtos/lojas/" + link).data().get("codigo").asText()).isEqualTo("A");
        api.put("/produtos/lojas/" + link, "{\"codigo\":\"B\",\"produto\":{\"id\":" + prod + "},\"loja\":{\"id\":" + loja + "}}");
        assertThat(api.get("/produtos/lojas/" + link).data().get("codigo").asText()).isEqualTo("A");
        clock.advance(Duration.ofSeconds(5));
        assertThat(api.get("/produtos/lojas?idProduto=" + prod).data().get(0).get("codigo").asText()).isEqualTo("B");
    }

    @Test
    void customFieldsEndpoints() {
        start(BlingSandbox.builder());
        JsonNode modules = api.get("/campos-customizados/modulos").data();
        assertThat(modules.findValuesAsText("modulo")).contains("Produtos");
        assertThat(modules.get(0).get("permissoes").get(0).get("autorizado").asBoolean()).isTrue();
        assertThat(api.get("/campos-customizados/tipos").data().findValuesAsText("nome")).contains("Inteiro", "Lista");

        Api.Resp created = api.post("/campos-customizados", "{\"nome\":\"Voltagem\",\"situacao\":1,\"obrigatorio\":true,"
                + "\"opcoes\":[{\"nome\":\"110V\"},{\"nome\":\"220V\"}],\"modulo\":{\"id\":" + CustomFields.PRODUCTS_MODULE
                + "},\"tipoCampo\":{\"id\":" + CustomFields.TYPE_LIST + "}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().fieldNames()).toIterable().containsExactly("id", "idsVinculosAgrupadores", "idsOpcoes");
        assertThat(created.data().get("idsOpcoes")).hasSize(2);
        long id = created.data().get("id").asLong();
        JsonNode got = api.get("/campos-customizados/" + id).data();
        assertThat(got.get("nome").asText()).isEqualTo("Voltagem");
        assertThat(got.get("situacao").asInt()).isEqualTo(1);
        assertThat(got.get("tipoCampo").get("id").asLong()).isEqualTo(CustomFields.TYPE_LIST);
        assertThat(api.get("/campos-customizados/modulos/" + CustomFields.PRODUCTS_MODULE).data().get(0).fieldNames())
                .toIterable().containsExactly("id", "nome", "situacao");

        // PUT ignores nome, and keeps module and type.
        Api.Resp put = api.put("/campos-customizados/" + id, "{\"nome\":\"Outro\",\"placeholder\":\"Escolha\",\"opcoes\":[{\"nome\":\"Bivolt\"}]}");
        assertThat(put.status()).isEqualTo(200);
        got = api.get("/campos-customizados/" + id).data();
        assertThat(got.get("nome").asText()).isEqualTo("Voltagem");
        assertThat(got.get("placeholder").asText()).isEqualTo("Escolha");
        assertThat(got.get("opcoes").findValuesAsText("nome")).containsExactly("Bivolt");

        assertThat(api.patch("/campos-customizados/" + id + "/situacoes", "{\"situacao\":0}").status()).isEqualTo(204);
        assertThat(api.get("/campos-customizados/" + id).data().get("situacao").asInt()).isZero();
        assertThat(api.patch("/campos-customizados/" + id + "/situacoes", "{\"situacao\":\"A\"}").status()).isEqualTo(400);
        assertThat(api.post("/campos-customizados", "{\"nome\":\"Sem módulo\"}").status()).isEqualTo(400);
        assertThat(api.delete("/campos-customizados/" + id).status()).isEqualTo(204);
        assertThat(api.get("/campos-customizados/" + id).status()).isEqualTo(404);
    }

    @Test
    void salesChannelsAndCompany() {
        start(BlingSandbox.builder().seedDemo());
        JsonNode channels = api.get("/canais-venda").data();
        assertThat(channels.findValuesAsText("tipo")).containsExactly("MercadoLivre", "Shopee");
        assertThat(channels.get(0).fieldNames()).toIterable().containsExactly("id", "descricao", "tipo", "situacao");
        assertThat(api.get("/canais-venda?tipos[]=Shopee").data()).hasSize(1);
        assertThat(api.get("/canais-venda?agrupador=3&situacao=1").data()).hasSize(2);
        assertThat(api.get("/canais-venda?agrupador=1").data()).isEmpty();
        long id = channels.get(0).get("id").asLong();
        assertThat(api.get("/canais-venda/" + id).data().get("filiais")).hasSize(1);
        assertThat(api.get("/canais-venda/1").status()).isEqualTo(404);
        assertThat(api.get("/canais-venda/tipos?agrupador=3").data().findValuesAsText("tipo")).contains("MercadoLivre", "Shopee");
        JsonNode company = api.get("/empresas/me/dados-basicos").data();
        assertThat(company.get("id").asText()).isEqualTo(BlingSandbox.DEFAULT_ACCOUNT_ID);
        assertThat(company.fieldNames()).toIterable().containsExactly("id", "nome", "cnpj", "email", "dataContrato");
    }

    @Test
    void unknownPropertiesAndEnumValuesCanBeInjected() {
        start(BlingSandbox.builder().unknownResponseProperties(true).unknownEnumValues(true));
        long id = id(api.post("/produtos", Api.productJson("P", "P1")));
        JsonNode p = api.get("/produtos/" + id).data();
        assertThat(p.has("campoNovoDoBling")).isTrue();
        assertThat(p.get("dimensoes").has("campoNovoDoBling")).isTrue();
        assertThat(p.get("tipoProducao").asText()).isEqualTo("X");
        // Stored data is untouched: a direct read shows the real value.
        assertThat(sandbox.account().product(id).orElseThrow().get("tipoProducao").asText()).isEqualTo("P");
    }
}
