package io.cathalog.bling.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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

    /** The catalog file's text. */
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
}
