package io.cathalog.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * Stops sending before an ERP blocks the IP for errors (Bling blocks for 10 minutes after 300
 * errors in 10 s). It counts error answers in a sliding window and, at a threshold far below the
 * ERP's, opens for a cool-down during which requests fail fast without being sent. Share one
 * instance among all clients that leave from the same IP.
 */
public final class ErrorCircuit {
    private final int threshold;
    private final Duration window;
    private final Duration coolDown;
    private final Clock clock;

    // Guarded by this.
    private final ArrayDeque<Instant> errors = new ArrayDeque<>();
    private Instant openUntil = Instant.MIN;

    /**
     * @param threshold errors within {@code window} that open the circuit; at least 1
     * @param window    the sliding window errors are counted in
     * @param coolDown  how long it stays open
     * @param clock     the clock errors are timed with
     * @throws IllegalArgumentException if {@code threshold} is below 1
     */
    public ErrorCircuit(int threshold, Duration window, Duration coolDown, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold is at least 1");
        }
        this.threshold = threshold;
        this.window = Objects.requireNonNull(window, "window");
        this.coolDown = Objects.requireNonNull(coolDown, "coolDown");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * 60 errors in 10 s open it for 60 s: a fifth of Bling's threshold.
     *
     * @param clock the clock errors are timed with
     * @return a new circuit
     */
    public static ErrorCircuit defaults(Clock clock) {
        return new ErrorCircuit(60, Duration.ofSeconds(10), Duration.ofSeconds(60), clock);
    }

    /**
     * Whether the circuit is open now.
     *
     * @return until when it stays open; empty when it is closed
     */
    public synchronized Optional<Instant> openUntil() {
        Instant now = clock.instant();
        return now.isBefore(openUntil) ? Optional.of(openUntil) : Optional.empty();
    }

    /**
     * Counts one error response or failed attempt; the one that reaches the threshold within the
     * window opens the circuit for the cool-down.
     */
    public synchronized void recordError() {
        Instant now = clock.instant();
        errors.addLast(now);
        Instant horizon = now.minus(window);
        while (!errors.isEmpty() && !errors.peekFirst().isAfter(horizon)) {
            errors.removeFirst();
        }
        if (errors.size() >= threshold) {
            open(coolDown);
        }
    }

    /**
     * Opens at once, e.g. when the ERP says the IP is blocked. An opening that ends sooner than the
     * current one does not shorten it.
     *
     * @param duration how long it stays open from now
     */
    public synchronized void open(Duration duration) {
        Instant until = clock.instant().plus(duration);
        if (until.isAfter(openUntil)) {
            openUntil = until;
        }
        errors.clear();
    }

    @Override
    public String toString() {
        return "ErrorCircuit[" + threshold + " errors in " + window + " open it for " + coolDown + "]";
    }
}
