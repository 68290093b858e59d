package io.cathalog.core.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.sync.ListingValues;
import io.cathalog.core.sync.ProductRef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine last wrote to a listing that the ERP does not report back: Bling's listing read
 * has no category, no price, neither the listing type nor free shipping ({@code mercadoLivre}), and
 * of a family's variations only their ids and names. Kept in the state store as the listing's
 * snapshot (entity {@code LISTING}, key {@code #id}); comparing the policy against it is how a
 * change of these is planned. Hand edits of them in the ERP cannot be seen.
 *
 * @param categoryId    the category written
 * @param price         the price written
 * @param settingsKnown whether the listing type and free shipping were recorded (snapshots of
 *                      the first listings release had category and price only)
 * @param listingType   the listing type written
 * @param freeShipping  the free shipping written
 * @param variations    the variations written, their products by SKU and id
 */
record WrittenListing(String categoryId, BigDecimal price, boolean settingsKnown, Optional<String> listingType,
                      boolean freeShipping, List<ListingValues.Variation> variations) {
    WrittenListing {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(listingType, "listingType");
        variations = List.copyOf(variations);
    }

    /** What a write of {@code v} leaves (its variations' products resolved to their ids). */
    static WrittenListing of(ListingValues v) {
        return new WrittenListing(v.categoryId(), v.price(), true, v.listingType(), v.freeShipping(), v.variations());
    }

    String toSnapshot() {
        ObjectNode o = Json.object();
        o.put("category", categoryId);
        o.put("price", price.toPlainString());
        Json.put(o, "listing_type", listingType);
        o.put("free_shipping", freeShipping);
        ArrayNode vs = o.putArray("variations");
        for (ListingValues.Variation v : variations) {
            ObjectNode n = vs.addObject().put("sku", v.product().sku());
            v.product().remoteId().ifPresent(id -> n.put("product_id", id));
            n.put("name", v.name()).put("price", v.price().toPlainString());
            ObjectNode a = n.putObject("attributes");
            v.attributes().forEach(a::put);
        }
        return Json.write(o);
    }

    /** Reads a snapshot: this form, or the first release's {@code category|price}. */
    static Optional<WrittenListing> parse(String snapshot) {
        try {
            if (!snapshot.startsWith("{")) {
                int bar = snapshot.lastIndexOf('|');
                return bar < 0 ? Optional.empty() : Optional.of(new WrittenListing(snapshot.substring(0, bar),
                        new BigDecimal(snapshot.substring(bar + 1)), false, Optional.empty(), false, List.of()));
            }
            JsonNode o = Json.read(snapshot);
            List<ListingValues.Variation> variations = new ArrayList<>();
            for (JsonNode n : o.path("variations")) {
                Map<String, String> attributes = new LinkedHashMap<>();
                n.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
                String sku = n.path("sku").asText();
                ProductRef ref = n.has("product_id") ? ProductRef.existing(sku, n.path("product_id").asLong())
                        : ProductRef.planned(sku);
                variations.add(new ListingValues.Variation(ref, n.path("name").asText(),
                        new BigDecimal(n.path("price").asText()), attributes));
            }
            return Optional.of(new WrittenListing(o.path("category").asText(), new BigDecimal(o.path("price").asText()),
                    true, Json.text(o, "listing_type"), o.path("free_shipping").asBoolean(), variations));
        } catch (RuntimeException unreadable) {
            // A snapshot that cannot be read is as good as none: the listing is written once again.
            return Optional.empty();
        }
    }
}
