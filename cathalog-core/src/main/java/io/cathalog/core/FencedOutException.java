package io.cathalog.core;

import java.util.Objects;

/**
 * A state write was refused because it carried an older fence than the newest the store has seen
 * for the account: the writer's lease was lost and another holder took the account over. Nothing
 * of the refused write was stored; the writer must stop.
 */
public class FencedOutException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The account written to. */
    private final String accountId;
    /** The stale fence the refused write carried. */
    private final long fence;
    /** The newer fence the store holds. */
    private final long current;

    /**
     * @param accountId the account written to
     * @param fence     the fence the write carried
     * @param current   the newer fence the store holds for the account
     */
    public FencedOutException(String accountId, long fence, long current) {
        super("state write for account " + Objects.requireNonNull(accountId, "accountId") + " refused: it carries fence "
                + fence + " but fence " + current + " took the account over (the writer's lease was lost)");
        this.accountId = accountId;
        this.fence = fence;
        this.current = current;
    }

    /**
     * The account written to.
     *
     * @return the host's account id
     */
    public String accountId() {
        return accountId;
    }

    /**
     * The stale fence the refused write carried.
     *
     * @return the writer's fence
     */
    public long fence() {
        return fence;
    }

    /**
     * The newer fence that holds the account.
     *
     * @return the newest fence the store has seen for the account
     */
    public long current() {
        return current;
    }
}
