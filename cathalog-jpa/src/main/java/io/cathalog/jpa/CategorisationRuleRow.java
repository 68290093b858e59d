package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A categorisation rule with its match criteria; name_keywords is a JSON array of strings. */
@Entity(name = "CathalogCategorisationRuleRow")
@Table(name = "cathalog_categorisation_rule")
@IdClass(CatalogKey.class)
class CategorisationRuleRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "rule_id", nullable = false, length = 200)
    String key;
    @Column(name = "position", nullable = false)
    int position;
    @Column(name = "category_key", nullable = false, length = 200)
    String categoryKey;
    @Column(name = "sku_prefix", length = 200)
    String skuPrefix;
    @Column(name = "sku_pattern", length = 1000)
    String skuPattern;
    @Column(name = "name_keywords", length = 4000)
    String nameKeywords;
    @Column(name = "name_pattern", length = 1000)
    String namePattern;
    @Column(name = "brand", length = 500)
    String brand;
    @Column(name = "gtin_prefix", length = 50)
    String gtinPrefix;
    @Column(name = "current_category", length = 1000)
    String currentCategory;
    @Column(name = "uncategorised", nullable = false)
    boolean uncategorised;

    CategorisationRuleRow() {
        // for JPA
    }
}
