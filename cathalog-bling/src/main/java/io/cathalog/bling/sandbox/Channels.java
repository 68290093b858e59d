package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalInt;

/** {@code /canais-venda} (the account's stores) and {@code /empresas/me/dados-basicos}. */
final class Channels {
    /** Channel types: tipo, nome, agrupador (1 loja virtual, 2 hub, 3 marketplace, 4 API). */
    static final List<String[]> TYPES = List.of(
            new String[] {"MercadoLivre", "Mercado Livre", "3"},
            new String[] {"Shopee", "Shopee", "3"},
            new String[] {"Amazon", "Amazon", "3"},
            new String[] {"Magalu", "Magalu", "3"},
            new String[] {"LojaIntegrada", "Loja Integrada", "1"},
            new String[] {"Nuvemshop", "Nuvemshop", "1"},
            new String[] {"Api", "API", "4"});

    private Channels() {
    }

    static int groupOf(String tipo) {
        return TYPES.stream().filter(t -> t[0].equals(tipo)).map(t -> Integer.parseInt(t[2])).findFirst().orElse(4);
    }

    static long add(AccountData a, String descricao, String tipo, int situacao) {
        long id = Ids.next(a.ids.channel);
        ObjectNode n = Json.obj().put("id", id).put("descricao", descricao).put("tipo", tipo).put("situacao", situacao);
        ArrayNode filiais = n.putArray("filiais");
        ObjectNode filial = Json.obj().put("cnpj", a.cnpj).put("idUnidadeNegocio", 0).put("unidadeNegocio", a.name);
        filial.set("deposito", Json.idRef(0));
        filial.put("padrao", true);
        filiais.add(filial);
        a.channels.put(id, n);
        return id;
    }

    static ObjectNode base(ObjectNode n) {
        return Json.obj().put("id", n.get("id").asLong()).put("descricao", n.get("descricao").asText())
                .put("tipo", n.get("tipo").asText()).put("situacao", n.get("situacao").asInt());
    }

    static ApiResponse list(Call c) {
        List<String> tipos = c.params("tipos[]");
        OptionalInt situacao = c.intParam("situacao", 1, 2);
        OptionalInt agrupador = c.intParam("agrupador", 1, 4);
        List<ObjectNode> all = c.acct().channels.values().stream()
                .filter(n -> tipos.isEmpty() || tipos.contains(n.get("tipo").asText()))
                .filter(n -> situacao.isEmpty() || n.get("situacao").asInt() == situacao.getAsInt())
                .filter(n -> agrupador.isEmpty() || groupOf(n.get("tipo").asText()) == agrupador.getAsInt())
                .toList();
        ArrayNode data = Json.arr();
        c.page().slice(all).forEach(n -> data.add(base(n)));
        return ApiResponse.ok(data);
    }

    static ApiResponse get(Call c) {
        long id = c.pathId("idCanalVenda");
        ObjectNode n = c.acct().channels.get(id);
        if (n == null) {
            throw ApiException.notFound("O canal de venda " + id + " não foi encontrado.");
        }
        return ApiResponse.ok(n.deepCopy());
    }

    static ApiResponse types(Call c) {
        OptionalInt agrupador = c.intParam("agrupador", 1, 4);
        ArrayNode data = Json.arr();
        for (String[] t : TYPES) {
            if (agrupador.isEmpty() || Integer.parseInt(t[2]) == agrupador.getAsInt()) {
                data.add(Json.obj().put("nome", t[1]).put("tipo", t[0]).put("agrupador", Integer.parseInt(t[2])));
            }
        }
        return ApiResponse.ok(data);
    }

    static ApiResponse company(Call c) {
        AccountData a = c.acct();
        return ApiResponse.ok(Json.obj().put("id", a.id).put("nome", a.name).put("cnpj", a.cnpj).put("email", a.email)
                .put("dataContrato", a.contractDate.toString()));
    }
}
