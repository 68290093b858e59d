package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One SKU's value of an overrides attribute rule. */
@Entity(name = "CathalogAttributeOverrideRow")
@Table(name = "cathalog_attribute_override")
@IdClass(CatalogItemKey.class)
class AttributeOverrideRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "rule_id", nullable = false, length = 200)
    String key;
    @Id
    @Column(name = "sku", nullable = false, length = 200)
    String item;
    @Column(name = "value_json", nullable = false, length = Limits.TEXT)
    String valueJson;

    AttributeOverrideRow() {
        // for JPA
    }
}
