package io.cathalog.core;

import java.time.Instant;

/**
 * The account's daily request quota is spent: the ERP's own (HTTP 429, period {@code day}) or the
 * budget the host set aside for Cathalog Sync. No request is sent until {@link #resetAt()}.
 */
public class DailyQuotaExceededException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final long limit;
    private final long used;
    private final Instant resetAt;
    private final boolean remote;

    public DailyQuotaExceededException(String accountId, long limit, long used, Instant resetAt, boolean remote) {
        super((remote ? "the ERP's daily request quota" : "the daily request budget") + " of account '" + accountId
                + "' is spent (" + used + " of " + limit + "); no request is sent until " + resetAt);
        this.accountId = accountId;
        this.limit = limit;
        this.used = used;
        this.resetAt = resetAt;
        this.remote = remote;
    }

    public String accountId() {
        return accountId;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used;
    }

    public Instant resetAt() {
        return resetAt;
    }

    /** True when the ERP itself refused (429 period day); false when the local budget stopped it. */
    public boolean isRemote() {
        return remote;
    }
}
