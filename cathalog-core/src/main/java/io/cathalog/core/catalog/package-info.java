/**
 * Where the source of truth comes from: the {@link io.cathalog.core.catalog.CatalogSource} SPI,
 * and the JSON catalog file ({@link io.cathalog.core.catalog.JsonCatalogFile}, documented in
 * {@code docs/catalog-format.md}), whose reader reports every problem with its JSON pointer, line
 * and column. {@link io.cathalog.core.catalog.CatalogImport} writes such a file from an account
 * as it is, to adopt an existing account.
 */
package io.cathalog.core.catalog;
