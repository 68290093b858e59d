package io.cathalog.core.catalog;

import io.cathalog.core.CatalogValidationException;
import io.cathalog.core.model.Catalog;

import java.util.Objects;

/**
 * Supplies the desired state: the source of truth. A host implements it over its own data (or
 * uses the JSON file, or the JPA module's tables); the engine calls {@link #load()} once per run.
 */
@FunctionalInterface
public interface CatalogSource {

    /**
     * The catalog as it stands now, validated.
     *
     * @return the desired state of the account
     * @throws CatalogValidationException when it is invalid, listing every problem
     */
    Catalog load();

    /**
     * A source that always gives this catalog.
     *
     * @param catalog the catalog, already validated
     * @return the source
     */
    static CatalogSource of(Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        return () -> catalog;
    }
}
