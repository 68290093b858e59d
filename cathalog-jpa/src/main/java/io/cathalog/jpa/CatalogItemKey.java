package io.cathalog.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of a source-of-truth row that belongs to another: catalog, owner key, item. */
final class CatalogItemKey implements Serializable {
    private static final long serialVersionUID = 1L;

    String catalog;
    String key;
    String item;

    CatalogItemKey() {
        // for JPA
    }

    CatalogItemKey(String catalog, String key, String item) {
        this.catalog = catalog;
        this.key = key;
        this.item = item;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogItemKey o && Objects.equals(catalog, o.catalog) && Objects.equals(key, o.key) && Objects.equals(item, o.item);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalog, key, item);
    }
}
