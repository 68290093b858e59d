package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A product of the source of truth; measures as text such as "18 cm", "250 g". */
@Entity(name = "CathalogProductRow")
@Table(name = "cathalog_product")
@IdClass(CatalogKey.class)
class ProductRow {
    @Id
    @Column(name = "catalog", nullable = false, length = 100)
    String catalog;
    @Id
    @Column(name = "sku", nullable = false, length = 200)
    String key;
    @Column(name = "position", nullable = false)
    int position;
    @Column(name = "name", nullable = false, length = 500)
    String name;
    @Column(name = "brand", length = 500)
    String brand;
    @Column(name = "gtin", length = 50)
    String gtin;
    @Column(name = "price", precision = 19, scale = 4)
    BigDecimal price;
    @Column(name = "status", length = 20)
    String status;
    @Column(name = "category_key", length = 200)
    String categoryKey;
    @Column(name = "width", length = 50)
    String width;
    @Column(name = "height", length = 50)
    String height;
    @Column(name = "depth", length = 50)
    String depth;
    @Column(name = "net_weight", length = 50)
    String netWeight;
    @Column(name = "gross_weight", length = 50)
    String grossWeight;

    ProductRow() {
        // for JPA
    }
}
