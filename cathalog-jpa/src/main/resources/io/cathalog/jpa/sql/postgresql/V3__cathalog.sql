-- Cathalog Sync, JPA module: schema version 3 for PostgreSQL (12 and later), after V2__cathalog.sql.
-- Product families (issue 17): a product's variations, each its own SKU, kept in the catalog
-- format's JSON (options, GTIN, price, weights, dimensions, attributes), in the family's order.

create table cathalog_product_variation (
    catalog varchar(100) not null,
    sku varchar(200) not null,
    parent_sku varchar(200) not null,
    position integer not null,
    variation_json text not null,
    primary key (catalog, sku)
);

create index cathalog_product_variation_parent on cathalog_product_variation (catalog, parent_sku, position);
