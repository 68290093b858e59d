package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One attribute value of a product, as the catalog file's JSON for it. */
@Entity(name = "CathalogProductAttributeRow")
@Table(name = "cathalog_product_attribute")
@IdClass(CatalogItemKey.class)
class ProductAttributeRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "sku", nullable = false, length = 200)
    String key;
    @Id
    @Column(name = "attribute_name", nullable = false, length = 200)
    String item;
    @Column(name = "value_json", nullable = false, length = Limits.TEXT)
    String valueJson;

    ProductAttributeRow() {
        // for JPA
    }
}
