package io.cathalog.core;

import java.time.Duration;
import java.util.List;

/**
 * The ERP's per-second limit was hit (HTTP 429, period {@code second}) and retries did not get
 * through. Every caller of the account pauses; {@link #retryAfter()} says how long.
 */
public class RateLimitedException extends RemoteException {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final Duration retryAfter;

    public RateLimitedException(String route, String type, String message, String description, long limit,
                                Duration retryAfter) {
        super(route, 429, type, message, description, List.of());
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** The limit the ERP stated (Bling: 3 per second). */
    public long limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
