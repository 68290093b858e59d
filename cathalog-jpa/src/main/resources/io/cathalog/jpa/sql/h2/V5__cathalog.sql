-- Cathalog Sync, JPA module: schema version 5 for H2, after V4__cathalog.sql.
-- Product families (issue 17): the combinations of option values a family lacks on purpose
-- (the catalog format's absent_combinations, as its JSON list), kept on the row of the family's
-- first variation (position 0); null on every other row and for a family without any.

alter table cathalog_product_variation add column absent_combinations_json text;
