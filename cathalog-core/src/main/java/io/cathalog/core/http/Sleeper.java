package io.cathalog.core.http;

import java.time.Duration;

/**
 * Waits. Injected wherever the transport waits (spacing, back-off) so that tests drive time with
 * a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };
}
