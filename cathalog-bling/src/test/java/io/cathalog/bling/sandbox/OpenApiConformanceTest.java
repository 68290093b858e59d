package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the sandbox to Bling's own OpenAPI file: every served API route exists there with that
 * method and those query parameters, every field the sandbox returns is declared in the
 * operation's response schema, and every value it returns has the schema's {@code format} (date,
 * date-time) and is one of its {@code enum} values. The spec is not copied into the repository: its path is given by
 * {@code -Dcathalog.openapi=...} or the environment variable {@code CATHALOG_OPENAPI} (CI sets it),
 * and a given path that does not hold the file fails the test. Only when no path is given is
 * {@code shared/bling/openapi-v3.json} looked for in a parent directory, and the test skipped,
 * saying so, when there is none (a local run without {@code shared/}).
 */
class OpenApiConformanceTest {
    private static JsonNode spec;
    private static BlingSandbox sandbox;
    private static Api api;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> file = locate(System.getProperty(PROPERTY), System.getenv(VARIABLE), Path.of(""));
        if (file.isEmpty()) {
            String why = "SKIPPED: Bling's openapi-v3.json not found and no path given: set -D" + PROPERTY + "=<path>"
                    + " or " + VARIABLE + ", or place shared/bling/openapi-v3.json in a parent directory of "
                    + Path.of("").toAbsolutePath();
            System.err.println(OpenApiConformanceTest.class.getSimpleName() + " " + why);
            assumeTrue(false, why);
        }
        spec = Api.JSON.readTree(file.get().toFile());
        sandbox = BlingSandbox.builder().seedDemo().rateLimits(false).enforceIpBlocks(false).start();
        api = Api.forDemo(sandbox);
    }

    @AfterAll
    static void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The system property that gives the spec's path. */
    static final String PROPERTY = "cathalog.openapi";

    /** The environment variable that gives the spec's path when the property does not. */
    static final String VARIABLE = "CATHALOG_OPENAPI";

    /**
     * The spec: at the given path (property first, then variable), which must hold it; or, when no
     * path is given, {@code shared/bling/openapi-v3.json} in {@code dir} or a parent of it.
     *
     * @throws IllegalStateException when a path is given and is not a readable file
     */
    static Optional<Path> locate(String property, String variable, Path dir) {
        for (String[] given : new String[][] {{"-D" + PROPERTY, property}, {VARIABLE, variable}}) {
            if (given[1] != null && !given[1].isBlank()) {
                Path p = Path.of(given[1].strip()).toAbsolutePath();
                if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                    throw new IllegalStateException(given[0] + " names Bling's OpenAPI file " + p
                            + ", which does not exist or cannot be read: the conformance test cannot run");
                }
                return Optional.of(p);
            }
        }
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/bling/openapi-v3.json");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void everyServedApiRouteExistsInTheSpecWithItsMethodAndQueryParameters() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Route r : sandbox.routeTable()) {
            if (!r.api()) {
                assertThat(r.template()).startsWith("/oauth/"); // Bling documents OAuth outside the spec
                continue;
            }
            JsonNode op = spec.path("paths").path(r.template()).path(r.method().toLowerCase(Locale.ROOT));
            if (op.isMissingNode()) {
                problems.add(r.key() + " is not in the spec");
                continue;
            }
            checked++;
            Set<String> specParams = new HashSet<>();
            for (JsonNode p : op.path("parameters")) {
                JsonNode param = resolve(p);
                if (param.path("in").asText().equals("query")) {
                    specParams.add(param.path("name").asText());
                }
            }
            for (String q : r.queryParams()) {
                if (!specParams.contains(q)) {
                    problems.add(r.key() + " accepts query parameter '" + q + "' that the spec does not declare");
                }
            }
            for (String q : specParams) {
                if (!r.queryParams().contains(q)) {
                    problems.add(r.key() + " rejects query parameter '" + q + "' that the spec declares");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(35);
    }

    @Test
    void everyReturnedFieldIsDeclaredInTheSpec() {
        List<String> problems = new ArrayList<>();
        SandboxAccount account = sandbox.account();
        long category = account.categories().get(1).get("id").asLong();
        long categoryLink = account.categoryStoreLinks().get(0).get("id").asLong();
        long storeLink = account.productStoreLinks().get(0).get("id").asLong();
        long customField = account.customFields().get(1).get("id").asLong();
        long channel = account.salesChannels().get(0).get("id").asLong();
        long withCustom = account.products().stream().filter(p -> p.get("camposCustomizados").size() > 0).findFirst()
                .orElseThrow().get("id").asLong();
        long withVariations = account.products().stream().filter(p -> p.path("variacoes").size() > 0).findFirst()
                .orElseThrow().get("id").asLong();

        check(problems, "GET", "/categorias/produtos", "/categorias/produtos", null);
        check(problems, "GET", "/categorias/produtos/{idCategoriaProduto}", "/categorias/produtos/" + category, null);
        check(problems, "GET", "/categorias/lojas", "/categorias/lojas", null);
        check(problems, "GET", "/categorias/lojas/{idCategoriaLoja}", "/categorias/lojas/" + categoryLink, null);
        check(problems, "GET", "/produtos", "/produtos?criterio=5&limite=100", null);
        check(problems, "GET", "/produtos", "/produtos?tipo=V&criterio=5", null);
        check(problems, "GET", "/produtos/{idProduto}", "/produtos/" + withCustom, null);
        check(problems, "GET", "/produtos/{idProduto}", "/produtos/" + withVariations, null);
        check(problems, "GET", "/produtos/lojas", "/produtos/lojas", null);
        check(problems, "GET", "/produtos/lojas/{idProdutoLoja}", "/produtos/lojas/" + storeLink, null);
        check(problems, "GET", "/campos-customizados/modulos", "/campos-customizados/modulos", null);
        check(problems, "GET", "/campos-customizados/tipos", "/campos-customizados/tipos", null);
        check(problems, "GET", "/campos-customizados/modulos/{idModulo}", "/campos-customizados/modulos/"
                + CustomFields.PRODUCTS_MODULE, null);
        check(problems, "GET", "/campos-customizados/{idCampoCustomizado}", "/campos-customizados/" + customField, null);
        check(problems, "GET", "/canais-venda", "/canais-venda", null);
        check(problems, "GET", "/canais-venda/{idCanalVenda}", "/canais-venda/" + channel, null);
        check(problems, "GET", "/canais-venda/tipos", "/canais-venda/tipos", null);
        check(problems, "GET", "/empresas/me/dados-basicos", "/empresas/me/dados-basicos", null);

        JsonNode created = check(problems, "POST", "/categorias/produtos", "/categorias/produtos", "{\"descricao\":\"Nova\"}");
        long newCategory = created.path("data").path("id").asLong();
        check(problems, "PUT", "/categorias/produtos/{idCategoriaProduto}", "/categorias/produtos/" + newCategory,
                "{\"descricao\":\"Nova 2\"}");
        check(problems, "POST", "/categorias/lojas", "/categorias/lojas", "{\"loja\":{\"id\":" + channel
                + "},\"descricao\":\"X\",\"codigo\":\"MLB1\",\"categoriaProduto\":{\"id\":" + newCategory + "}}");
        JsonNode product = check(problems, "POST", "/produtos", "/produtos", "{\"nome\":\"Camiseta\",\"codigo\":\"OAS-1\","
                + "\"tipo\":\"P\",\"situacao\":\"A\",\"formato\":\"V\",\"variacoes\":[{\"nome\":\"Camiseta P\",\"codigo\":\"OAS-1-P\","
                + "\"variacao\":{\"nome\":\"Tamanho:P\"}}]}");
        long pid = product.path("data").path("id").asLong();
        check(problems, "PUT", "/produtos/{idProduto}", "/produtos/" + pid, Api.productJson("Camiseta", "OAS-1"));
        check(problems, "PATCH", "/produtos/{idProduto}", "/produtos/" + pid, "{\"preco\":5}");
        check(problems, "GET", "/produtos/{idProduto}", "/produtos/" + pid, null);
        JsonNode link = check(problems, "POST", "/produtos/lojas", "/produtos/lojas", "{\"codigo\":\"L1\",\"produto\":{\"id\":"
                + pid + "},\"loja\":{\"id\":" + channel + "},\"categoriasProdutos\":[{\"id\":" + newCategory + "}]}");
        check(problems, "PUT", "/produtos/lojas/{idProdutoLoja}", "/produtos/lojas/" + link.path("data").path("id").asLong(),
                "{\"codigo\":\"L2\",\"produto\":{\"id\":" + pid + "},\"loja\":{\"id\":" + channel + "}}");
        JsonNode field = check(problems, "POST", "/campos-customizados", "/campos-customizados", "{\"nome\":\"Tecido\","
                + "\"modulo\":{\"id\":" + CustomFields.PRODUCTS_MODULE + "},\"tipoCampo\":{\"id\":1}}");
        check(problems, "PUT", "/campos-customizados/{idCampoCustomizado}", "/campos-customizados/"
                + field.path("data").path("id").asLong(), "{\"placeholder\":\"x\"}");
        check(problems, "DELETE", "/produtos", "/produtos?idsProdutos[]=" + pid + "&idsProdutos[]=1", null);
        // Error envelopes.
        check(problems, "GET", "/produtos/{idProduto}", "/produtos/1", null, 404);
        check(problems, "POST", "/produtos", "/produtos", Api.productJson("Dup", "MOD-CAM-V1"), 400);
        check(problems, "PUT", "/categorias/produtos/{idCategoriaProduto}", "/categorias/produtos/1", "{\"descricao\":\"x\"}", 404);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyListingFieldIsDeclaredInTheSpec() {
        List<String> problems = new ArrayList<>();
        long ml = sandbox.account().addSalesChannel("Mercado Livre (anúncios)", "MercadoLivre");
        long shopee = sandbox.account().addSalesChannel("Shopee (anúncios)", "Shopee");
        long pid = api.post("/produtos", Api.productJson("Fone", "OAS-ANUNCIO")).data().path("id").asLong();
        String ms = "tipoIntegracao=MercadoLivre&idLoja=" + ml;
        check(problems, "GET", "/anuncios/categorias", "/anuncios/categorias?" + ms, null);
        check(problems, "GET", "/anuncios/categorias", "/anuncios/categorias?idCategoria=3835&" + ms, null);
        check(problems, "GET", "/anuncios/categorias/{idCategoria}", "/anuncios/categorias/196208?" + ms, null);
        check(problems, "GET", "/anuncios/categorias/{idCategoria}", "/anuncios/categorias/100416?tipoIntegracao=Shopee"
                + "&idLoja=" + shopee, null);
        String body = "{\"produto\":{\"id\":" + pid + "},\"integracao\":{\"tipo\":\"MercadoLivre\"},\"loja\":{\"id\":"
                + ml + "},\"nome\":\"Fone JBL\",\"preco\":{\"valor\":199.9},\"categoria\":{\"id\":\"MLB196208\"},"
                + "\"atributos\":[{\"id\":\"BRAND\",\"valor\":\"JBL\"},{\"id\":\"MODEL\",\"valor\":\"Tune\"},"
                + "{\"id\":\"IS_WIRELESS\",\"valor\":\"Sim\"},{\"id\":\"EMPTY_GTIN_REASON\",\"valor\":\"17055160\"}],"
                + "\"imagens\":[{\"url\":\"https://img.example/1.jpg\",\"ordem\":1}],"
                + "\"mercadoLivre\":{\"modalidade\":\"gold_special\",\"frete\":{\"gratis\":true}}}";
        long id = check(problems, "POST", "/anuncios", "/anuncios", body).path("data").path("id").asLong();
        check(problems, "PUT", "/anuncios/{idAnuncio}", "/anuncios/" + id, body, 204);
        check(problems, "GET", "/anuncios/{idAnuncio}", "/anuncios/" + id + "?" + ms, null);
        check(problems, "GET", "/anuncios", "/anuncios?situacao=2&" + ms, null);
        check(problems, "POST", "/anuncios/{idAnuncio}/publicar", "/anuncios/" + id + "/publicar?" + ms, null, 204);
        check(problems, "POST", "/anuncios/{idAnuncio}/pausar", "/anuncios/" + id + "/pausar?" + ms, null, 204);
        // Error envelopes.
        check(problems, "GET", "/anuncios/categorias/{idCategoria}", "/anuncios/categorias/1?" + ms, null, 404);
        check(problems, "GET", "/anuncios", "/anuncios", null, 400);
        check(problems, "POST", "/anuncios", "/anuncios", body.replace("\"JBL\"", "\"\""), 400);
        check(problems, "DELETE", "/anuncios/{idAnuncio}", "/anuncios/" + id + "?" + ms, null, 204);
        check(problems, "GET", "/anuncios/{idAnuncio}", "/anuncios/" + id + "?" + ms, null, 404);
        assertThat(problems).isEmpty();
    }

    @Test
    void theFieldCheckCatchesUndeclaredFields() {
        try (BlingSandbox chatty = BlingSandbox.builder().seedDemo().rateLimits(false).unknownResponseProperties(true).start()) {
            Api.Resp r = Api.forDemo(chatty).get("/canais-venda");
            List<String> problems = new ArrayList<>();
            declared(r.json(), spec.path("paths").path("/canais-venda").path("get").path("responses").path("200")
                    .path("content").path("application/json").path("schema"), "GET /canais-venda", problems);
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("campoNovoDoBling"));
        }
    }

    @Test
    void theValueCheckCatchesBadDatesAndValuesOutsideAnEnum() {
        long id = sandbox.account().products().get(0).get("id").asLong();
        com.fasterxml.jackson.databind.node.ObjectNode product = (com.fasterxml.jackson.databind.node.ObjectNode)
                api.get("/produtos/" + id).json().deepCopy();
        JsonNode schema = spec.path("paths").path("/produtos/{idProduto}").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema");
        com.fasterxml.jackson.databind.node.ObjectNode data = (com.fasterxml.jackson.databind.node.ObjectNode)
                product.get("data");
        data.put("dataValidade", "2025-01-31").put("actionEstoque", "Z");
        data.putObject("estrutura").put("tipoEstoque", "V").put("lancamentoEstoque", "M");
        List<String> good = new ArrayList<>();
        declared(product, schema, "GET", good);
        assertThat(good).isEmpty();

        data.put("dataValidade", "").put("actionEstoque", "");
        data.putObject("estrutura").put("tipoEstoque", "").put("lancamentoEstoque", "X");
        List<String> bad = new ArrayList<>();
        declared(product, schema, "GET", bad);
        assertThat(bad).anySatisfy(p -> assertThat(p).contains("data.dataValidade").contains("date"))
                .anySatisfy(p -> assertThat(p).contains("data.actionEstoque").contains("[\"Z\",\"T\"]"))
                .anySatisfy(p -> assertThat(p).contains("data.estrutura.tipoEstoque"))
                .anySatisfy(p -> assertThat(p).contains("data.estrutura.lancamentoEstoque").contains("\"X\""));
        data.put("dataValidade", "31/01/2025");
        bad.clear();
        declared(product, schema, "GET", bad);
        assertThat(bad).anySatisfy(p -> assertThat(p).contains("data.dataValidade").contains("31/01/2025"));
    }

    /** Calls the route and checks the body against the operation's schema for the status answered. */
    private static JsonNode check(List<String> problems, String method, String template, String path, String body) {
        int expected = switch (method) {
            case "POST" -> 201;
            case "PUT" -> template.startsWith("/categorias/") ? 204 : 200;
            default -> 200;
        };
        return check(problems, method, template, path, body, expected);
    }

    private static JsonNode check(List<String> problems, String method, String template, String path, String body,
            int expected) {
        Api.Resp r = api.send(method, path, body);
        assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        JsonNode op = spec.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(op.isMissingNode()).as(method + " " + template).isFalse();
        if (r.status() == 204) {
            return r.json();
        }
        JsonNode schema = op.path("responses").path(String.valueOf(r.status())).path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            if (r.status() < 400) {
                problems.add(method + " " + path + ": status " + r.status() + " is not declared by the spec");
                return r.json();
            }
            schema = spec.path("components").path("schemas").path("ErrorResponse");
        }
        declared(r.json(), schema, method + " " + path + " (" + r.status() + ")", problems);
        return r.json();
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode cur = node;
        for (int i = 0; i < 20 && cur.has("$ref"); i++) {
            String[] parts = cur.get("$ref").asText().substring(2).split("/");
            JsonNode target = spec;
            for (String part : parts) {
                target = target.path(part);
            }
            cur = target;
        }
        return cur;
    }

    /** Properties of a schema, following allOf/oneOf/anyOf; a name may have several candidate schemas. */
    private static Map<String, List<JsonNode>> properties(JsonNode schema) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        JsonNode s = resolve(schema);
        s.path("properties").properties().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : s.path(combinator)) {
                properties(part).forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
        }
        return out;
    }

    private static JsonNode items(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("items")) {
            return s.get("items");
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : s.path(combinator)) {
                JsonNode i = items(part);
                if (!i.isMissingNode()) {
                    return i;
                }
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void declared(JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (value.isObject()) {
            Map<String, List<JsonNode>> props = properties(schema);
            if (props.isEmpty()) {
                return; // a free-form object in the spec
            }
            value.properties().forEach(e -> {
                List<JsonNode> candidates = props.get(e.getKey());
                if (candidates == null) {
                    problems.add(where + ": field '" + e.getKey() + "' is not declared");
                    return;
                }
                List<String> best = null;
                for (JsonNode candidate : candidates) {
                    List<String> local = new ArrayList<>();
                    declared(e.getValue(), candidate, where + "." + e.getKey(), local);
                    if (best == null || local.size() < best.size()) {
                        best = local;
                    }
                }
                problems.addAll(best);
            });
        } else if (value.isArray()) {
            JsonNode item = items(schema);
            if (item.isMissingNode()) {
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                declared(value.get(i), item, where + "[" + i + "]", problems);
            }
        } else if (!value.isNull()) {
            problems.addAll(valueProblems(value, schema, where));
        }
    }

    /** Bling writes date-times as {@code 2020-11-11 16:40:33} whatever the format's name says. */
    private static final DateTimeFormatter BLING_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss",
            Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    /**
     * What is wrong with a scalar against its schema's {@code enum} and {@code format} (date,
     * date-time and Bling's {@code datetime}), following allOf (all must hold) and oneOf/anyOf (one must).
     */
    static List<String> valueProblems(JsonNode value, JsonNode schema, String where) {
        JsonNode s = resolve(schema);
        List<String> out = new ArrayList<>();
        if (s.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : s.get("enum")) {
                // Bling's enums mix "0" and 0 for the same value: compare the text.
                listed |= allowed.asText().equals(value.asText());
            }
            if (!listed) {
                out.add(where + ": " + value + " is not one of the spec's values " + s.get("enum"));
            }
        }
        String format = s.path("format").asText("");
        if (value.isTextual() && !format.isEmpty()) {
            String text = value.asText();
            try {
                switch (format) {
                    case "date" -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE
                            .withResolverStyle(ResolverStyle.STRICT));
                    case "date-time", "datetime" -> {
                        try {
                            LocalDateTime.parse(text, BLING_DATE_TIME);
                        } catch (DateTimeParseException notBlings) {
                            OffsetDateTime.parse(text);
                        }
                    }
                    default -> { }
                }
            } catch (DateTimeParseException e) {
                out.add(where + ": " + value + " is not a " + format + " as the spec requires");
            }
        }
        for (JsonNode part : s.path("allOf")) {
            out.addAll(valueProblems(value, part, where));
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            List<String> best = null;
            for (JsonNode part : s.path(combinator)) {
                List<String> local = valueProblems(value, part, where);
                if (best == null || local.size() < best.size()) {
                    best = local;
                }
            }
            if (best != null) {
                out.addAll(best);
            }
        }
        return out;
    }
}
