package io.cathalog.bling.sandbox;

import static io.cathalog.bling.sandbox.Shape.BOOL;
import static io.cathalog.bling.sandbox.Shape.ID_REF;
import static io.cathalog.bling.sandbox.Shape.INT;
import static io.cathalog.bling.sandbox.Shape.STR;
import static io.cathalog.bling.sandbox.Shape.arr;
import static io.cathalog.bling.sandbox.Shape.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /campos-customizados}: modules, types, fields per module, CRUD and situation. */
final class CustomFields {
    static final String NS = "CAMPOS_CUSTOMIZADOS";
    static final long PRODUCTS_MODULE = 98_301L;
    static final long CONTACTS_MODULE = 98_302L;
    static final long ORDERS_MODULE = 98_303L;

    static final long TYPE_TEXT = 1;
    static final long TYPE_LIST = 2;
    static final long TYPE_INTEGER = 3;
    static final long TYPE_DECIMAL = 4;
    static final long TYPE_DATE = 5;
    static final long TYPE_LONG_TEXT = 6;
    static final long TYPE_CHECKBOX = 7;

    private static final Map<Long, String[]> TYPES = Map.of(
            TYPE_TEXT, new String[] {"Texto", ""},
            TYPE_LIST, new String[] {"Lista", ""},
            TYPE_INTEGER, new String[] {"Inteiro", "9999999999"},
            TYPE_DECIMAL, new String[] {"Decimal", "9999999999,99"},
            TYPE_DATE, new String[] {"Data", "99/99/9999"},
            TYPE_LONG_TEXT, new String[] {"Texto longo", ""},
            TYPE_CHECKBOX, new String[] {"Caixa de seleção", ""});

    private static final Shape.Obj CREATE_IN = obj("nome", STR, "situacao", INT, "placeholder", STR,
            "obrigatorio", BOOL, "opcoes", arr(obj("id", INT, "nome", STR)),
            "tamanho", obj("minimo", INT, "maximo", INT), "agrupadores", arr(ID_REF), "modulo", ID_REF,
            "tipoCampo", ID_REF);

    private CustomFields() {
    }

    static ApiResponse modules(Call c) {
        ArrayNode data = Json.arr();
        data.add(module(PRODUCTS_MODULE, "Produtos", "Produtos", "Categoria de produtos"));
        data.add(module(CONTACTS_MODULE, "Clientes e Fornecedores", "Contatos", "Tipo de contato"));
        data.add(module(ORDERS_MODULE, "Pedidos de venda", "Vendas", ""));
        return ApiResponse.ok(data);
    }

    private static ObjectNode module(long id, String nome, String modulo, String agrupador) {
        ObjectNode n = Json.obj().put("id", id).put("nome", nome).put("modulo", modulo).put("agrupador", agrupador);
        n.putArray("permissoes").add(Json.obj().put("nome", nome).put("modulo", modulo).put("autorizado", true));
        return n;
    }

    static ApiResponse types(Call c) {
        ArrayNode data = Json.arr();
        TYPES.keySet().stream().sorted().forEach(id -> data.add(Json.obj().put("id", id)
                .put("nome", TYPES.get(id)[0]).put("mascara", TYPES.get(id)[1])));
        return ApiResponse.ok(data);
    }

    static ApiResponse byModule(Call c) {
        long module = c.pathId("idModulo");
        if (module != PRODUCTS_MODULE && module != CONTACTS_MODULE && module != ORDERS_MODULE) {
            throw ApiException.notFound("O módulo " + module + " não foi encontrado.");
        }
        List<ObjectNode> all = c.acct().customFields.values().stream()
                .filter(n -> n.path("modulo").path("id").asLong() == module).toList();
        ArrayNode data = Json.arr();
        c.page().slice(all).forEach(n -> data.add(Json.obj().put("id", n.get("id").asLong())
                .put("nome", n.get("nome").asText()).put("situacao", n.get("situacao").asInt())));
        return ApiResponse.ok(data);
    }

    static ApiResponse get(Call c) {
        return ApiResponse.ok(require(c.acct(), c.pathId("idCampoCustomizado")).deepCopy());
    }

    private static ObjectNode require(AccountData a, long id) {
        ObjectNode n = a.customFields.get(id);
        if (n == null) {
            throw ApiException.notFound("O campo customizado " + id + " não foi encontrado.");
        }
        return n;
    }

    static ApiResponse create(Call c) {
        AccountData a = c.acct();
        ObjectNode in = Catalog.sanitize(CREATE_IN, c.objectBody(), NS);
        List<FieldError> missing = new ArrayList<>();
        if (in.path("nome").asText("").isBlank()) {
            missing.add(new FieldError(ApiException.codeFor("nome"), "O campo nome é obrigatório.", "nome", NS));
        }
        for (String f : List.of("modulo", "tipoCampo")) {
            if (in.path(f).path("id").asLong(0) == 0) {
                missing.add(new FieldError(ApiException.codeFor(f), "O campo " + f + ".id é obrigatório.", f + ".id", NS));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.missingFields(missing);
        }
        long module = in.path("modulo").path("id").asLong();
        if (module != PRODUCTS_MODULE && module != CONTACTS_MODULE && module != ORDERS_MODULE) {
            throw ApiException.field("modulo.id", NS, "O módulo " + module + " não existe.");
        }
        long type = in.path("tipoCampo").path("id").asLong();
        if (!TYPES.containsKey(type)) {
            throw ApiException.field("tipoCampo.id", NS, "O tipo de campo " + type + " não existe.");
        }
        long id = Ids.next(a.ids.customField);
        ObjectNode stored = build(a, id, in.get("nome").asText(), in, module, type, null);
        a.customFields.put(id, stored);
        return ApiResponse.created(postPutResponse(stored));
    }

    /** Adds a field without HTTP (seed and direct access). */
    static long add(AccountData a, String nome, long type, List<String> options, boolean required) {
        long id = Ids.next(a.ids.customField);
        ObjectNode in = Json.obj().put("obrigatorio", required);
        ArrayNode opts = in.putArray("opcoes");
        options.forEach(o -> opts.add(Json.obj().put("nome", o)));
        a.customFields.put(id, build(a, id, nome, in, PRODUCTS_MODULE, type, null));
        return id;
    }

    private static ObjectNode build(AccountData a, long id, String nome, ObjectNode in, long module, long type,
            ObjectNode previous) {
        int situacao = in.has("situacao") ? in.get("situacao").asInt() : 1;
        if (situacao != 0 && situacao != 1) {
            throw ApiException.field("situacao", NS, "situacao deve ser 0 (inativo) ou 1 (ativo).");
        }
        ObjectNode n = Json.obj().put("id", id).put("nome", nome).put("situacao", situacao)
                .put("placeholder", in.path("placeholder").asText(""))
                .put("obrigatorio", in.path("obrigatorio").asBoolean(false));
        ArrayNode opts = n.putArray("opcoes");
        for (JsonNode o : in.path("opcoes")) {
            long optionId = o.has("id") && previous != null && hasOption(previous, o.get("id").asLong())
                    ? o.get("id").asLong() : Ids.next(a.ids.option);
            opts.add(Json.obj().put("id", optionId).put("nome", o.path("nome").asText("")));
        }
        ObjectNode tamanho = n.putObject("tamanho");
        tamanho.put("minimo", in.path("tamanho").path("minimo").asLong(0));
        tamanho.put("maximo", in.path("tamanho").path("maximo").asLong(0));
        ArrayNode groups = n.putArray("agrupadores");
        for (JsonNode g : in.path("agrupadores")) {
            groups.add(Json.idRef(g.path("id").asLong()));
        }
        n.set("modulo", Json.idRef(module));
        n.set("tipoCampo", Json.idRef(type));
        return n;
    }

    private static boolean hasOption(ObjectNode field, long optionId) {
        for (JsonNode o : field.path("opcoes")) {
            if (o.path("id").asLong() == optionId) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode postPutResponse(ObjectNode stored) {
        ObjectNode data = Json.obj().put("id", stored.get("id").asLong());
        ArrayNode groups = data.putArray("idsVinculosAgrupadores");
        stored.path("agrupadores").forEach(g -> groups.add(g.path("id").asLong()));
        ArrayNode opts = data.putArray("idsOpcoes");
        stored.path("opcoes").forEach(o -> opts.add(o.path("id").asLong()));
        return data;
    }

    static ApiResponse update(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idCampoCustomizado");
        ObjectNode current = require(a, id);
        ObjectNode in = Catalog.sanitize(CREATE_IN, c.objectBody(), NS);
        // Bling: nome is "Ignorado no método PUT"; modulo and tipoCampo are not part of the PUT body.
        ObjectNode stored = build(a, id, current.get("nome").asText(), in, current.path("modulo").path("id").asLong(),
                current.path("tipoCampo").path("id").asLong(), current);
        a.customFields.put(id, stored);
        return ApiResponse.ok(postPutResponse(stored));
    }

    static ApiResponse delete(Call c) {
        AccountData a = c.acct();
        long id = c.pathId("idCampoCustomizado");
        require(a, id);
        a.customFields.remove(id);
        for (AccountData.Product p : a.products.values()) {
            ArrayNode kept = Json.arr();
            p.customValues.forEach(v -> {
                if (v.path("idCampoCustomizado").asLong() != id) {
                    kept.add(v);
                }
            });
            p.customValues = kept;
        }
        return ApiResponse.noContent();
    }

    static ApiResponse situation(Call c) {
        AccountData a = c.acct();
        ObjectNode n = require(a, c.pathId("idCampoCustomizado"));
        JsonNode s = c.objectBody().get("situacao");
        if (s == null || !s.isIntegralNumber() || (s.asInt() != 0 && s.asInt() != 1)) {
            throw ApiException.field("situacao", NS, "situacao deve ser 0 (inativo) ou 1 (ativo).");
        }
        n.put("situacao", s.asInt());
        return ApiResponse.noContent();
    }

    /** Checks a product's value against the field's type; list fields take an option's name. */
    static void checkValue(ObjectNode field, String valor, String item, String path, List<FieldError> errors) {
        long type = field.path("tipoCampo").path("id").asLong();
        String v = valor.isEmpty() ? item : valor;
        if (v.isEmpty()) {
            return;
        }
        String problem = null;
        if (type == TYPE_INTEGER && !v.matches("-?\\d{1,18}")) {
            problem = "deve ser um número inteiro";
        } else if (type == TYPE_DECIMAL && !v.matches("-?\\d{1,15}([.,]\\d{1,6})?")) {
            problem = "deve ser um número decimal";
        } else if (type == TYPE_CHECKBOX && !v.matches("0|1|true|false")) {
            problem = "deve ser 0/1 ou true/false";
        } else if (type == TYPE_DATE) {
            try {
                LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problem = "deve ser uma data yyyy-MM-dd";
            }
        } else if (type == TYPE_LIST) {
            boolean found = false;
            for (JsonNode o : field.path("opcoes")) {
                found |= o.path("nome").asText().equals(v);
            }
            if (!found) {
                problem = "deve ser uma das opções da lista";
            }
        }
        if (problem != null) {
            errors.add(new FieldError(ApiException.codeFor("valor"), "O valor '" + v + "' do campo '"
                    + field.path("nome").asText() + "' " + problem + ".", path + ".valor", Products.NS));
        }
    }
}
