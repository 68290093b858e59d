package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.core.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductsConformanceTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private BlingSandbox sandbox;
    private Api api;

    @BeforeEach
    void start() {
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false).start();
        api = Api.forDemo(sandbox);
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private long create(String body) {
        Api.Resp r = api.post("/produtos", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.data().get("id").asLong();
    }

    private long customField(String nome, long type, String options) {
        Api.Resp r = api.post("/campos-customizados", "{\"nome\":\"" + nome + "\",\"modulo\":{\"id\":"
                + CustomFields.PRODUCTS_MODULE + "},\"tipoCampo\":{\"id\":" + type + "},\"opcoes\":[" + options + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.data().get("id").asLong();
    }

    @Test
    void createReturns201WithIdAboveIntRangeAndGetReturnsFullProduct() {
        long cat = api.post("/categorias/produtos", "{\"descricao\":\"Eletrônicos\"}").data().get("id").asLong();
        Api.Resp r = api.post("/produtos", "{\"nome\":\"Fone JBL\",\"codigo\":\"FON-1\",\"tipo\":\"P\",\"situacao\":\"A\","
                + "\"formato\":\"S\",\"preco\":199.9,\"marca\":\"JBL\",\"gtin\":\"7891234567895\",\"categoria\":{\"id\":" + cat + "},"
                + "\"dimensoes\":{\"largura\":10,\"altura\":5,\"profundidade\":3,\"unidadeMedida\":\"1\"},"
                + "\"midia\":{\"imagens\":{\"imagensURL\":[{\"link\":\"https://img.example/1.jpg\"}]}}}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.data().fieldNames()).toIterable().containsExactly("id", "variations", "warnings");
        long id = r.data().get("id").asLong();
        assertThat(id).isGreaterThan(Integer.MAX_VALUE);
        JsonNode p = api.get("/produtos/" + id).data();
        assertThat(p.get("id").asLong()).isEqualTo(id);
        assertThat(p.get("nome").asText()).isEqualTo("Fone JBL");
        assertThat(p.get("preco").decimalValue()).isEqualByComparingTo("199.9");
        assertThat(p.get("categoria").get("id").asLong()).isEqualTo(cat);
        assertThat(p.get("dimensoes").get("unidadeMedida").isInt()).isTrue();
        assertThat(p.get("imagemURL").asText()).isEqualTo("https://img.example/1.jpg");
        assertThat(p.get("camposCustomizados").isArray()).isTrue();
        assertThat(p.get("gtinEmbalagem").asText()).isEmpty();
        assertThat(p.get("tipoProducao").asText()).isEqualTo("P");
    }

    /**
     * Issue 19, item 18: the spec gives {@code dataValidade} a date format and {@code actionEstoque},
     * {@code estrutura.tipoEstoque} and {@code estrutura.lancamentoEstoque} enums, so an unset one is
     * left out of the answer (never {@code ""}); a set one is answered, an empty one (Bling's clients
     * send them) clears it, and a value the spec does not allow is refused.
     */
    @Test
    void unsetDatesAndEnumValuesAreLeftOutSetOnesAnsweredAndBadOnesRefused() {
        long id = create(Api.productJson("Iogurte", "IOG-1"));
        JsonNode unset = api.get("/produtos/" + id).data();
        assertThat(unset.has("dataValidade")).isFalse();
        assertThat(unset.has("actionEstoque")).isFalse();
        assertThat(unset.get("estrutura").has("tipoEstoque")).isFalse();
        assertThat(unset.get("estrutura").has("lancamentoEstoque")).isFalse();
        assertThat(unset.get("estrutura").get("componentes").isArray()).isTrue();

        Api.Resp set = api.patch("/produtos/" + id, "{\"dataValidade\":\"2027-02-28\",\"actionEstoque\":\"Z\","
                + "\"estrutura\":{\"tipoEstoque\":\"V\",\"lancamentoEstoque\":\"P\"}}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode p = api.get("/produtos/" + id).data();
        assertThat(p.get("dataValidade").asText()).isEqualTo("2027-02-28");
        assertThat(p.get("estrutura").get("tipoEstoque").asText()).isEqualTo("V");
        assertThat(p.get("estrutura").get("lancamentoEstoque").asText()).isEqualTo("P");
        assertThat(p.has("actionEstoque")).as("an action, not kept").isFalse();

        Api.Resp cleared = api.patch("/produtos/" + id, "{\"dataValidade\":\"\",\"actionEstoque\":\"\","
                + "\"estrutura\":{\"tipoEstoque\":\"\",\"lancamentoEstoque\":\"\"}}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        JsonNode c = api.get("/produtos/" + id).data();
        assertThat(c.has("dataValidade")).isFalse();
        assertThat(c.get("estrutura").has("tipoEstoque")).isFalse();
        assertThat(c.get("estrutura").has("lancamentoEstoque")).isFalse();

        Api.Resp bad = api.patch("/produtos/" + id, "{\"dataValidade\":\"31/12/2027\",\"actionEstoque\":\"X\","
                + "\"estrutura\":{\"tipoEstoque\":\"Q\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().get("fields").findValuesAsText("element"))
                .contains("dataValidade", "actionEstoque", "estrutura.tipoEstoque");
    }

    @Test
    void validationErrorsUseBlingsEnvelope() {
        Api.Resp missing = api.post("/produtos", "{\"nome\":\"Sem tipo\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error().get("type").asText()).isEqualTo("MISSING_REQUIRED_FIELD_ERROR");
        assertThat(missing.error().get("fields").findValuesAsText("element")).contains("tipo", "situacao", "formato");

        Api.Resp tooLong = api.post("/produtos", Api.productJson("x".repeat(121), "LONG"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.error().get("type").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(tooLong.error().get("fields").get(0).get("element").asText()).isEqualTo("nome");
        assertThat(api.post("/produtos", Api.productJson("x".repeat(120), "MAX")).status()).isEqualTo(201);

        Api.Resp badType = api.post("/produtos", "{\"nome\":\"P\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\",\"preco\":\"10,50\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.error().get("fields").get(0).get("element").asText()).isEqualTo("preco");

        Api.Resp badEnum = api.post("/produtos", "{\"nome\":\"P\",\"tipo\":\"X\",\"situacao\":\"A\",\"formato\":\"S\"}");
        assertThat(badEnum.status()).isEqualTo(400);

        Api.Resp badGtin = api.post("/produtos", "{\"nome\":\"P\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\",\"gtin\":\"7891234567890\"}");
        assertThat(badGtin.status()).isEqualTo(400);
        assertThat(badGtin.error().get("fields").get(0).get("element").asText()).isEqualTo("gtin");

        Api.Resp malformed = api.post("/produtos", "{\"nome\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error().get("type").asText()).isEqualTo("INVALID_REQUEST_BODY");
        Api.Resp empty = api.post("/produtos", "{}");
        assertThat(empty.error().get("type").asText()).isEqualTo("MISSING_REQUIRED_FIELD_ERROR");
        assertThat(sandbox.account().products()).hasSize(1);
    }

    @Test
    void duplicateCodigoIsA400WithAFieldsEntry() {
        create(Api.productJson("Primeiro", "SKU-1"));
        Api.Resp dup = api.post("/produtos", Api.productJson("Segundo", "SKU-1"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.error().get("type").asText()).isEqualTo("VALIDATION_ERROR");
        JsonNode field = dup.error().get("fields").get(0);
        assertThat(field.get("element").asText()).isEqualTo("codigo");
        assertThat(field.get("code").isInt()).isTrue();
        assertThat(field.get("msg").asText()).contains("SKU-1");
    }

    /** SKU uniqueness, variations and store links are indexed; the answers must follow every rename and delete. */
    @Test
    void skuAndStoreLinkChecksFollowRenamesVariationsAndDeletes() {
        long a = create(Api.productJson("A", "SKU-A"));
        assertThat(api.put("/produtos/" + a, Api.productJson("A", "SKU-A2")).status()).isEqualTo(200);
        long b = create(Api.productJson("B", "SKU-A"));
        Api.Resp taken = api.post("/produtos", Api.productJson("C", "SKU-A2"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.error().get("fields").get(0).get("msg").asText()).contains("produto " + a);
        assertThat(api.patch("/produtos/" + b, "{\"codigo\":\"SKU-A2\"}").status()).isEqualTo(400);

        Api.Resp parent = api.post("/produtos", "{\"nome\":\"Camiseta\",\"codigo\":\"CAM\",\"tipo\":\"P\","
                + "\"situacao\":\"A\",\"formato\":\"V\",\"variacoes\":[{\"nome\":\"Camiseta P\",\"codigo\":\"CAM-P\","
                + "\"variacao\":{\"nome\":\"Tamanho:P\"}}]}");
        long camiseta = parent.data().get("id").asLong();
        long variation = parent.data().get("variations").get("saved").get(0).get("id").asLong();
        JsonNode variations = api.get("/produtos/" + camiseta).data().get("variacoes");
        assertThat(variations).hasSize(1);
        assertThat(variations.get(0).get("codigo").asText()).isEqualTo("CAM-P");
        assertThat(api.post("/produtos", Api.productJson("Outra", "CAM-P")).status()).isEqualTo(400);
        assertThat(api.put("/produtos/" + camiseta, "{\"nome\":\"Camiseta\",\"codigo\":\"CAM\",\"tipo\":\"P\","
                + "\"situacao\":\"A\",\"formato\":\"V\",\"variacoes\":[{\"id\":" + variation + ",\"nome\":\"Camiseta P\","
                + "\"codigo\":\"CAM-PP\",\"variacao\":{\"nome\":\"Tamanho:P\"}}]}").status()).isEqualTo(200);
        assertThat(create(Api.productJson("Outra", "CAM-P"))).isPositive();
        assertThat(ids(api.get("/produtos?codigos[]=CAM-PP&codigos[]=SKU-A&criterio=5"))).containsExactly(b, variation);
        assertThat(ids(api.get("/produtos?idsProdutos[]=" + variation + "&idsProdutos[]=" + a + "&idsProdutos[]=" + a
                + "&idsProdutos[]=1&codigos[]=SKU-A2&criterio=5"))).containsExactly(a);

        long loja = sandbox.account().addSalesChannel("Shopee", "Shopee");
        String link = "{\"codigo\":\"SHP\",\"produto\":{\"id\":" + b + "},\"loja\":{\"id\":" + loja + "}}";
        assertThat(api.post("/produtos/lojas", link).status()).isEqualTo(201);
        assertThat(api.post("/produtos/lojas", link).status()).isEqualTo(400);
        assertThat(api.delete("/produtos/" + b).status()).isEqualTo(204);
        assertThat(api.get("/produtos/lojas?idLoja=" + loja).data()).isEmpty();
        assertThat(api.delete("/produtos/" + camiseta).status()).isEqualTo(204);
        assertThat(api.get("/produtos/" + variation).status()).isEqualTo(404);
        long again = create(Api.productJson("B de novo", "SKU-A"));
        assertThat(api.post("/produtos/lojas", link.replace(Long.toString(b), Long.toString(again))).status()).isEqualTo(201);
        assertThat(create(Api.productJson("Camiseta P de novo", "CAM-PP"))).isPositive();
    }

    @Test
    void listReturnsSummariesOnlyInAscendingIdOrderWithPaging() {
        long cat = api.post("/categorias/produtos", "{\"descricao\":\"Casa\"}").data().get("id").asLong();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create("{\"nome\":\"Panela " + i + "\",\"codigo\":\"PAN-" + i + "\",\"tipo\":\"P\",\"situacao\":\"A\","
                    + "\"formato\":\"S\",\"categoria\":{\"id\":" + cat + "}}"));
        }
        JsonNode page1 = api.get("/produtos?pagina=1&limite=2").data();
        JsonNode page3 = api.get("/produtos?pagina=3&limite=2").data();
        assertThat(page1).hasSize(2);
        assertThat(page3).hasSize(1);
        assertThat(page1.get(0).get("id").asLong()).isEqualTo(ids.get(0));
        assertThat(page3.get(0).get("id").asLong()).isEqualTo(ids.get(4));
        assertThat(page1.get(0).fieldNames()).toIterable().containsExactly("id", "nome", "codigo", "preco", "precoCusto",
                "estoque", "tipo", "situacao", "formato", "descricaoCurta", "imagemURL");
        assertThat(page1.get(0).has("categoria")).isFalse();
        assertThat(api.get("/produtos?pagina=4&limite=2").data()).isEmpty();
        assertThat(api.get("/produtos").data()).hasSize(5);
    }

    @Test
    void limiteAbove100IsRejectedByDefault() {
        Api.Resp r = api.get("/produtos?limite=101");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("type").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.error().get("fields").get(0).get("element").asText()).isEqualTo("limite");
        assertThat(api.get("/produtos?limite=100").status()).isEqualTo(200);
        assertThat(api.get("/produtos?limite=0").status()).isEqualTo(400);
        assertThat(api.get("/produtos?pagina=0").status()).isEqualTo(400);
        assertThat(api.get("/produtos?limite=abc").status()).isEqualTo(400);
    }

    @Test
    void limiteAbove100CanBeClamped() {
        sandbox.close();
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false).maxPageSize(3)
                .pageSizeAboveMax(BlingSandbox.PageSizeAboveMax.CLAMP).start();
        api = Api.forDemo(sandbox);
        for (int i = 0; i < 5; i++) {
            create(Api.productJson("P" + i, "C" + i));
        }
        Api.Resp r = api.get("/produtos?limite=50");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data()).hasSize(3);
    }

    @Test
    void unknownQueryParametersAreRejected() {
        Api.Resp r = api.get("/produtos?codigos=SKU-1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("description").asText()).contains("codigos");
    }

    @Test
    void filtersByCodesIdsGtinsNameCategoryAndCriterio() {
        long cat = api.post("/categorias/produtos", "{\"descricao\":\"Moda\"}").data().get("id").asLong();
        long a = create("{\"nome\":\"Camiseta Azul\",\"codigo\":\"CAM-A\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\","
                + "\"gtin\":\"7891234567895\",\"categoria\":{\"id\":" + cat + "}}");
        long b = create("{\"nome\":\"Chinelo\",\"codigo\":\"CHI-B\",\"tipo\":\"P\",\"situacao\":\"I\",\"formato\":\"S\"}");
        long c = create(Api.productJson("Serviço", "SRV-C").replace("\"tipo\":\"P\"", "\"tipo\":\"S\""));
        assertThat(ids(api.get("/produtos?codigos[]=CAM-A&codigos[]=CHI-B&criterio=5"))).containsExactly(a, b);
        assertThat(ids(api.get("/produtos?" + enc("idsProdutos[]") + "=" + c + "&criterio=5"))).containsExactly(c);
        assertThat(ids(api.get("/produtos?gtins[]=7891234567895"))).containsExactly(a);
        assertThat(ids(api.get("/produtos?nome=camiseta"))).containsExactly(a);
        assertThat(ids(api.get("/produtos?idCategoria=" + cat))).containsExactly(a);
        assertThat(ids(api.get("/produtos?criterio=2"))).containsExactly(a, c);
        assertThat(ids(api.get("/produtos?criterio=3"))).containsExactly(b);
        assertThat(ids(api.get("/produtos?tipo=S&criterio=5"))).containsExactly(c);
        assertThat(api.patch("/produtos/" + c + "/situacoes", "{\"situacao\":\"E\"}").status()).isEqualTo(204);
        assertThat(ids(api.get("/produtos?criterio=4"))).containsExactly(c);
        assertThat(ids(api.get("/produtos?criterio=5"))).containsExactly(a, b);
        assertThat(api.get("/produtos?criterio=6").status()).isEqualTo(400);
        // criterio=1 ("últimos incluídos", the default) only covers recently added products.
        clock.advance(Duration.ofDays(31));
        api.token = sandbox.issueTokens().accessToken();
        long d = create(Api.productJson("Novo", "NEW-D"));
        assertThat(ids(api.get("/produtos"))).containsExactly(d);
    }

    @Test
    void dataAlteracaoFiltersFollowEveryWriteAndRejectWindowsOverAYear() {
        ZoneId zone = ZoneId.of("America/Sao_Paulo");
        long id = create(Api.productJson("Produto", "ALT-1"));
        clock.advance(Duration.ofHours(2));
        String from = fmt(LocalDateTime.ofInstant(clock.instant(), zone).minusMinutes(1));
        String to = fmt(LocalDateTime.ofInstant(clock.instant(), zone).plusMinutes(1));
        String q = "/produtos?criterio=5&dataAlteracaoInicial=" + enc(from) + "&dataAlteracaoFinal=" + enc(to);
        assertThat(ids(api.get(q))).isEmpty();
        assertThat(api.patch("/produtos/" + id, "{\"preco\":12.5}").status()).isEqualTo(200);
        assertThat(ids(api.get(q))).containsExactly(id);
        assertThat(sandbox.account().productChangedAt(id)).hasValue(clock.instant());

        Api.Resp wide = api.get("/produtos?dataAlteracaoInicial=" + enc("2024-01-01 00:00:00")
                + "&dataAlteracaoFinal=" + enc("2025-06-01 00:00:00"));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.error().get("type").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/produtos?dataAlteracaoInicial=2024-01-01").status()).isEqualTo(400);
    }

    @Test
    void putReplacesTheWholeProductAndPatchOnlyWhatIsSent() {
        long field = customField("Material", CustomFields.TYPE_TEXT, "");
        long id = create("{\"nome\":\"Panela\",\"codigo\":\"PAN\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\","
                + "\"marca\":\"Tramontina\",\"pesoLiquido\":1.2,\"camposCustomizados\":[{\"idCampoCustomizado\":" + field
                + ",\"valor\":\"Alumínio\"}]}");
        JsonNode before = api.get("/produtos/" + id).data();
        assertThat(before.get("camposCustomizados")).hasSize(1);

        Api.Resp patched = api.patch("/produtos/" + id, "{\"preco\":99.9}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.data().get("id").asLong()).isEqualTo(id);
        JsonNode afterPatch = api.get("/produtos/" + id).data();
        assertThat(afterPatch.get("marca").asText()).isEqualTo("Tramontina");
        assertThat(afterPatch.get("preco").decimalValue()).isEqualByComparingTo("99.9");
        assertThat(afterPatch.get("camposCustomizados")).hasSize(1);

        Api.Resp put = api.put("/produtos/" + id, "{\"nome\":\"Panela\",\"codigo\":\"PAN\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\"}");
        assertThat(put.status()).isEqualTo(200);
        JsonNode afterPut = api.get("/produtos/" + id).data();
        assertThat(afterPut.get("marca").asText()).isEmpty();
        assertThat(afterPut.get("pesoLiquido").decimalValue()).isEqualByComparingTo("0");
        assertThat(afterPut.get("preco").decimalValue()).isEqualByComparingTo("0");
        assertThat(afterPut.get("camposCustomizados")).isEmpty();
        assertThat(api.put("/produtos/" + id, "{\"nome\":\"Sem tipo\"}").status()).isEqualTo(400);
        assertThat(api.put("/produtos/99", Api.productJson("X", "Y")).status()).isEqualTo(404);
    }

    @Test
    void customFieldValuesFollowIdVinculo() {
        long field = customField("Garantia", CustomFields.TYPE_INTEGER, "");
        long id = create("{\"nome\":\"Fone\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\","
                + "\"camposCustomizados\":[{\"idCampoCustomizado\":" + field + ",\"valor\":\"12\"}]}");
        long link = api.get("/produtos/" + id).data().get("camposCustomizados").get(0).get("idVinculo").asLong();

        api.patch("/produtos/" + id, "{\"camposCustomizados\":[{\"idCampoCustomizado\":" + field + ",\"idVinculo\":" + link
                + ",\"valor\":\"24\"}]}");
        JsonNode values = api.get("/produtos/" + id).data().get("camposCustomizados");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).get("valor").asText()).isEqualTo("24");

        // Without idVinculo a second value link is created (the strict reading of open question 22).
        api.patch("/produtos/" + id, "{\"camposCustomizados\":[{\"idCampoCustomizado\":" + field + ",\"valor\":\"36\"}]}");
        values = api.get("/produtos/" + id).data().get("camposCustomizados");
        assertThat(values).hasSize(2);
        assertThat(values.findValuesAsText("valor")).containsExactly("24", "36");

        Api.Resp notInt = api.patch("/produtos/" + id, "{\"camposCustomizados\":[{\"idCampoCustomizado\":" + field
                + ",\"valor\":\"doze\"}]}");
        assertThat(notInt.status()).isEqualTo(400);
        Api.Resp unknownLink = api.patch("/produtos/" + id, "{\"camposCustomizados\":[{\"idCampoCustomizado\":" + field
                + ",\"idVinculo\":1,\"valor\":\"1\"}]}");
        assertThat(unknownLink.status()).isEqualTo(400);
        Api.Resp unknownField = api.patch("/produtos/" + id, "{\"camposCustomizados\":[{\"idCampoCustomizado\":42,\"valor\":\"1\"}]}");
        assertThat(unknownField.status()).isEqualTo(400);
    }

    @Test
    void customFieldWithoutLinkCanUpdateTheExistingValue() {
        sandbox.close();
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false)
                .customFieldWithoutLink(BlingSandbox.CustomFieldWithoutLink.UPDATE_EXISTING).start();
        api = Api.forDemo(sandbox);
        long field = customField("Cor", CustomFields.TYPE_LIST, "{\"nome\":\"Azul\"},{\"nome\":\"Preto\"}");
        long id = create("{\"nome\":\"Camiseta\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"S\","
                + "\"camposCustomizados\":[{\"idCampoCustomizado\":" + field + ",\"valor\":\"Azul\"}]}");
        api.patch("/produtos/" + id, "{\"camposCustomizados\":[{\"idCampoCustomizado\":" + field + ",\"valor\":\"Preto\"}]}");
        JsonNode values = api.get("/produtos/" + id).data().get("camposCustomizados");
        assertThat(values.findValuesAsText("valor")).containsExactly("Preto");
        assertThat(api.patch("/produtos/" + id, "{\"camposCustomizados\":[{\"idCampoCustomizado\":" + field
                + ",\"valor\":\"Roxo\"}]}").status()).isEqualTo(400);
    }

    @Test
    void variationsOmittedFromAPutAreDeleted() {
        Api.Resp r = api.post("/produtos", "{\"nome\":\"Camiseta\",\"codigo\":\"CAM\",\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"V\","
                + "\"variacoes\":[{\"nome\":\"Camiseta P\",\"codigo\":\"CAM-P\",\"variacao\":{\"nome\":\"Tamanho:P\"}},"
                + "{\"nome\":\"Camiseta M\",\"codigo\":\"CAM-M\",\"variacao\":{\"nome\":\"Tamanho:M\"}}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.data().get("variations").get("saved")).hasSize(2);
        long id = r.data().get("id").asLong();
        JsonNode variations = api.get("/produtos/" + id).data().get("variacoes");
        assertThat(variations).hasSize(2);
        long keep = variations.get(0).get("id").asLong();
        long drop = variations.get(1).get("id").asLong();
        assertThat(variations.get(0).get("variacao").get("produtoPai").get("id").asLong()).isEqualTo(id);
        JsonNode listed = api.get("/produtos?tipo=V").data();
        assertThat(listed.findValues("idProdutoPai")).allSatisfy(n -> assertThat(n.asLong()).isEqualTo(id));

        Api.Resp put = api.put("/produtos/" + id, "{\"nome\":\"Camiseta\",\"codigo\":\"CAM\",\"tipo\":\"P\",\"situacao\":\"A\","
                + "\"formato\":\"V\",\"variacoes\":[{\"id\":" + keep + ",\"nome\":\"Camiseta P\",\"codigo\":\"CAM-P\","
                + "\"variacao\":{\"nome\":\"Tamanho:P\"}}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.data().get("variations").get("deleted").findValuesAsText("id")).containsExactly(String.valueOf(drop));
        assertThat(api.get("/produtos/" + drop).status()).isEqualTo(404);
        assertThat(api.get("/produtos/" + id).data().get("variacoes")).hasSize(1);
    }

    @Test
    void insertsDuringAScanShiftPagesWhenNewestComesFirst() {
        sandbox.close();
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false).listOrder(BlingSandbox.ListOrder.NEWEST_FIRST)
                .insertsDuringScan(1).start();
        api = Api.forDemo(sandbox);
        for (int i = 0; i < 4; i++) {
            create(Api.productJson("P" + i, "S" + i));
        }
        List<Long> page1 = ids(api.get("/produtos?limite=2&pagina=1"));
        List<Long> page2 = ids(api.get("/produtos?limite=2&pagina=2"));
        assertThat(page1.get(0)).isGreaterThan(page1.get(1));
        // One product was created after page 1 was served: the last item of page 1 is seen again.
        assertThat(page2.get(0)).isEqualTo(page1.get(1));
        assertThat(sandbox.account().products()).hasSize(6);
    }

    @Test
    void situationsDeleteAndBatchDelete() {
        long a = create(Api.productJson("A", "A"));
        long b = create(Api.productJson("B", "B"));
        assertThat(api.patch("/produtos/" + a + "/situacoes", "{\"situacao\":\"I\"}").status()).isEqualTo(204);
        assertThat(api.get("/produtos/" + a).data().get("situacao").asText()).isEqualTo("I");
        assertThat(api.patch("/produtos/" + a + "/situacoes", "{\"situacao\":\"X\"}").status()).isEqualTo(400);
        assertThat(api.delete("/produtos/" + a).status()).isEqualTo(204);
        assertThat(api.get("/produtos/" + a).status()).isEqualTo(404);
        assertThat(api.delete("/produtos/" + a).status()).isEqualTo(404);
        Api.Resp batch = api.delete("/produtos?idsProdutos[]=" + b + "&idsProdutos[]=123");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.data().get("alertas").get(0).get("id").asLong()).isEqualTo(123);
        assertThat(sandbox.account().products()).isEmpty();
    }

    @Test
    void unknownRoutesAndMethodsUseTheEnvelope() {
        Api.Resp notFound = api.get("/pedidos/vendas");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.error().get("type").asText()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(api.get("/produtos/abc").status()).isEqualTo(404);
        Api.Resp method = api.send("PATCH", "/produtos", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.error().get("type").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(api.get("/produtos/" + 12345).status()).isEqualTo(404);
    }

    private static List<Long> ids(Api.Resp r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        r.data().forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String fmt(LocalDateTime t) {
        return t.format(Products.DATE_TIME);
    }
}
