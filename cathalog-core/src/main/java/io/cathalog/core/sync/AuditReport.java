package io.cathalog.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A read-only report of the ERP account against the source of truth; making it writes nothing.
 *
 * @param accountId the account audited
 * @param at        when the ERP was read
 * @param findings  every difference found; empty when the account matches
 */
public record AuditReport(String accountId, Instant at, List<AuditFinding> findings) {
    /**
     * Validates the report and copies its findings.
     *
     * @param accountId the account audited
     * @param at        when the ERP was read
     * @param findings  every difference found; empty when the account matches
     * @throws NullPointerException when a component or a finding is null
     */
    public AuditReport {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
        findings = List.copyOf(findings);
    }

    /**
     * Whether the account matches the source of truth.
     *
     * @return {@code true} when there is no finding
     */
    public boolean isClean() {
        return findings.isEmpty();
    }
}
