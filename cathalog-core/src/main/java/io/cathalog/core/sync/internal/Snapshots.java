package io.cathalog.core.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteProduct;

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

    /** A product as last known, and when this engine last wrote it (if it did). */
    record ProductSnapshot(RemoteProduct product, Optional<Instant> writtenAt) {
    }

    static String product(RemoteProduct p, Optional<Instant> writtenAt) {
        ObjectNode o = Json.object();
        o.put("id", p.id());
        Json.put(o, "sku", p.sku());
        o.put("name", p.name());
        o.put("status", p.status().name());
        Json.put(o, "brand", p.brand());
        Json.put(o, "gtin", p.gtin());
        p.price().ifPresent(v -> o.put("price", v.toPlainString()));
        p.categoryId().ifPresent(v -> o.put("category", v));
        p.dimensions().ifPresent(d -> o.put("dimensions", Fields.dimensions(d)));
        p.netWeight().ifPresent(w -> o.put("net_weight", w.toString()));
        p.grossWeight().ifPresent(w -> o.put("gross_weight", w.toString()));
        ArrayNode fields = o.putArray("custom_fields");
        for (CustomFieldValue v : p.customFields()) {
            ObjectNode f = fields.addObject().put("field", v.fieldId());
            v.linkId().ifPresent(l -> f.put("link", l));
            f.put("value", v.value());
        }
        writtenAt.ifPresent(t -> o.put("written_at", t.toString()));
        return Json.write(o);
    }

    static ProductSnapshot product(String json) {
        JsonNode o = Json.read(json);
        List<CustomFieldValue> fields = new ArrayList<>();
        o.path("custom_fields").forEach(f -> fields.add(new CustomFieldValue(f.path("field").asLong(),
                Json.number(f, "link"), f.path("value").asText())));
        RemoteProduct p = new RemoteProduct(o.path("id").asLong(), Json.text(o, "sku"), o.path("name").asText(),
                ProductStatus.valueOf(o.path("status").asText()), Json.text(o, "brand"), Json.text(o, "gtin"),
                Json.decimal(o, "price"), Json.number(o, "category"),
                Json.text(o, "dimensions").map(Fields::parseDimensions), Json.text(o, "net_weight").map(Weight::parse),
                Json.text(o, "gross_weight").map(Weight::parse), fields);
        return new ProductSnapshot(p, Json.text(o, "written_at").map(Instant::parse));
    }

    static String link(ProductStoreLink l) {
        ObjectNode o = Json.object().put("id", l.id()).put("product", l.productId()).put("store", l.storeId())
                .put("code", l.code());
        l.price().ifPresent(p -> o.put("price", p.toPlainString()));
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
