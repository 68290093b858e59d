-- Cathalog Sync, JPA module: schema version 4 for PostgreSQL (12 and later), after V3__cathalog.sql.
-- Listings (issue 18): a store's listing policy, kept in the catalog format's JSON
-- (create_listings, status, listing_type, free_shipping, overrides); null for a store without one.

alter table cathalog_store add column listing_policy_json text;
