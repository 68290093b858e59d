package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A category of the source of truth. */
@Entity(name = "CathalogCategoryRow")
@Table(name = "cathalog_category")
@IdClass(CatalogKey.class)
class CategoryRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "category_key", nullable = false, length = 200)
    String key;
    @Column(name = "position", nullable = false)
    int position;
    @Column(name = "name", nullable = false, length = 500)
    String name;
    @Column(name = "parent_key", length = 200)
    String parentKey;

    CategoryRow() {
        // for JPA
    }
}
