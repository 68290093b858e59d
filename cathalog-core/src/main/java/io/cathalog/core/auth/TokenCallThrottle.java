package io.cathalog.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A sliding-window budget of token-endpoint calls for one app (default 10 a minute, half of
 * Bling's 20 that block the IP for an hour). Code exchanges and refreshes share it. When the
 * budget is spent a call fails at once with {@link TokenCallThrottledException} rather than
 * waiting: a caller that needs a token that urgently is in a loop, and loops are what get blocked.
 *
 * <p>Thread-safe. Share one instance between everything that calls the endpoint of one app in a
 * process.
 */
public final class TokenCallThrottle {
    /** Route named in the exception. */
    static final String ROUTE = "POST /oauth/token";

    private final int maxCalls;
    private final Duration window;
    private final Clock clock;
    private final ArrayDeque<Instant> calls = new ArrayDeque<>();

    /**
     * @param maxCalls the calls allowed in any {@code window}; at least 1
     * @param window   the sliding window; positive
     * @param clock    the clock calls are timed with
     * @throws IllegalArgumentException if {@code maxCalls} is below 1 or {@code window} not positive
     */
    public TokenCallThrottle(int maxCalls, Duration window, Clock clock) {
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1, got " + maxCalls);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.maxCalls = maxCalls;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * At most {@code maxCalls} a minute.
     *
     * @param maxCalls the calls allowed in any minute; at least 1 (Bling blocks at 20)
     * @param clock    the clock calls are timed with
     * @return the throttle
     * @throws IllegalArgumentException if {@code maxCalls} is below 1
     */
    public static TokenCallThrottle perMinute(int maxCalls, Clock clock) {
        return new TokenCallThrottle(maxCalls, Duration.ofMinutes(1), clock);
    }

    /** Counts one call, or throws {@link TokenCallThrottledException} (counting nothing) when the budget is spent. */
    public synchronized void acquire() {
        Instant now = clock.instant();
        Instant floor = now.minus(window);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(floor)) {
            calls.pollFirst();
        }
        if (calls.size() >= maxCalls) {
            Duration wait = Duration.between(now, calls.peekFirst().plus(window));
            throw new TokenCallThrottledException(ROUTE, maxCalls, window, wait.isNegative() ? Duration.ZERO : wait);
        }
        calls.addLast(now);
    }

    /**
     * How much of the budget is spent.
     *
     * @return the calls counted in the window that ends now
     */
    public synchronized int used() {
        Instant floor = clock.instant().minus(window);
        return (int) calls.stream().filter(t -> t.isAfter(floor)).count();
    }

    @Override
    public String toString() {
        return "TokenCallThrottle[" + maxCalls + " per " + window + "]";
    }
}
