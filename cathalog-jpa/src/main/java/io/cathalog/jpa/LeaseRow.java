package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A lease by name; the row outlives releases so that fences keep growing. */
@Entity(name = "CathalogLeaseRow")
@Table(name = "cathalog_lease")
class LeaseRow {
    @Id
    @Column(name = "name", nullable = false, length = 300)
    String name;
    @Column(name = "owner", length = 200)
    String owner;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "fence", nullable = false)
    long fence;

    LeaseRow() {
        // for JPA
    }
}
