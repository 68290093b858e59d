package io.cathalog.core.http;

import java.time.Duration;

/**
 * Waits. Injected wherever the transport waits (spacing, back-off) so that tests drive time with
 * a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits {@code duration}; returns at once for zero or a negative one.
     *
     * @param duration how long to wait
     * @throws InterruptedException if the waiting thread was interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };
}
