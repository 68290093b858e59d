package io.cathalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An account's tokens, each token encrypted by the store; a deleted account keeps its row and version with no tokens. */
@Entity(name = "CathalogTokenRow")
@Table(name = "cathalog_token")
class TokenRow {
    @Id
    @Column(name = "account_id", nullable = false, length = 200)
    String accountId;
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "access_token", length = Limits.TEXT)
    String accessToken;
    @Column(name = "refresh_token", length = Limits.TEXT)
    String refreshToken;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "obtained_at")
    Instant obtainedAt;
    @Column(name = "scopes", length = 2000)
    String scopes;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    TokenRow() {
        // for JPA
    }
}
