package io.cathalog.core.auth;

import io.cathalog.core.BlockedException;
import java.time.Duration;
import java.util.Objects;

/**
 * The client's own token-call budget for the app is spent: the call was not sent. Thrown instead of
 * risking the ERP's block (Bling blocks an IP for an hour after 20 token calls in a minute).
 * {@link #status()} is 0 because no request was made; {@link #retryAfter()} says when the budget
 * has room again.
 */
public class TokenCallThrottledException extends BlockedException {
    private static final long serialVersionUID = 1L;

    /** When the budget has room again. */
    private final Duration retryAfter;

    /**
     * @param route      the token route that was not called
     * @param maxCalls   the budget, in calls per window
     * @param window     the budget's window
     * @param retryAfter how long until the budget has room again
     */
    public TokenCallThrottledException(String route, int maxCalls, Duration window, Duration retryAfter) {
        super(route, 0, "CLIENT_THROTTLE", "token call not sent: " + maxCalls + " token calls in " + window
                + " already made", "retry after " + retryAfter);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * How long until the budget has room again.
     *
     * @return the wait; zero or positive
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
