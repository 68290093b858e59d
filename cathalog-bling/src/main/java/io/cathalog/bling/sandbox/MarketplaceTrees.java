package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The marketplace category trees and attributes the Anúncios API serves, per integration type,
 * built from the Mercado Livre and Shopee snapshot documents that {@code cathalog-marketplaces}
 * ships. The build copies those files into this module's resources
 * ({@code io/cathalog/bling/sandbox/marketplaces/}, see the pom), so the sandbox and the plugins
 * read the same documents and cathalog-bling does not depend on cathalog-marketplaces. Loaded once,
 * immutable.
 */
final class MarketplaceTrees {
    static final String MERCADO_LIVRE = "MercadoLivre";
    static final String SHOPEE = "Shopee";
    private static final String ROOT = "/io/cathalog/bling/sandbox/marketplaces/";
    /** The Mercado Livre snapshot's leaf categories (MercadoLivreRequirements.snapshotCategories()). */
    static final List<String> MERCADO_LIVRE_LEAVES = List.of("MLB196208", "MLB270241", "MLB31447");

    /** One attribute as {@code GET /anuncios/categorias/{id}} describes it. */
    record Attribute(long blingId, String marketplaceId, boolean numericId, String nome, boolean obrigatorio,
            String tipo, String unidadePadrao, long minimo, long maximo) {
        com.fasterxml.jackson.databind.node.ObjectNode toJson() {
            com.fasterxml.jackson.databind.node.ObjectNode n = Json.obj();
            // The marketplace's own id: Mercado Livre's are words (the spec's integer is too narrow).
            if (numericId) {
                n.put("id", Long.parseLong(marketplaceId));
            } else {
                n.put("id", marketplaceId);
            }
            return n.put("nome", nome).put("obrigatorio", obrigatorio).put("tipo", tipo)
                    .put("unidadePadrao", unidadePadrao).put("minimo", minimo).put("maximo", maximo);
        }
    }

    /**
     * One category. {@code id} is Bling's (integer) id: Shopee's id, or Mercado Livre's without its
     * site prefix; {@code marketplaceId} is what a listing's {@code categoria.id} takes.
     */
    record Category(long id, String marketplaceId, String nome, long parent, boolean leaf, List<Attribute> attributes) {
        Optional<Attribute> attribute(String marketplaceAttributeId) {
            return attributes.stream().filter(a -> a.marketplaceId.equals(marketplaceAttributeId)).findFirst();
        }
    }

    /** One integration's tree, by Bling's id. */
    record Tree(String integration, Map<Long, Category> byId, Map<String, Category> byMarketplaceId) {
        List<Category> children(long parent) {
            return byId.values().stream().filter(c -> c.parent == parent).toList();
        }
    }

    private static final class Holder {
        static final Map<String, Tree> TREES = load();
    }

    private MarketplaceTrees() {
    }

    /** The tree of an integration type, if the sandbox serves it. */
    static Optional<Tree> of(String integration) {
        return Optional.ofNullable(Holder.TREES.get(integration));
    }

    static Set<String> integrations() {
        return Holder.TREES.keySet();
    }

    private static Map<String, Tree> load() {
        Map<String, Tree> out = new LinkedHashMap<>();
        out.put(MERCADO_LIVRE, mercadoLivre());
        out.put(SHOPEE, shopee());
        return Collections.unmodifiableMap(out);
    }

    private static Tree mercadoLivre() {
        String base = "mercadolivre/snapshot/categories/";
        Map<Long, Category> byId = new TreeMap<>();
        Map<Long, Set<Long>> children = new TreeMap<>();
        Map<Long, String[]> parents = new TreeMap<>();
        long[] seq = {1};
        for (String leaf : MERCADO_LIVRE_LEAVES) {
            JsonNode cat = read(base + leaf + ".json").orElseThrow(() -> missing(base + leaf + ".json"));
            JsonNode path = cat.path("path_from_root");
            long parent = 0;
            for (JsonNode step : path) {
                String id = step.path("id").asText();
                long bid = digits(id);
                if (!id.equals(leaf)) {
                    parents.putIfAbsent(bid, new String[] {id, step.path("name").asText(id), String.valueOf(parent)});
                    children.computeIfAbsent(bid, k -> new HashSet<>());
                }
                parent = bid;
            }
            long leafParent = path.size() >= 2 ? digits(path.get(path.size() - 2).path("id").asText()) : 0;
            Set<String> conditional = new HashSet<>();
            read(base + leaf + "/attributes/conditional.json").ifPresent(c ->
                    c.path("required_attributes").forEach(a -> conditional.add(a.path("id").asText())));
            List<Attribute> attributes = new ArrayList<>();
            for (JsonNode a : read(base + leaf + "/attributes.json").orElseThrow(() -> missing(leaf + " attributes"))) {
                Set<String> tags = tags(a.path("tags"));
                // What the seller never writes is not in Bling's listing form either.
                if (tags.contains("hidden") || tags.contains("read_only") || tags.contains("fixed")
                        || tags.contains("inferred")) {
                    continue;
                }
                String id = a.path("id").asText();
                boolean required = tags.contains("required") || tags.contains("new_required") || conditional.contains(id);
                attributes.add(new Attribute(seq[0]++, id, false, a.path("name").asText(id), required,
                        a.path("value_type").asText("string"), a.path("default_unit").asText(""), 0,
                        a.path("value_max_length").asLong(0)));
            }
            byId.put(digits(leaf), new Category(digits(leaf), leaf, cat.path("name").asText(leaf), leafParent, true,
                    List.copyOf(attributes)));
        }
        parents.forEach((bid, p) -> byId.put(bid, new Category(bid, p[0], p[1], Long.parseLong(p[2]), false, List.of())));
        return tree(MERCADO_LIVRE, byId);
    }

    private static Tree shopee() {
        String base = "shopee/snapshot/";
        JsonNode list = read(base + "get_category.json").orElseThrow(() -> missing("get_category"));
        JsonNode categories = list.path("response").path("category_list");
        Map<Long, Category> byId = new TreeMap<>();
        long seq = 1_000_000;
        for (JsonNode c : categories) {
            long id = c.path("category_id").asLong();
            boolean leaf = !c.path("has_children").asBoolean(false);
            List<Attribute> attributes = new ArrayList<>();
            if (leaf) {
                Optional<JsonNode> tree = read(base + "get_attribute_tree/" + id + ".json");
                if (tree.isEmpty()) {
                    continue; // a leaf the snapshot holds no requirements for: not served
                }
                for (JsonNode entry : tree.get().path("response").path("list")) {
                    for (JsonNode a : entry.path("attribute_tree")) {
                        JsonNode info = a.path("attribute_info");
                        String units = info.path("attribute_unit_list").path(0).asText("");
                        attributes.add(new Attribute(seq++, a.path("attribute_id").asText(), true, ptBr(a),
                                a.path("mandatory").asBoolean(false) || a.path("is_mandatory").asBoolean(false),
                                validation(info.path("input_validation_type").asText("0")), units, 0,
                                info.path("max_value_count").asLong(0)));
                    }
                }
            }
            String name = c.path("display_category_name").asText(c.path("original_category_name").asText(""));
            byId.put(id, new Category(id, String.valueOf(id), name, c.path("parent_category_id").asLong(0), leaf,
                    List.copyOf(attributes)));
        }
        return tree(SHOPEE, byId);
    }

    private static Tree tree(String integration, Map<Long, Category> byId) {
        Map<String, Category> byMarketplace = new LinkedHashMap<>();
        byId.values().forEach(c -> byMarketplace.put(c.marketplaceId(), c));
        return new Tree(integration, Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byMarketplace));
    }

    private static String validation(String type) {
        return switch (type) {
            case "1", "INT_TYPE" -> "INT_TYPE";
            case "3", "FLOAT_TYPE" -> "FLOAT_TYPE";
            case "4", "DATE_TYPE" -> "DATE_TYPE";
            default -> "STRING_TYPE";
        };
    }

    private static String ptBr(JsonNode a) {
        for (JsonNode l : a.path("multi_lang")) {
            if (l.path("language").asText().equals("pt-BR") && !l.path("value").asText("").isBlank()) {
                return l.path("value").asText();
            }
        }
        return a.path("name").asText(a.path("attribute_id").asText());
    }

    private static Set<String> tags(JsonNode tags) {
        Set<String> out = new HashSet<>();
        if (tags.isObject()) {
            tags.properties().forEach(e -> {
                if (e.getValue().asBoolean(false)) {
                    out.add(e.getKey());
                }
            });
        } else if (tags.isArray()) {
            tags.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    static long digits(String marketplaceId) {
        return Long.parseLong(marketplaceId.replaceFirst("^[A-Z]{3}", ""));
    }

    private static Optional<JsonNode> read(String name) {
        try (InputStream in = MarketplaceTrees.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's marketplace document " + name, e);
        }
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("the sandbox's marketplace documents lack " + what + " (copied from"
                + " cathalog-marketplaces' snapshot at build time: build the module with Maven)");
    }
}
