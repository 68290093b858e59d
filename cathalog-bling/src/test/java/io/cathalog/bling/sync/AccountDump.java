package io.cathalog.bling.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.SandboxAccount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sandbox account as natural keys and values, without ids: two accounts that went through
 * different histories compare equal when they hold the same catalog. Duplicates show as repeats.
 */
final class AccountDump {
    private AccountDump() {
    }

    static List<String> of(SandboxAccount account) {
        Map<Long, ObjectNode> categories = new HashMap<>();
        account.categories().forEach(c -> categories.put(c.path("id").asLong(), c));
        Map<Long, String> fieldNames = new HashMap<>();
        account.customFields().forEach(f -> fieldNames.put(f.path("id").asLong(), f.path("nome").asText()));
        Map<Long, String> skus = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (ObjectNode c : account.categories()) {
            out.add("category " + path(categories, c.path("id").asLong()));
        }
        fieldNames.values().forEach(n -> out.add("custom field " + n));
        for (ObjectNode p : account.products()) {
            skus.put(p.path("id").asLong(), p.path("codigo").asText());
            TreeMap<String, List<String>> custom = new TreeMap<>();
            for (JsonNode v : p.path("camposCustomizados")) {
                custom.computeIfAbsent(fieldNames.getOrDefault(v.path("idCampoCustomizado").asLong(), "?"),
                        k -> new ArrayList<>()).add(v.path("valor").asText());
            }
            out.add("product " + p.path("codigo").asText() + " name=" + p.path("nome").asText() + " brand="
                    + p.path("marca").asText() + " gtin=" + p.path("gtin").asText() + " category="
                    + path(categories, p.path("categoria").path("id").asLong()) + " weight="
                    + p.path("pesoBruto").asText() + " dims=" + p.path("dimensoes").path("largura").asText() + "x"
                    + p.path("dimensoes").path("altura").asText() + "x" + p.path("dimensoes").path("profundidade").asText()
                    + " custom=" + custom);
        }
        for (ObjectNode l : account.categoryStoreLinks()) {
            out.add("category link store=" + l.path("loja").path("id").asLong() + " category="
                    + path(categories, l.path("categoriaProduto").path("id").asLong()) + " code=" + l.path("codigo").asText());
        }
        for (ObjectNode l : account.productStoreLinks()) {
            List<String> cats = new ArrayList<>();
            l.path("categoriasProdutos").forEach(c -> cats.add(path(categories, c.path("id").asLong())));
            out.add("product link store=" + l.path("loja").path("id").asLong() + " product="
                    + skus.getOrDefault(l.path("produto").path("id").asLong(), "#" + l.path("produto").path("id").asLong())
                    + " code=" + l.path("codigo").asText() + " categories=" + cats);
        }
        out.sort(null);
        return out;
    }

    private static String path(Map<Long, ObjectNode> categories, long id) {
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
