package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /anuncios} as Bling's HTTP API: the spec's required parameters, Bling's error envelope, the strict choices. */
class ListingsConformanceTest {
    private static final String SHIRT = "\"atributos\":[{\"id\":\"BRAND\",\"valor\":\"Hering\"},"
            + "{\"id\":\"GENDER\",\"valor\":\"Masculino\"},{\"id\":\"SIZE\",\"valor\":\"M\"},"
            + "{\"id\":\"COLOR\",\"valor\":\"Azul\"}]";
    private BlingSandbox sandbox;
    private Api api;
    private long ml;
    private long product;

    @BeforeEach
    void start() {
        sandbox = BlingSandbox.builder().rateLimits(false).start();
        api = Api.forDemo(sandbox);
        ml = sandbox.account().addSalesChannel("Mercado Livre", "MercadoLivre");
        Api.Resp p = api.post("/produtos", Api.productJson("Panela", "PAN-1"));
        product = p.data().get("id").asLong();
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private static List<String> elements(Api.Resp r) {
        List<String> out = new ArrayList<>();
        r.error().path("fields").forEach(f -> out.add(f.path("element").asText()));
        return out;
    }

    @Test
    void everyRouteThatTheSpecScopesToAStoreNeedsBothTipoIntegracaoAndIdLoja() {
        String scoped = "tipoIntegracao=MercadoLivre&idLoja=" + ml;
        long id = api.post("/anuncios", body(SHIRT, "MLB31447")).data().path("id").asLong();
        assertThat(id).isPositive();
        for (String[] route : new String[][] {{"GET", "/anuncios/categorias"}, {"GET", "/anuncios/categorias/196208"},
                {"GET", "/anuncios"}, {"GET", "/anuncios/" + id}, {"DELETE", "/anuncios/" + id},
                {"POST", "/anuncios/" + id + "/publicar"}, {"POST", "/anuncios/" + id + "/pausar"}}) {
            Api.Resp none = api.send(route[0], route[1], null);
            assertThat(none.status()).as(route[0] + " " + route[1] + ": " + none.body()).isEqualTo(400);
            assertThat(none.error().path("type").asText()).isEqualTo("MISSING_REQUIRED_FIELD_ERROR");
            assertThat(elements(none)).containsExactly("tipoIntegracao", "idLoja");
            Api.Resp noStore = api.send(route[0], route[1] + "?tipoIntegracao=MercadoLivre", null);
            assertThat(elements(noStore)).as(route[1]).containsExactly("idLoja");
            Api.Resp noType = api.send(route[0], route[1] + "?idLoja=" + ml, null);
            assertThat(elements(noType)).as(route[1]).containsExactly("tipoIntegracao");
        }
        assertThat(api.get("/anuncios/categorias?" + scoped).status()).isEqualTo(200);
        assertThat(sandbox.account().listings()).hasSize(1);
    }

    @Test
    void aListingWithoutItsRequiredAttributesIsA400NamingEachAndLeavesNothing() {
        Api.Resp r = api.post("/anuncios", body("\"atributos\":[{\"id\":\"BRAND\",\"valor\":\"Tramontina\"}]", "MLB270241"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error().path("type").asText()).isEqualTo("MISSING_REQUIRED_FIELD_ERROR");
        assertThat(elements(r)).contains("atributos.MODEL").doesNotContain("atributos.BRAND");
        assertThat(r.error().path("fields").toString()).contains("Modelo");
        // An attribute the category does not have is named too, by its place in the body.
        Api.Resp unknown = api.post("/anuncios", body("\"atributos\":[{\"id\":\"NOPE\",\"valor\":\"x\"}]", "MLB270241"));
        assertThat(elements(unknown)).containsExactly("atributos[0].id");
        // A blank value is no value.
        Api.Resp blank = api.post("/anuncios", body("\"atributos\":[{\"id\":\"BRAND\",\"valor\":\" \"}]", "MLB270241"));
        assertThat(elements(blank)).contains("atributos.BRAND");
        assertThat(sandbox.account().listings()).isEmpty();
    }

    @Test
    void theCategoryMustBeALeafOfTheIntegrationAndTheSpecsRequiredFieldsArePresent() {
        Api.Resp parent = api.post("/anuncios", body("\"atributos\":[]", "MLB1000"));
        assertThat(elements(parent)).containsExactly("categoria.id");
        Api.Resp shopeeId = api.post("/anuncios", body("\"atributos\":[]", "100416"));
        assertThat(elements(shopeeId)).containsExactly("categoria.id");
        Api.Resp bare = api.post("/anuncios", "{\"nome\":\"x\"}");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(elements(bare)).containsExactly("produto.id", "integracao.tipo", "loja.id", "categoria.id");
        Api.Resp noSuchProduct = api.post("/anuncios", body(SHIRT, "MLB31447").replace(
                "\"produto\":{\"id\":" + product + "}", "\"produto\":{\"id\":1}"));
        assertThat(elements(noSuchProduct)).containsExactly("produto.id");
    }

    @Test
    void theListDefaultsToPublishedListingsAsTheSpecSays() {
        long id = api.post("/anuncios", body(SHIRT, "MLB31447")).data().path("id").asLong();
        String scoped = "tipoIntegracao=MercadoLivre&idLoja=" + ml;
        assertThat(api.get("/anuncios?" + scoped).data()).isEmpty();
        JsonNode drafts = api.get("/anuncios?situacao=2&" + scoped).data();
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).path("situacao").asInt()).isEqualTo(2);
        assertThat(drafts.get(0).path("titulo").asText()).isEqualTo("Panela");
        assertThat(api.post("/anuncios/" + id + "/publicar?" + scoped, null).status()).isEqualTo(204);
        assertThat(api.post("/anuncios/" + id + "/publicar?" + scoped, null).status()).isEqualTo(400);
        assertThat(api.get("/anuncios?" + scoped).data()).hasSize(1);
        assertThat(api.post("/anuncios/" + id + "/pausar?" + scoped, null).status()).isEqualTo(204);
        assertThat(api.post("/anuncios/" + id + "/pausar?" + scoped, null).status()).isEqualTo(400);
        assertThat(api.get("/anuncios?situacao=4&" + scoped).data()).hasSize(1);
    }

    @Test
    void secondListingsAndRepeatedTransitionsFollowTheRules() {
        long first = api.post("/anuncios", body(SHIRT, "MLB31447")).data().path("id").asLong();
        Api.Resp again = api.post("/anuncios", body(SHIRT, "MLB31447"));
        assertThat(again.status()).as("by default a second listing is made: a client must look before it creates")
                .isEqualTo(201);
        assertThat(sandbox.account().listings()).hasSize(2);
        try (BlingSandbox lenient = BlingSandbox.builder().rateLimits(false).listingRules(new ListingRules(
                ListingRules.RepeatedTransition.IGNORE, ListingRules.SecondListing.REJECT)).start()) {
            Api other = Api.forDemo(lenient);
            long store = lenient.account().addSalesChannel("Mercado Livre", "MercadoLivre");
            long pid = other.post("/produtos", Api.productJson("Camisa", "CAM-1")).data().path("id").asLong();
            String b = "{\"produto\":{\"id\":" + pid + "},\"integracao\":{\"tipo\":\"MercadoLivre\"},\"loja\":{\"id\":"
                    + store + "},\"categoria\":{\"id\":\"MLB31447\"}," + SHIRT + "}";
            long id = other.post("/anuncios", b).data().path("id").asLong();
            Api.Resp second = other.post("/anuncios", b);
            assertThat(second.status()).isEqualTo(400);
            assertThat(elements(second)).containsExactly("produto.id");
            String scoped = "?tipoIntegracao=MercadoLivre&idLoja=" + store;
            assertThat(other.post("/anuncios/" + id + "/pausar" + scoped, null).status()).as("a draft").isEqualTo(400);
            assertThat(other.post("/anuncios/" + id + "/publicar" + scoped, null).status()).isEqualTo(204);
            assertThat(other.post("/anuncios/" + id + "/publicar" + scoped, null).status()).isEqualTo(204);
            assertThat(other.post("/anuncios/" + id + "/pausar" + scoped, null).status()).isEqualTo(204);
            assertThat(other.post("/anuncios/" + id + "/pausar" + scoped, null).status()).isEqualTo(204);
        }
        assertThat(first).isPositive();
    }

    @Test
    void anUpdateKeepsProductStoreAndIntegration() {
        long id = api.post("/anuncios", body(SHIRT, "MLB31447")).data().path("id").asLong();
        long other = sandbox.account().addSalesChannel("Mercado Livre 2", "MercadoLivre");
        Api.Resp moved = api.put("/anuncios/" + id, body(SHIRT, "MLB31447")
                .replace("\"loja\":{\"id\":" + ml + "}", "\"loja\":{\"id\":" + other + "}"));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(elements(moved)).containsExactly("loja.id");
        assertThat(api.put("/anuncios/" + id, body("\"nome\":\"Panela nova\"," + SHIRT, "MLB31447")).status())
                .isEqualTo(204);
        assertThat(sandbox.account().listings().get(0).path("titulo").asText()).isEqualTo("Panela nova");
    }

    private String body(String extra, String category) {
        return "{\"produto\":{\"id\":" + product + "},\"integracao\":{\"tipo\":\"MercadoLivre\"},\"loja\":{\"id\":" + ml
                + "},\"categoria\":{\"id\":\"" + category + "\"}," + extra + "}";
    }
}
