package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The source of truth that goes with the demo seed: the category tree the demo account should
 * have, categorisation rules by SKU prefix, attribute rules (brands from names, package defaults
 * per category, warranty), two new products, and the Mercado Livre and Shopee stores with their
 * category mappings. In the JSON catalog format of {@code docs/catalog-format.md}.
 */
public final class DemoCatalog {
    private static final String RESOURCE = "demo-catalog.json";

    private DemoCatalog() {
    }

    /**
     * The catalog file's text.
     *
     * @return the demo catalog as JSON
     * @throws IllegalStateException if the resource is missing from the jar
     */
    public static String json() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The catalog with {@code extra} more running shoes declared (SKUs {@code EXTRA-000} on, each
     * with its own valid GTIN): each is a product to create, fill and link to both stores, so
     * reliability suites get a plan of the size they need from the same seed.
     *
     * @param extra how many products to add; not negative
     * @return the catalog as JSON
     * @throws IllegalArgumentException if {@code extra} is negative
     */
    public static String json(int extra) {
        if (extra < 0) {
            throw new IllegalArgumentException("extra must not be negative, got " + extra);
        }
        ObjectNode catalog = (ObjectNode) Json.parse(json().getBytes(StandardCharsets.UTF_8));
        ArrayNode products = (ArrayNode) catalog.path("products");
        JsonNode model = products.get(0);
        for (int i = 0; i < extra; i++) {
            ObjectNode p = model.deepCopy();
            p.put("sku", String.format(Locale.ROOT, "EXTRA-%03d", i));
            p.put("name", "Tênis Corrida Extra " + i + " Masculino Preto");
            String body = String.valueOf(789_500_000_000L + i);
            p.put("gtin", body + Gtin.checkDigit(body));
            products.add(p);
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(catalog);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
