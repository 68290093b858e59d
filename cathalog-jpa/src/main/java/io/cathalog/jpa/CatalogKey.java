package io.cathalog.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of a source-of-truth row: the catalog it belongs to and its own key. */
final class CatalogKey implements Serializable {
    private static final long serialVersionUID = 1L;

    String catalog;
    String key;

    CatalogKey() {
        // for JPA
    }

    CatalogKey(String catalog, String key) {
        this.catalog = catalog;
        this.key = key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogKey o && Objects.equals(catalog, o.catalog) && Objects.equals(key, o.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalog, key);
    }
}
