package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A line of the apply journal (SyncStateStore); the generated id orders the lines. */
@Entity(name = "CathalogJournalRow")
@Table(name = "cathalog_journal")
class JournalRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Column(name = "run_id", nullable = false, length = 200)
    String runId;
    @Column(name = "seq", nullable = false)
    long sequence;
    @Column(name = "entity", nullable = false, length = 40)
    String entity;
    @Column(name = "item_key", nullable = false, length = 300)
    String key;
    @Column(name = "action", nullable = false, length = 20)
    String action;
    @Column(name = "outcome", length = 20)
    String outcome;
    @Column(name = "remote_id")
    Long remoteId;
    @Column(name = "at", nullable = false)
    Instant at;
    /** True on an intent until its outcome, or a repeat of it, is journaled. */
    @Column(name = "open_intent", nullable = false)
    boolean openIntent;

    JournalRow() {
        // for JPA
    }
}
