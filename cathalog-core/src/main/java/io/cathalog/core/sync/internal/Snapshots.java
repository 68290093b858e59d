package io.cathalog.core.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.core.model.Weight;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteVariation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's own JSON for what it knows an ERP item holds, kept in the state store between runs.
 * A product snapshot also says when the engine itself last wrote the product, so an incremental
 * run can tell its own writes from someone else's.
 */
final class Snapshots {
    private Snapshots() {
    }

    /**
     * A product as last known; the baseline it is measured against for drift (what this engine last
     * wrote, or what it first saw); and when the ERP's copy was last known to be this one — the
     * engine wrote it or read it in full then —, so that a change listed since tells whether it is
     * one the engine already knows.
     */
    record ProductSnapshot(RemoteProduct product, RemoteProduct baseline, Optional<Instant> currentAt) {
    }

    static String product(ProductSnapshot s) {
        ObjectNode o = node(s.product());
        if (!s.baseline().equals(s.product())) {
            o.set("baseline", node(s.baseline()));
        }
        s.currentAt().ifPresent(t -> o.put("current_at", t.toString()));
        return Json.write(o);
    }

    /**
     * The canonical form of a product as compact text, for fingerprints: the same fields and
     * canonical units as the JSON, built without a JSON writer (a plan fingerprints every product).
     */
    static void canonical(RemoteProduct p, StringBuilder b) {
        b.append(p.id()).append('|').append(p.sku().orElse("")).append('|').append(p.name()).append('|')
                .append(p.status()).append('|').append(p.brand().orElse("")).append('|').append(p.gtin().orElse(""))
                .append('|').append(p.price().map(Snapshots::plain).orElse("")).append('|')
                .append(p.categoryId().isPresent() ? p.categoryId().getAsLong() : -1).append('|')
                .append(p.dimensions().map(d -> Fields.dimensions(millimetres(d))).orElse("")).append('|')
                .append(p.netWeight().map(w -> w.to(WeightUnit.GRAM).toString()).orElse("")).append('|')
                .append(p.grossWeight().map(w -> w.to(WeightUnit.GRAM).toString()).orElse(""));
        List<CustomFieldValue> sorted = new ArrayList<>(p.customFields());
        sorted.sort(java.util.Comparator.comparingLong(CustomFieldValue::fieldId)
                .thenComparingLong(v -> v.linkId().orElse(0)).thenComparing(CustomFieldValue::value));
        for (CustomFieldValue v : sorted) {
            b.append('|').append(v.fieldId()).append(':').append(v.linkId().orElse(0)).append('=').append(v.value());
        }
        // A family's variations are premises of its plan too (a write carries every one of them).
        for (RemoteVariation v : p.variations()) {
            b.append("|v").append(v.id()).append(':').append(v.sku().orElse("")).append(':').append(v.name())
                    .append(':').append(v.options()).append(':').append(v.gtin().orElse("")).append(':')
                    .append(v.price().map(Snapshots::plain).orElse("")).append(':')
                    .append(v.dimensions().map(d -> Fields.dimensions(millimetres(d))).orElse("")).append(':')
                    .append(v.netWeight().map(w -> w.to(WeightUnit.GRAM).toString()).orElse("")).append(':')
                    .append(v.grossWeight().map(w -> w.to(WeightUnit.GRAM).toString()).orElse(""));
        }
    }

    /** The canonical text of a product alone. */
    static String product(RemoteProduct p) {
        return Json.write(node(p));
    }

    private static ObjectNode node(RemoteProduct p) {
        ObjectNode o = Json.object();
        o.put("id", p.id());
        Json.put(o, "sku", p.sku());
        o.put("name", p.name());
        o.put("status", p.status().name());
        Json.put(o, "brand", p.brand());
        Json.put(o, "gtin", p.gtin());
        // Canonical forms (plain decimals, grams, millimetres, fields in id order), so the same
        // product gives the same text whether it was read from the ERP or recorded after a write.
        p.price().ifPresent(v -> o.put("price", plain(v)));
        p.categoryId().ifPresent(v -> o.put("category", v));
        p.dimensions().ifPresent(d -> o.put("dimensions", Fields.dimensions(millimetres(d))));
        p.netWeight().ifPresent(w -> o.put("net_weight", w.to(WeightUnit.GRAM).toString()));
        p.grossWeight().ifPresent(w -> o.put("gross_weight", w.to(WeightUnit.GRAM).toString()));
        ArrayNode fields = o.putArray("custom_fields");
        List<CustomFieldValue> sorted = new ArrayList<>(p.customFields());
        sorted.sort(java.util.Comparator.comparingLong(CustomFieldValue::fieldId)
                .thenComparingLong(v -> v.linkId().orElse(0)).thenComparing(CustomFieldValue::value));
        for (CustomFieldValue v : sorted) {
            ObjectNode f = fields.addObject().put("field", v.fieldId());
            v.linkId().ifPresent(l -> f.put("link", l));
            f.put("value", v.value());
        }
        if (!p.variations().isEmpty()) {
            ArrayNode vs = o.putArray("variations");
            for (RemoteVariation v : p.variations()) {
                ObjectNode n = vs.addObject().put("id", v.id());
                Json.put(n, "sku", v.sku());
                n.put("name", v.name());
                ObjectNode opts = n.putObject("options");
                v.options().forEach(opts::put);
                Json.put(n, "gtin", v.gtin());
                v.price().ifPresent(x -> n.put("price", plain(x)));
                v.dimensions().ifPresent(d -> n.put("dimensions", Fields.dimensions(millimetres(d))));
                v.netWeight().ifPresent(w -> n.put("net_weight", w.to(WeightUnit.GRAM).toString()));
                v.grossWeight().ifPresent(w -> n.put("gross_weight", w.to(WeightUnit.GRAM).toString()));
            }
        }
        return o;
    }

    static ProductSnapshot product(String json) {
        JsonNode o = Json.read(json);
        RemoteProduct p = read(o);
        RemoteProduct baseline = o.has("baseline") ? read(o.get("baseline")) : p;
        // "written_at": state kept by 0.1 snapshots, which recorded only the engine's own writes.
        return new ProductSnapshot(p, baseline,
                Json.text(o, "current_at").or(() -> Json.text(o, "written_at")).map(Instant::parse));
    }

    private static RemoteProduct read(JsonNode o) {
        List<CustomFieldValue> fields = new ArrayList<>();
        o.path("custom_fields").forEach(f -> fields.add(new CustomFieldValue(f.path("field").asLong(),
                Json.number(f, "link"), f.path("value").asText())));
        return new RemoteProduct(o.path("id").asLong(), Json.text(o, "sku"), o.path("name").asText(),
                ProductStatus.valueOf(o.path("status").asText()), Json.text(o, "brand"), Json.text(o, "gtin"),
                Json.decimal(o, "price"), Json.number(o, "category"),
                Json.text(o, "dimensions").map(Snapshots::dimensions), Json.text(o, "net_weight").map(Weight::parse),
                Json.text(o, "gross_weight").map(Weight::parse), fields, variations(o));
    }

    private static List<RemoteVariation> variations(JsonNode o) {
        List<RemoteVariation> out = new ArrayList<>();
        for (JsonNode n : o.path("variations")) {
            java.util.LinkedHashMap<String, String> options = new java.util.LinkedHashMap<>();
            n.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
            out.add(new RemoteVariation(n.path("id").asLong(), Json.text(n, "sku"), n.path("name").asText(), options,
                    Json.text(n, "gtin"), Json.decimal(n, "price"), Json.text(n, "dimensions").map(Snapshots::dimensions),
                    Json.text(n, "net_weight").map(Weight::parse), Json.text(n, "gross_weight").map(Weight::parse)));
        }
        return out;
    }

    /** The snapshot's own form of dimensions, "W x H x D" as {@link Fields#dimensions} writes it. */
    private static Dimensions dimensions(String s) {
        String[] parts = s.split(" x ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("dimensions are 'W x H x D', got '" + s + "'");
        }
        return new Dimensions(io.cathalog.core.model.Length.parse(parts[0]), io.cathalog.core.model.Length.parse(parts[1]),
                io.cathalog.core.model.Length.parse(parts[2]));
    }

    static String plain(java.math.BigDecimal v) {
        java.math.BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static Dimensions millimetres(Dimensions d) {
        try {
            return d.to(LengthUnit.MILLIMETRE);
        } catch (ArithmeticException never) {
            // Every length unit converts exactly to millimetres; kept as written if one ever does not.
            return d;
        }
    }

    static String link(ProductStoreLink l) {
        ObjectNode o = Json.object().put("id", l.id()).put("product", l.productId()).put("store", l.storeId())
                .put("code", l.code());
        l.price().ifPresent(p -> o.put("price", plain(p)));
        ArrayNode c = o.putArray("categories");
        l.categoryIds().forEach(c::add);
        return Json.write(o);
    }

    static ProductStoreLink link(String json) {
        JsonNode o = Json.read(json);
        List<Long> categories = new ArrayList<>();
        o.path("categories").forEach(c -> categories.add(c.asLong()));
        return new ProductStoreLink(o.path("id").asLong(), o.path("product").asLong(), o.path("store").asLong(),
                o.path("code").asText(), Json.decimal(o, "price"), categories);
    }
}
