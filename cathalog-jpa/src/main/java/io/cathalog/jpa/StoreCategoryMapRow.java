package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A store's marketplace category for one category of the source of truth. */
@Entity(name = "CathalogStoreCategoryMapRow")
@Table(name = "cathalog_store_category_map")
@IdClass(CatalogItemKey.class)
class StoreCategoryMapRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "store_key", nullable = false, length = 200)
    String key;
    @Id
    @Column(name = "category_key", nullable = false, length = 200)
    String item;
    @Column(name = "marketplace_category", nullable = false, length = 500)
    String marketplaceCategory;

    StoreCategoryMapRow() {
        // for JPA
    }
}
