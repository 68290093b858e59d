package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One variation of a product family: its SKU, its parent's, its place and its catalog-format JSON. */
@Entity(name = "CathalogProductVariationRow")
@Table(name = "cathalog_product_variation")
@IdClass(CatalogKey.class)
class ProductVariationRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "sku", nullable = false, length = 200)
    String key;
    @Column(name = "parent_sku", nullable = false, length = 200)
    String parentKey;
    @Column(name = "position", nullable = false)
    int position;
    @Column(name = "variation_json", nullable = false, length = Limits.TEXT)
    String json;
    /** The family's absent combinations (a JSON list), on its first variation's row only; else null. */
    @Column(name = "absent_combinations_json", length = Limits.TEXT)
    String absentCombinationsJson;

    ProductVariationRow() {
        // for JPA
    }
}
