package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An attribute rule: source is default, constant, from_name or overrides. */
@Entity(name = "CathalogAttributeRuleRow")
@Table(name = "cathalog_attribute_rule")
@IdClass(CatalogKey.class)
class AttributeRuleRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "rule_id", nullable = false, length = 200)
    String key;
    @Column(name = "position", nullable = false)
    int position;
    @Column(name = "category_key", length = 200)
    String categoryKey;
    @Column(name = "attribute", nullable = false, length = 200)
    String attribute;
    @Column(name = "source", nullable = false, length = 20)
    String source;
    @Column(name = "value_json", length = Limits.TEXT)
    String valueJson;
    @Column(name = "pattern", length = 1000)
    String pattern;
    @Column(name = "value_kind", length = 20)
    String kind;
    @Column(name = "unit", length = 50)
    String unit;
    @Column(name = "from_name_value", length = 500)
    String fromNameValue;

    AttributeRuleRow() {
        // for JPA
    }
}
