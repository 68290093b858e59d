package io.cathalog.core.marketplace;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of a requirements cache.
 *
 * @param timeToLive  how long requirements are kept after they were read; marketplaces change
 *                    their trees, so this is hours, not weeks
 * @param maximumSize how many categories are kept at most
 * @param clock       the time source (tests move a clock by hand)
 */
public record CacheSettings(Duration timeToLive, long maximumSize, Clock clock) {

    /**
     * @param timeToLive  how long requirements are kept after they were read; marketplaces change
     *                    their trees, so this is hours, not weeks
     * @param maximumSize how many categories are kept at most
     * @param clock       the time source (tests move a clock by hand)
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code timeToLive} is not positive or {@code maximumSize} is below 1
     */
    public CacheSettings {
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("the time to live must be positive, got " + timeToLive);
        }
        if (maximumSize < 1) {
            throw new IllegalArgumentException("the maximum size must be at least 1, got " + maximumSize);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Six hours, 1,000 categories, the system clock.
     *
     * @return the default settings
     */
    public static CacheSettings defaults() {
        return new CacheSettings(Duration.ofHours(6), 1_000, Clock.systemUTC());
    }

    /**
     * The same bounds on another clock.
     *
     * @param clock the time source, e.g. a test clock moved by hand
     * @return a copy with that clock
     */
    public CacheSettings withClock(Clock clock) {
        return new CacheSettings(timeToLive, maximumSize, clock);
    }
}
