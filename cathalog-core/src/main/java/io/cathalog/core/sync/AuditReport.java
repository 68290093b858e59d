package io.cathalog.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A read-only report of the ERP account against the source of truth. */
public record AuditReport(String accountId, Instant at, List<AuditFinding> findings) {
    public AuditReport {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
        findings = List.copyOf(findings);
    }

    public boolean isClean() {
        return findings.isEmpty();
    }
}
