package io.cathalog.core;

import java.time.Duration;
import java.util.List;

/**
 * The ERP's per-second limit was hit (HTTP 429, period {@code second}) and retries did not get
 * through. Every caller of the account pauses; {@link #retryAfter()} says how long.
 */
public class RateLimitedException extends RemoteException {
    private static final long serialVersionUID = 1L;

    /** The limit the ERP stated, per second. */
    private final long limit;
    /** How long every caller of the account pauses. */
    private final Duration retryAfter;

    /**
     * @param route       the refused request, as method and route template
     * @param type        the ERP's error type
     * @param message     the ERP's error message; empty when it gave none
     * @param description the ERP's longer description; empty when it gave none
     * @param limit       the limit the ERP stated, in requests per second
     * @param retryAfter  how long to wait before the account's next request
     */
    public RateLimitedException(String route, String type, String message, String description, long limit,
                                Duration retryAfter) {
        super(route, 429, type, message, description, List.of());
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /**
     * The limit the ERP stated (Bling: 3 per second).
     *
     * @return requests per second
     */
    public long limit() {
        return limit;
    }

    /**
     * How long every caller of the account pauses before the next request.
     *
     * @return the pause; not negative
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
