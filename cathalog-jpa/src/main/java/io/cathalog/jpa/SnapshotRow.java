package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What the engine last knew an item to hold in the ERP, as its JSON text (SyncStateStore). */
@Entity(name = "CathalogSnapshotRow")
@Table(name = "cathalog_snapshot")
@IdClass(ItemId.class)
class SnapshotRow {
    @Id
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Id
    @Column(name = "entity", nullable = false, length = 40)
    String entity;
    @Id
    @Column(name = "item_key", nullable = false, length = 300)
    String key;
    @Column(name = "snapshot", nullable = false, length = Limits.TEXT)
    String snapshot;

    SnapshotRow() {
        // for JPA
    }
}
