package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A store (Bling sales channel) of the source of truth. */
@Entity(name = "CathalogStoreRow")
@Table(name = "cathalog_store")
@IdClass(CatalogKey.class)
class StoreRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "store_key", nullable = false, length = 200)
    String key;
    @Column(name = "position", nullable = false)
    int position;
    @Column(name = "remote_id", nullable = false)
    long remoteId;
    @Column(name = "marketplace", nullable = false, length = 100)
    String marketplace;
    @Column(name = "name", nullable = false, length = 500)
    String name;
    /** The store's listing policy in the catalog format's JSON; null when it has none. */
    @Column(name = "listing_policy_json", length = Limits.TEXT)
    String listingPolicyJson;

    StoreRow() {
        // for JPA
    }
}
