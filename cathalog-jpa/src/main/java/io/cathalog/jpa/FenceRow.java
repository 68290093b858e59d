package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest lease fence that wrote an account's state (SyncStateStore.fenced); never deleted. */
@Entity(name = "CathalogFenceRow")
@Table(name = "cathalog_fence")
class FenceRow {
    @Id
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Column(name = "fence", nullable = false)
    long fence;

    FenceRow() {
        // for JPA
    }
}
