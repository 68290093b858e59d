package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An ERP id by natural key (SyncStateStore). */
@Entity(name = "CathalogRemoteIdRow")
@Table(name = "cathalog_remote_id")
@IdClass(ItemId.class)
class RemoteIdRow {
    @Id
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Id
    @Column(name = "entity", nullable = false, length = 40)
    String entity;
    @Id
    @Column(name = "item_key", nullable = false, length = 300)
    String key;
    @Column(name = "remote_id", nullable = false)
    long remoteId;

    RemoteIdRow() {
        // for JPA
    }
}
