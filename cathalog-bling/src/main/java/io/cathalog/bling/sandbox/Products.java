package io.cathalog.bling.sandbox;

import static io.cathalog.bling.sandbox.Shape.BOOL;
import static io.cathalog.bling.sandbox.Shape.ID_REF;
import static io.cathalog.bling.sandbox.Shape.INT;
import static io.cathalog.bling.sandbox.Shape.INT_OR_DIGITS;
import static io.cathalog.bling.sandbox.Shape.NUM;
import static io.cathalog.bling.sandbox.Shape.STR;
import static io.cathalog.bling.sandbox.Shape.arr;
import static io.cathalog.bling.sandbox.Shape.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.AccountData.Product;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /produtos}: list, get, create, PUT (replace), PATCH (merge), delete, situations. */
final class Products {
    static final String NS = "PRODUTOS";

    private static final Shape.Obj TRIBUTACAO = obj("origem", INT, "nFCI", STR, "ncm", STR, "cest", STR,
            "codigoListaServicos", STR, "spedTipoItem", STR, "codigoItem", STR, "percentualTributos", NUM,
            "valorBaseStRetencao", NUM, "valorStRetencao", NUM, "valorICMSSubstituto", NUM, "codigoExcecaoTipi", STR,
            "classeEnquadramentoIpi", STR, "valorIpiFixo", NUM, "codigoSeloIpi", STR, "valorPisFixo", NUM,
            "valorCofinsFixo", NUM, "codigoANP", STR, "descricaoANP", STR, "percentualGLP", NUM,
            "percentualGasNacional", NUM, "percentualGasImportado", NUM, "valorPartida", NUM, "tipoArmamento", INT,
            "descricaoCompletaArmamento", STR, "dadosAdicionais", STR, "grupoProduto", ID_REF);
    private static final Shape.Obj ESTRUTURA = obj("tipoEstoque", Shape.optionalOneOf("F", "V"),
            "lancamentoEstoque", Shape.optionalOneOf("A", "M", "P"),
            "componentes", arr(obj("produto", ID_REF, "quantidade", NUM)));
    private static final Shape.Obj DIMENSOES = obj("largura", NUM, "altura", NUM, "profundidade", NUM,
            "unidadeMedida", INT_OR_DIGITS);
    private static final Shape CUSTOM = arr(obj("idCampoCustomizado", INT, "idVinculo", INT, "valor", STR, "item", STR));

    private static Object[] commonIn() {
        return new Object[] {"nome", STR, "codigo", STR, "preco", NUM, "tipo", STR, "situacao", STR, "formato", STR,
            "descricaoCurta", STR, "dataValidade", Shape.optionalDate(), "unidade", STR, "pesoLiquido", NUM, "pesoBruto", NUM,
            "volumes", INT, "itensPorCaixa", NUM, "gtin", STR, "gtinEmbalagem", STR, "tipoProducao", STR,
            "condicao", INT, "freteGratis", BOOL, "marca", STR, "descricaoComplementar", STR, "linkExterno", STR,
            "observacoes", STR, "descricaoEmbalagemDiscreta", STR, "categoria", ID_REF,
            "estoque", obj("minimo", NUM, "maximo", NUM, "crossdocking", INT, "localizacao", STR),
            "actionEstoque", Shape.optionalOneOf("Z", "T"), "dimensoes", DIMENSOES, "tributacao", TRIBUTACAO,
            "midia", obj("video", obj("url", STR), "imagens", obj("imagensURL", arr(obj("link", STR)))),
            "linhaProduto", ID_REF, "estrutura", ESTRUTURA, "camposCustomizados", CUSTOM, "artigoPerigoso", BOOL};
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static final Shape.Obj VARIATION_IN = obj(concat(commonIn(), "id", INT,
            "variacao", obj("nome", STR, "ordem", INT, "produtoPai", obj("id", INT, "cloneInfo", BOOL))));
    static final Shape.Obj IN = obj(concat(commonIn(), "variacoes", arr(VARIATION_IN)));

    /**
     * The GET shape, in the spec's order; every field present, defaults where never written, except
     * an unset date or enum value ({@code dataValidade}, {@code actionEstoque}, {@code estrutura}'s
     * two), which the spec allows no {@code ""} for: those are left out.
     */
    static final Shape.Obj OUT = obj("nome", STR, "codigo", STR, "preco", NUM, "tipo", STR, "situacao", STR,
            "formato", STR, "descricaoCurta", STR, "imagemURL", STR, "dataValidade", Shape.optionalDate(), "unidade", STR,
            "pesoLiquido", NUM, "pesoBruto", NUM, "volumes", INT, "itensPorCaixa", NUM, "gtin", STR,
            "gtinEmbalagem", STR, "tipoProducao", STR, "condicao", INT, "freteGratis", BOOL, "marca", STR,
            "descricaoComplementar", STR, "linkExterno", STR, "observacoes", STR, "descricaoEmbalagemDiscreta", STR,
            "categoria", ID_REF,
            "estoque", obj("minimo", NUM, "maximo", NUM, "crossdocking", INT, "localizacao", STR, "saldoVirtualTotal", NUM),
            "fornecedor", obj("id", INT, "contato", obj("id", INT, "nome", STR), "codigo", STR, "precoCusto", NUM,
                    "precoCompra", NUM),
            "actionEstoque", Shape.optionalOneOf("Z", "T"), "dimensoes", DIMENSOES, "tributacao", TRIBUTACAO,
            "midia", obj("video", obj("url", STR), "imagens", obj("externas", arr(obj("link", STR)),
                    "internas", arr(obj("link", STR)))),
            "linhaProduto", ID_REF, "estrutura", ESTRUTURA, "artigoPerigoso", BOOL);

    static final Set<String> LIST_PARAMS = Set.of("pagina", "limite", "criterio", "tipo", "idComponente",
            "dataInclusaoInicial", "dataInclusaoFinal", "dataAlteracaoInicial", "dataAlteracaoFinal", "idCategoria",
            "idLoja", "nome", "idsProdutos[]", "codigos[]", "gtins[]", "filtroSaldoEstoque",
            "filtroSaldoEstoqueDeposito");

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private Products() {
    }

    // ------------------------------------------------------------------ rendering

    static ObjectNode full(AccountData a, Product p) {
        ObjectNode stored = p.fields().deepCopy();
        JsonNode images = stored.path("midia").path("imagens").path("externas");
        stored.put("imagemURL", images.isArray() && images.size() > 0 ? images.get(0).path("link").asText("") : "");
        ObjectNode estoque = stored.has("estoque") ? (ObjectNode) stored.get("estoque") : stored.putObject("estoque");
        estoque.put("saldoVirtualTotal", p.stock);
        if (!stored.has("tipoProducao")) {
            stored.put("tipoProducao", "P");
        }
        ObjectNode body = OUT.withDefaults(stored);
        ObjectNode out = Json.obj().put("id", p.id);
        out.setAll(body);
        out.set("camposCustomizados", p.customValues.deepCopy());
        if (p.parentId.isEmpty()) {
            ArrayNode variations = out.putArray("variacoes");
            for (Product child : children(a, p.id)) {
                ObjectNode v = full(a, child);
                ObjectNode variacao = Json.obj().put("nome", child.variation.path("nome").asText(""))
                        .put("ordem", child.variation.path("ordem").asLong(0));
                variacao.putObject("produtoPai").put("id", p.id);
                v.set("variacao", variacao);
                variations.add(v);
            }
        }
        return out;
    }

    static ObjectNode summary(Product p) {
        ObjectNode out = Json.obj().put("id", p.id);
        p.parentId.ifPresent(parent -> out.put("idProdutoPai", parent));
        JsonNode f = p.fields();
        out.put("nome", f.path("nome").asText("")).put("codigo", f.path("codigo").asText(""));
        out.set("preco", f.has("preco") ? f.get("preco") : Json.F.numberNode(java.math.BigDecimal.ZERO));
        out.put("precoCusto", java.math.BigDecimal.ZERO);
        out.putObject("estoque").put("saldoVirtualTotal", p.stock);
        out.put("tipo", f.path("tipo").asText("")).put("situacao", f.path("situacao").asText(""))
                .put("formato", f.path("formato").asText("")).put("descricaoCurta", f.path("descricaoCurta").asText(""));
        JsonNode images = f.path("midia").path("imagens").path("externas");
        out.put("imagemURL", images.isArray() && images.size() > 0 ? images.get(0).path("link").asText("") : "");
        return out;
    }

    static List<Product> children(AccountData a, long parentId) {
        return a.children(parentId);
    }

    // ------------------------------------------------------------------ routes

    static ApiResponse list(Call c) {
        AccountData a = c.acct();
        Call.Page page = c.page();
        int criterio = c.intParam("criterio", 1, 5).orElse(1);
        String tipo = c.param("tipo").orElse("T");
        if (!Set.of("T", "P", "S", "E", "PS", "C", "V").contains(tipo)) {
            throw ApiException.badParameter("tipo", "valores aceitos: T, P, S, E, PS, C, V; recebeu '" + tipo + "'");
        }
        Predicate<Product> filter = p -> switch (criterio) {
            case 1 -> !p.situacao().equals("E")
                    && !p.createdAt.isBefore(c.now().minus(c.settings().recentlyAddedWindow()));
            case 2 -> p.situacao().equals("A");
            case 3 -> p.situacao().equals("I");
            case 4 -> p.situacao().equals("E");
            default -> !p.situacao().equals("E");
        };
        filter = filter.and(p -> switch (tipo) {
            case "P" -> p.fields().path("tipo").asText().equals("P");
            case "S" -> p.fields().path("tipo").asText().equals("S");
            case "E" -> p.fields().path("formato").asText().equals("E");
            case "PS" -> p.fields().path("tipo").asText().equals("P") && p.fields().path("formato").asText().equals("S")
                    && p.parentId.isEmpty();
            case "C" -> p.fields().path("formato").asText().equals("V");
            case "V" -> p.parentId.isPresent();
            default -> true;
        });
        OptionalLong idComponente = c.longParam("idComponente");
        if (idComponente.isPresent()) {
            long comp = idComponente.getAsLong();
            filter = filter.and(p -> {
                for (JsonNode k : p.fields().path("estrutura").path("componentes")) {
                    if (k.path("produto").path("id").asLong() == comp) {
                        return true;
                    }
                }
                return false;
            });
        }
        Optional<Instant[]> changed = window(c, "dataAlteracaoInicial", "dataAlteracaoFinal");
        if (changed.isPresent()) {
            Instant[] w = changed.get();
            filter = filter.and(p -> within(p.changedAt, w));
        }
        Optional<Instant[]> included = window(c, "dataInclusaoInicial", "dataInclusaoFinal");
        if (included.isPresent()) {
            Instant[] w = included.get();
            filter = filter.and(p -> within(p.createdAt, w));
        }
        OptionalLong idCategoria = c.longParam("idCategoria");
        if (idCategoria.isPresent()) {
            filter = filter.and(p -> p.categoryId() == idCategoria.getAsLong());
        }
        OptionalLong idLoja = c.longParam("idLoja");
        if (idLoja.isPresent()) {
            Set<Long> linked = new HashSet<>();
            for (AccountData.StoreLink l : a.storeLinks.values()) {
                l.visible(c.now()).filter(n -> n.path("loja").path("id").asLong() == idLoja.getAsLong())
                        .ifPresent(n -> linked.add(n.path("produto").path("id").asLong()));
            }
            filter = filter.and(p -> linked.contains(p.id));
        }
        Optional<String> nome = c.param("nome");
        if (nome.isPresent() && !nome.get().isBlank()) {
            String needle = nome.get().trim().toLowerCase(Locale.ROOT);
            filter = filter.and(p -> p.fields().path("nome").asText().toLowerCase(Locale.ROOT).contains(needle));
        }
        // Asked by id: look those up rather than filter every product (the engine verifies its writes so).
        Set<Long> ids = new HashSet<>(c.longParams("idsProdutos[]"));
        Collection<Product> candidates = ids.isEmpty() ? a.products.values()
                : ids.stream().sorted().map(a.products::get).filter(Objects::nonNull).toList();
        Set<String> codigos = new HashSet<>(c.params("codigos[]"));
        if (!codigos.isEmpty()) {
            filter = filter.and(p -> codigos.contains(p.codigo()));
            if (ids.isEmpty()) {
                candidates = codigos.stream().flatMap(code -> a.productsWithCode(code).stream())
                        .sorted(Comparator.comparingLong((Product p) -> p.id)).toList();
            }
        }
        List<String> gtins = c.params("gtins[]");
        if (!gtins.isEmpty()) {
            filter = filter.and(p -> gtins.contains(p.fields().path("gtin").asText("")));
        }
        OptionalInt saldo = c.intParam("filtroSaldoEstoque", 0, 2);
        if (saldo.isPresent()) {
            int mode = saldo.getAsInt();
            filter = filter.and(p -> mode == 0 ? p.stock.signum() == 0 : mode == 1 ? p.stock.signum() > 0
                    : p.stock.signum() < 0);
        }
        c.longParam("filtroSaldoEstoqueDeposito");
        List<Product> all = new ArrayList<>(candidates.stream().filter(filter).toList());
        if (c.settings().listOrder() == BlingSandbox.ListOrder.NEWEST_FIRST) {
            all.sort(Comparator.comparingLong((Product p) -> p.id).reversed());
        }
        ArrayNode data = Json.arr();
        page.slice(all).forEach(p -> data.add(summary(p)));
        for (int i = 0; i < c.settings().insertsDuringScan(); i++) {
            // Another user of the account creates a product while this client pages through the list.
            long id = Ids.next(a.ids.product);
            ObjectNode fields = Json.obj().put("nome", "Produto incluído durante a listagem " + id)
                    .put("codigo", "SCAN-" + id).put("tipo", "P").put("situacao", "A").put("formato", "S");
            a.addProduct(new Product(id, fields, c.now()));
        }
        return ApiResponse.ok(data);
    }

    private static boolean within(Instant t, Instant[] w) {
        Instant s = Instant.ofEpochSecond(t.getEpochSecond());
        return !s.isBefore(w[0]) && !s.isAfter(w[1]);
    }

    /** A date filter pair; a window longer than the configured maximum (one year) is Bling's 400. */
    static Optional<Instant[]> window(Call c, String fromName, String toName) {
        Optional<Instant> from = c.param(fromName).map(v -> parseDateTime(c, fromName, v));
        Optional<Instant> to = c.param(toName).map(v -> parseDateTime(c, toName, v));
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        Instant start = from.orElse(Instant.EPOCH);
        Instant end = to.orElse(c.now());
        if (end.isBefore(start)) {
            throw ApiException.badParameter(toName, "a data final é anterior à data inicial");
        }
        if (from.isPresent() && start.plus(c.settings().maxDateWindow()).isBefore(end)) {
            throw ApiException.validation("O período informado entre " + fromName + " e " + toName
                    + " não pode ser maior que " + c.settings().maxDateWindow().toDays() + " dias.");
        }
        return Optional.of(new Instant[] {start, end});
    }

    private static Instant parseDateTime(Call c, String name, String value) {
        try {
            return LocalDateTime.parse(value, DATE_TIME).atZone(c.settings().blingZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "use o formato yyyy-MM-dd HH:mm:ss, recebeu '" + value + "'");
        }
    }

    /** {@code GET /produtos/variacoes/{idProdutoPai}}: the parent with its variations. */
    static ApiResponse variations(Call c) {
        AccountData a = c.acct();
        Product p = require(a, c.pathId("idProdutoPai"));
        if (p.parentId.isPresent()) {
            throw ApiException.notFound("O produto " + p.id + " é uma variação; informe o produto pai.");
        }
        return ApiResponse.ok(full(a, p));
    }

    /**
     * {@code PATCH /produtos/variacoes/{idProdutoPai}/atributos}: renames an option name
     * ({@code atributoAntigo} to {@code atributoNovo}) in every variation of the parent. It deletes
     * nothing; each variation renamed changes (its {@code dataAlteracao} moves), and so does the parent.
     */
    static ApiResponse renameAttribute(Call c) {
        AccountData a = c.acct();
        Product p = require(a, c.pathId("idProdutoPai"));
        ObjectNode body = c.objectBody();
        String from = body.path("atributoAntigo").asText("");
        String to = body.path("atributoNovo").asText("");
        List<FieldError> errors = new ArrayList<>();
        if (from.isBlank()) {
            errors.add(new FieldError(ApiException.codeFor("atributoAntigo"), "Informe o atributo antigo.",
                    "atributoAntigo", NS));
        }
        if (to.isBlank() || to.contains(":") || to.contains(";")) {
            errors.add(new FieldError(ApiException.codeFor("atributoNovo"), "Informe o novo nome do atributo, sem ':' ou ';'.",
                    "atributoNovo", NS));
        }
        throwIfAny(errors);
        for (Product child : children(a, p.id)) {
            String nome = child.variation.path("nome").asText("");
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            for (String pair : nome.split(";")) {
                int colon = pair.indexOf(':');
                String name = colon < 0 ? pair : pair.substring(0, colon);
                if (name.equals(from)) {
                    pair = to + pair.substring(colon < 0 ? pair.length() : colon);
                    changed = true;
                }
                out.append(out.length() > 0 ? ";" : "").append(pair);
            }
            if (changed) {
                child.variation.put("nome", out.toString());
                child.changedAt = c.now();
            }
        }
        p.changedAt = c.now();
        return ApiResponse.ok(full(a, p));
    }

    /**
     * {@code POST /produtos/variacoes/atributos/gerar-combinacoes}: the parent with a variation
     * for every combination of the options given that it does not have yet. Nothing is saved.
     */
    static ApiResponse combinations(Call c) {
        AccountData a = c.acct();
        ObjectNode body = c.objectBody();
        long parentId = body.path("produtoPai").path("id").asLong(0);
        Product p = require(a, parentId);
        JsonNode atributos = body.path("atributos");
        if (!atributos.isArray() || atributos.isEmpty()) {
            throw ApiException.field("atributos", NS, "Informe ao menos um atributo com suas opções.");
        }
        List<String> combos = new ArrayList<>(List.of(""));
        for (JsonNode attr : atributos) {
            String name = attr.path("nome").asText("");
            List<String> next = new ArrayList<>();
            for (String prefix : combos) {
                for (JsonNode opt : attr.path("opcoes")) {
                    next.add((prefix.isEmpty() ? "" : prefix + ";") + name + ":" + opt.asText(""));
                }
            }
            combos = next;
        }
        Set<String> have = new HashSet<>();
        children(a, p.id).forEach(ch -> have.add(ch.variation.path("nome").asText("")));
        ObjectNode out = full(a, p);
        ArrayNode vs = (ArrayNode) out.get("variacoes");
        int order = vs.size();
        for (String combo : combos) {
            if (!have.contains(combo)) {
                ObjectNode v = Json.obj().put("nome", p.fields().path("nome").asText("")).put("codigo", "")
                        .put("formato", "S");
                ObjectNode variacao = v.putObject("variacao").put("nome", combo).put("ordem", ++order);
                variacao.putObject("produtoPai").put("id", p.id);
                vs.add(v);
            }
        }
        return ApiResponse.ok(out);
    }

    static ApiResponse get(Call c) {
        AccountData a = c.acct();
        Product p = require(a, c.pathId("idProduto"));
        return ApiResponse.ok(full(a, p));
    }

    static Product require(AccountData a, long id) {
        Product p = a.products.get(id);
        if (p == null) {
            throw ApiException.notFound("O produto " + id + " não foi encontrado.");
        }
        return p;
    }

    static ApiResponse create(Call c) {
        ObjectNode body = c.objectBody();
        return ApiResponse.created(write(c.acct(), c.settings(), c.now(), Optional.empty(), body, Mode.CREATE));
    }

    static ApiResponse replace(Call c) {
        AccountData a = c.acct();
        Product p = require(a, c.pathId("idProduto"));
        return ApiResponse.ok(write(a, c.settings(), c.now(), Optional.of(p), c.objectBody(), Mode.REPLACE));
    }

    static ApiResponse patch(Call c) {
        AccountData a = c.acct();
        Product p = require(a, c.pathId("idProduto"));
        return ApiResponse.ok(write(a, c.settings(), c.now(), Optional.of(p), c.objectBody(), Mode.MERGE));
    }

    static ApiResponse delete(Call c) {
        AccountData a = c.acct();
        Product p = require(a, c.pathId("idProduto"));
        remove(a, p.id);
        return ApiResponse.noContent();
    }

    static void remove(AccountData a, long id) {
        for (Product child : children(a, id)) {
            remove(a, child.id);
        }
        a.removeProduct(id);
    }

    static ApiResponse deleteMany(Call c) {
        AccountData a = c.acct();
        List<Long> ids = c.longParams("idsProdutos[]");
        if (ids.isEmpty()) {
            throw ApiException.badParameter("idsProdutos[]", "informe ao menos um id");
        }
        ArrayNode alerts = Json.arr();
        for (long id : ids) {
            if (a.products.containsKey(id)) {
                remove(a, id);
            } else {
                alerts.add(alert(id, "O produto " + id + " não foi encontrado."));
            }
        }
        return alerts.isEmpty() ? ApiResponse.noContent() : ApiResponse.ok(Json.obj().set("alertas", alerts));
    }

    private static ObjectNode alert(long id, String description) {
        ObjectNode alert = Json.obj().put("id", id);
        alert.setAll(ApiException.notFound(description).envelope());
        return alert;
    }

    static ApiResponse situation(Call c) {
        AccountData a = c.acct();
        Product p = require(a, c.pathId("idProduto"));
        String situacao = situationOf(c.objectBody());
        p.fields().put("situacao", situacao);
        p.changedAt = c.now();
        return ApiResponse.noContent();
    }

    static ApiResponse situationMany(Call c) {
        AccountData a = c.acct();
        ObjectNode body = c.objectBody();
        String situacao = situationOf(body);
        JsonNode ids = body.get("idsProdutos");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiException.field("idsProdutos", NS, "Informe a lista idsProdutos.");
        }
        ArrayNode alerts = Json.arr();
        for (JsonNode idNode : ids) {
            Product p = a.products.get(idNode.asLong());
            if (p == null) {
                alerts.add(alert(idNode.asLong(), "O produto " + idNode.asLong() + " não foi encontrado."));
            } else {
                p.fields().put("situacao", situacao);
                p.changedAt = c.now();
            }
        }
        return alerts.isEmpty() ? ApiResponse.noContent() : ApiResponse.ok(Json.obj().set("alertas", alerts));
    }

    private static String situationOf(ObjectNode body) {
        JsonNode s = body.get("situacao");
        if (s == null || !s.isTextual() || !Set.of("A", "I", "E").contains(s.asText())) {
            throw ApiException.field("situacao", NS, "A situação deve ser A, I ou E.");
        }
        return s.asText();
    }

    // ------------------------------------------------------------------ writing

    enum Mode { CREATE, REPLACE, MERGE }

    /** A variation to write: existing (id present) or new. */
    private record VariationPlan(Optional<Product> existing, ObjectNode fields, ObjectNode variacao, ArrayNode custom) {
    }

    /**
     * Validates everything first and only then changes the account, so a 400 leaves no trace.
     * Returns the POST/PUT/PATCH response's {@code data}.
     */
    static ObjectNode write(AccountData a, Settings s, Instant now, Optional<Product> target, ObjectNode body, Mode mode) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode in = IN.sanitize(body, "", NS, errors);
        throwIfAny(errors);
        ObjectNode fields = storable(in);
        if (mode == Mode.MERGE) {
            fields = merge(target.orElseThrow().fields(), fields);
        }
        boolean fullBody = mode != Mode.MERGE;
        validateFields(a, s, fields, fullBody, false, target.map(p -> p.id), errors);
        throwIfAny(errors);
        Set<String> batchCodes = new HashSet<>();
        addCode(batchCodes, fields, errors, "codigo");

        ArrayNode custom = customValues(a, s, target.map(p -> p.customValues).orElse(Json.arr()),
                in.get("camposCustomizados"), mode, "camposCustomizados", errors);

        List<VariationPlan> plans = new ArrayList<>();
        List<Product> existingChildren = target.map(p -> children(a, p.id)).orElse(List.of());
        JsonNode variacoes = in.get("variacoes");
        if (variacoes != null && variacoes.size() > 0 && !fields.path("formato").asText().equals("V")) {
            errors.add(new FieldError(ApiException.codeFor("variacoes"),
                    "Variações só podem ser informadas para produtos com formato V.", "variacoes", NS));
        }
        if (variacoes != null) {
            for (int i = 0; i < variacoes.size(); i++) {
                String path = "variacoes[" + i + "]";
                ObjectNode v = (ObjectNode) variacoes.get(i);
                Optional<Product> existing = Optional.empty();
                if (v.has("id")) {
                    long vid = v.get("id").asLong();
                    existing = existingChildren.stream().filter(ch -> ch.id == vid).findFirst();
                    if (existing.isEmpty()) {
                        errors.add(new FieldError(ApiException.codeFor(path), "A variação " + vid
                                + " não pertence a este produto.", path + ".id", NS));
                        continue;
                    }
                }
                ObjectNode vf = storable(v);
                vf.remove("variacao");
                if (mode == Mode.MERGE && existing.isPresent()) {
                    vf = merge(existing.get().fields(), vf);
                }
                for (String inherited : List.of("tipo", "situacao", "unidade")) {
                    if (!vf.has(inherited) && fields.has(inherited)) {
                        vf.set(inherited, fields.get(inherited).deepCopy());
                    }
                }
                if (!vf.has("formato")) {
                    vf.put("formato", "S");
                }
                validateFields(a, s, vf, mode != Mode.MERGE || existing.isEmpty(), true,
                        existing.map(p -> p.id), errors, path + ".");
                addCode(batchCodes, vf, errors, path + ".codigo");
                ObjectNode variacao = v.has("variacao") ? (ObjectNode) v.get("variacao")
                        : existing.map(p -> p.variation.deepCopy()).orElse(Json.obj());
                if (variacao.path("nome").asText("").isBlank()) {
                    errors.add(new FieldError(ApiException.codeFor(path + ".variacao.nome"),
                            "Informe o nome da variação (ex.: Cor:Azul;Tamanho:M).", path + ".variacao.nome", NS));
                }
                ArrayNode vCustom = customValues(a, s, existing.map(p -> p.customValues).orElse(Json.arr()),
                        v.get("camposCustomizados"), mode == Mode.MERGE && existing.isPresent() ? Mode.MERGE : Mode.REPLACE,
                        path + ".camposCustomizados", errors);
                plans.add(new VariationPlan(existing, vf, variacao, vCustom));
            }
        }
        throwIfAny(errors);

        // Apply.
        Product p;
        if (target.isEmpty()) {
            long id = Ids.next(a.ids.product);
            p = new Product(id, fields, now);
            a.addProduct(p);
        } else {
            p = target.get();
            a.setFields(p, fields);
            p.changedAt = now;
        }
        p.customValues = custom;
        ObjectNode variations = Json.obj();
        ArrayNode deleted = variations.putArray("deleted");
        ArrayNode updated = variations.putArray("updated");
        ArrayNode saved = variations.putArray("saved");
        Set<Long> kept = new HashSet<>();
        for (VariationPlan plan : plans) {
            Product child;
            if (plan.existing.isPresent()) {
                child = plan.existing.get();
                a.setFields(child, plan.fields());
                child.changedAt = now;
                updated.add(variationResult(child.id));
            } else {
                long id = Ids.next(a.ids.product);
                child = new Product(id, p.id, plan.fields(), now);
                a.addProduct(child);
                saved.add(variationResult(id));
            }
            child.customValues = plan.custom;
            child.variation = Json.obj().put("nome", plan.variacao.path("nome").asText(""))
                    .put("ordem", plan.variacao.path("ordem").asLong(0));
            kept.add(child.id);
        }
        // A PUT replaces the list; a PATCH with variacoes does too unless the sandbox is told otherwise.
        boolean listReplaced = mode == Mode.REPLACE || (mode == Mode.MERGE && variacoes != null
                && s.variationsLeftOutOnPatch() == BlingSandbox.VariationsLeftOutOnPatch.DELETE);
        if (listReplaced) {
            for (Product old : existingChildren) {
                if (!kept.contains(old.id)) {
                    remove(a, old.id);
                    deleted.add(variationResult(old.id));
                }
            }
        }
        if (p.parentId.isEmpty()) {
            // Bling's variations share their parent's category.
            JsonNode category = p.fields().get("categoria");
            for (Product child : children(a, p.id)) {
                if (category == null) {
                    child.fields().remove("categoria");
                } else {
                    child.fields().set("categoria", category.deepCopy());
                }
            }
        }
        ObjectNode data = Json.obj().put("id", p.id);
        data.set("variations", variations);
        data.putArray("warnings");
        return data;
    }

    private static ObjectNode variationResult(long id) {
        ObjectNode n = Json.obj().put("id", id);
        n.putObject("variations");
        n.putArray("warnings");
        return n;
    }

    private static void addCode(Set<String> batch, ObjectNode fields, List<FieldError> errors, String element) {
        String code = fields.path("codigo").asText("");
        if (!code.isEmpty() && !batch.add(code)) {
            errors.add(new FieldError(ApiException.codeFor("codigo"), "O código '" + code
                    + "' foi informado mais de uma vez.", element, NS));
        }
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.validation("O produto não pode ser salvo, pois ocorreram problemas em sua validação.",
                    errors);
        }
    }

    /** What is kept of a sanitised body: no id, no variations, no custom values, images as external links. */
    private static ObjectNode storable(ObjectNode in) {
        ObjectNode f = in.deepCopy();
        f.remove(List.of("id", "variacoes", "camposCustomizados", "actionEstoque"));
        JsonNode urls = f.path("midia").path("imagens").path("imagensURL");
        if (f.path("midia").path("imagens").isObject()) {
            ObjectNode imagens = (ObjectNode) f.get("midia").get("imagens");
            imagens.remove("imagensURL");
            if (urls.isArray()) {
                imagens.set("externas", urls);
            }
        }
        return f;
    }

    /** PATCH: objects merge field by field, anything else replaces. */
    static ObjectNode merge(ObjectNode base, ObjectNode patch) {
        ObjectNode out = base.deepCopy();
        patch.properties().forEach(e -> {
            JsonNode old = out.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                out.set(e.getKey(), merge(o, n));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return out;
    }

    private static void validateFields(AccountData a, Settings s, ObjectNode f, boolean requireAll, boolean variation,
            Optional<Long> self, List<FieldError> errors) {
        validateFields(a, s, f, requireAll, variation, self, errors, "");
    }

    private static void validateFields(AccountData a, Settings s, ObjectNode f, boolean requireAll, boolean variation,
            Optional<Long> self, List<FieldError> errors, String prefix) {
        if (requireAll) {
            List<FieldError> missing = new ArrayList<>();
            for (String req : List.of("nome", "tipo", "situacao", "formato")) {
                if (f.path(req).asText("").isBlank()) {
                    missing.add(new FieldError(ApiException.codeFor(req), "O campo " + req + " é obrigatório.",
                            prefix + req, NS));
                }
            }
            if (!missing.isEmpty()) {
                throw ApiException.missingFields(missing);
            }
        }
        checkEnum(f, "tipo", Set.of("S", "P", "N"), prefix, errors);
        checkEnum(f, "situacao", Set.of("A", "I"), prefix, errors);
        checkEnum(f, "formato", variation ? Set.of("S", "E") : Set.of("S", "V", "E"), prefix, errors);
        checkEnum(f, "tipoProducao", Set.of("P", "T"), prefix, errors);
        if (f.has("condicao") && (f.get("condicao").asLong() < 0 || f.get("condicao").asLong() > 2)) {
            errors.add(new FieldError(ApiException.codeFor("condicao"), "condicao deve ser 0, 1 ou 2.", prefix + "condicao", NS));
        }
        if (f.has("dimensoes") && f.get("dimensoes").has("unidadeMedida")) {
            long u = f.get("dimensoes").get("unidadeMedida").asLong();
            if (u < 0 || u > 2) {
                errors.add(new FieldError(ApiException.codeFor("unidadeMedida"),
                        "dimensoes.unidadeMedida deve ser 0 (metros), 1 (centímetros) ou 2 (milímetros).",
                        prefix + "dimensoes.unidadeMedida", NS));
            }
        }
        String nome = f.path("nome").asText("");
        if (nome.length() > 120) {
            errors.add(new FieldError(ApiException.codeFor("nome"), "O nome deve ter no máximo 120 caracteres, tem "
                    + nome.length() + ".", prefix + "nome", NS));
        }
        if (f.has("nome") && nome.isBlank()) {
            errors.add(new FieldError(ApiException.codeFor("nome"), "O nome não pode ser vazio.", prefix + "nome", NS));
        }
        String codigo = f.path("codigo").asText("");
        if (!codigo.isEmpty()) {
            for (Product other : a.productsWithCode(codigo)) {
                if (!self.equals(Optional.of(other.id))) {
                    errors.add(new FieldError(ApiException.codeFor("codigo"), "O código '" + codigo
                            + "' já está sendo utilizado pelo produto " + other.id + ".", prefix + "codigo", NS));
                    break;
                }
            }
        }
        long cat = f.path("categoria").path("id").asLong(0);
        if (cat != 0 && !a.categories.containsKey(cat)) {
            errors.add(new FieldError(ApiException.codeFor("categoria"), "A categoria " + cat + " não existe.",
                    prefix + "categoria.id", NS));
        }
        if (s.gtinValidation()) {
            for (String g : List.of("gtin", "gtinEmbalagem")) {
                String v = f.path(g).asText("");
                if (!v.isEmpty() && !Gtin.valid(v)) {
                    errors.add(new FieldError(ApiException.codeFor(g), "O " + g + " '" + v
                            + "' é inválido (8, 12, 13 ou 14 dígitos com dígito verificador correto).", prefix + g, NS));
                }
            }
        }
    }

    private static void checkEnum(ObjectNode f, String field, Set<String> allowed, String prefix, List<FieldError> errors) {
        if (f.has(field) && !allowed.contains(f.get(field).asText())) {
            errors.add(new FieldError(ApiException.codeFor(field), field + " deve ser um de " + new java.util.TreeSet<>(allowed)
                    + ", recebeu '" + f.get(field).asText() + "'.", prefix + field, NS));
        }
    }

    /**
     * Custom-field values. With {@code idVinculo}: that value link is updated. Without: a new link
     * is added even when the field already has a value (open question 22, switchable). REPLACE
     * keeps only the links sent; MERGE keeps the others too; CREATE starts empty.
     */
    static ArrayNode customValues(AccountData a, Settings s, ArrayNode current, JsonNode incoming, Mode mode,
            String path, List<FieldError> errors) {
        if (incoming == null) {
            return mode == Mode.MERGE ? current.deepCopy() : Json.arr();
        }
        Map<Long, ObjectNode> byLink = new LinkedHashMap<>();
        current.forEach(n -> byLink.put(n.path("idVinculo").asLong(), (ObjectNode) n.deepCopy()));
        Map<Long, ObjectNode> result = new LinkedHashMap<>();
        if (mode == Mode.MERGE) {
            result.putAll(byLink);
        }
        for (int i = 0; i < incoming.size(); i++) {
            JsonNode item = incoming.get(i);
            String p = path + "[" + i + "]";
            if (!item.has("idCampoCustomizado")) {
                errors.add(new FieldError(ApiException.codeFor("idCampoCustomizado"), "idCampoCustomizado é obrigatório.",
                        p + ".idCampoCustomizado", NS));
                continue;
            }
            long fieldId = item.get("idCampoCustomizado").asLong();
            ObjectNode field = a.customFields.get(fieldId);
            if (field == null || field.path("modulo").path("id").asLong() != CustomFields.PRODUCTS_MODULE) {
                errors.add(new FieldError(ApiException.codeFor("idCampoCustomizado"), "O campo customizado " + fieldId
                        + " não existe no módulo de produtos.", p + ".idCampoCustomizado", NS));
                continue;
            }
            String valor = item.path("valor").asText("");
            String itemName = item.path("item").asText("");
            CustomFields.checkValue(field, valor, itemName, p, errors);
            long link;
            if (item.has("idVinculo")) {
                link = item.get("idVinculo").asLong();
                ObjectNode existing = byLink.get(link);
                if (existing == null || existing.path("idCampoCustomizado").asLong() != fieldId) {
                    errors.add(new FieldError(ApiException.codeFor("idVinculo"), "O vínculo " + link
                            + " não pertence a este produto e campo.", p + ".idVinculo", NS));
                    continue;
                }
            } else {
                Optional<Long> reuse = Optional.empty();
                if (s.customFieldWithoutLink() == BlingSandbox.CustomFieldWithoutLink.UPDATE_EXISTING) {
                    reuse = byLink.values().stream().filter(n -> n.path("idCampoCustomizado").asLong() == fieldId)
                            .map(n -> n.path("idVinculo").asLong()).findFirst();
                }
                link = reuse.orElseGet(() -> Ids.next(a.ids.valueLink));
            }
            result.put(link, Json.obj().put("idCampoCustomizado", fieldId).put("idVinculo", link).put("valor", valor)
                    .put("item", itemName));
        }
        ArrayNode out = Json.arr();
        result.values().forEach(out::add);
        return out;
    }
}
