package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One account's request pacing, shared by every process (JpaRequestLimiter). */
@Entity(name = "CathalogRateLimitRow")
@Table(name = "cathalog_rate_limit")
class RateLimitRow {
    @Id
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Column(name = "next_slot", nullable = false)
    Instant nextSlot;
    @Column(name = "count_day", nullable = false, length = 10)
    String day;
    @Column(name = "used_today", nullable = false)
    long usedToday;
    @Column(name = "paused_until", nullable = false)
    Instant pausedUntil;
    @Column(name = "quota_exhausted_until", nullable = false)
    Instant quotaExhaustedUntil;
    @Column(name = "recent_sends", nullable = false, length = 4000)
    String recent;

    RateLimitRow() {
        // for JPA
    }
}
