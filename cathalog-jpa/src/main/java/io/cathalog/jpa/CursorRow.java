package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A named cursor of an account (SyncStateStore). */
@Entity(name = "CathalogCursorRow")
@Table(name = "cathalog_cursor")
@IdClass(CursorId.class)
class CursorRow {
    @Id
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Id
    @Column(name = "name", nullable = false, length = 200)
    String name;
    @Column(name = "cursor_value", nullable = false, length = Limits.TEXT)
    String value;

    CursorRow() {
        // for JPA
    }
}
