package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One applied (or failed) change: the append-only history (JpaChangeLog). */
@Entity(name = "CathalogChangeRow")
@Table(name = "cathalog_change_log")
class ChangeRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Column(name = "run_id", nullable = false, length = 200)
    String runId;
    @Column(name = "at", nullable = false)
    Instant at;
    @Column(name = "entity", nullable = false, length = 40)
    String entity;
    @Column(name = "item_key", nullable = false, length = 300)
    String key;
    @Column(name = "action", nullable = false, length = 20)
    String action;
    @Column(name = "remote_id")
    Long remoteId;
    @Column(name = "outcome", nullable = false, length = 20)
    String outcome;
    @Column(name = "error", length = Limits.TEXT)
    String error;
    @Column(name = "before_json", nullable = false, length = Limits.TEXT)
    String before;
    @Column(name = "after_json", nullable = false, length = Limits.TEXT)
    String after;
    @Column(name = "decided_by_json", nullable = false, length = Limits.TEXT)
    String decidedBy;

    ChangeRow() {
        // for JPA
    }
}
