package io.cathalog.core;

import java.time.Instant;

/**
 * The account's daily request quota is spent: the ERP's own (HTTP 429, period {@code day}) or the
 * budget the host set aside for Cathalog Sync. No request is sent until {@link #resetAt()}.
 */
public class DailyQuotaExceededException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The account whose quota is spent. */
    private final String accountId;
    /** The day's quota, in requests. */
    private final long limit;
    /** The requests counted against it so far. */
    private final long used;
    /** When the quota starts afresh. */
    private final Instant resetAt;
    /** Whether the ERP refused, rather than the local budget. */
    private final boolean remote;

    /**
     * @param accountId the account whose quota is spent
     * @param limit     the day's quota, in requests
     * @param used      the requests counted against it so far
     * @param resetAt   when the quota starts afresh
     * @param remote    true when the ERP refused, false when the host's own budget stopped the request
     */
    public DailyQuotaExceededException(String accountId, long limit, long used, Instant resetAt, boolean remote) {
        super((remote ? "the ERP's daily request quota" : "the daily request budget") + " of account '" + accountId
                + "' is spent (" + used + " of " + limit + "); no request is sent until " + resetAt);
        this.accountId = accountId;
        this.limit = limit;
        this.used = used;
        this.resetAt = resetAt;
        this.remote = remote;
    }

    /**
     * The account whose quota is spent.
     *
     * @return the host's account id
     */
    public String accountId() {
        return accountId;
    }

    /**
     * The day's quota: the ERP's stated daily limit, or the budget the host set.
     *
     * @return requests per day
     */
    public long limit() {
        return limit;
    }

    /**
     * The requests counted against the quota when it stopped the request.
     *
     * @return requests used today
     */
    public long used() {
        return used;
    }

    /**
     * When requests may be sent again.
     *
     * @return the instant the day's quota starts afresh
     */
    public Instant resetAt() {
        return resetAt;
    }

    /**
     * Who stopped the request.
     *
     * @return true when the ERP itself refused (429 period day); false when the local budget stopped it
     */
    public boolean isRemote() {
        return remote;
    }
}
