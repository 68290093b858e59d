package io.cathalog.bling;

import io.cathalog.core.http.Pacing;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Bling's request limits as a {@link Pacing} rule: 2.85 requests a second (95 % of the 3 Bling
 * allows), at most 3 in any second with 10 ms to spare, 120 000 a day counted in São Paulo's day.
 * The client's transport counts each request in that window until its answer arrives, then at its
 * answer (Bling counts arrivals, which come between the two), so no delay before a request reaches
 * Bling can put four in one of Bling's seconds; a permit never answered counts as answered after
 * {@link Pacing#maxInFlight()}. Give it to the account's limiter:
 *
 * <pre>{@code
 * RequestLimiter limiter = LocalRequestLimiter.builder("acme", BlingPacing.standard()).build();
 * }</pre>
 */
public final class BlingPacing {

    /** The rate Bling allows a second. */
    public static final int REQUESTS_PER_SECOND = 3;

    /** Bling's daily quota of an account. */
    public static final long DAILY_QUOTA = 120_000;

    /** The zone whose midnight resets Bling's daily quota. */
    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private BlingPacing() {
    }

    /**
     * Bling's rule, for one account.
     *
     * @return 2.85 a second, at most 3 in any 1.01 s, 120 000 a day in {@link #ZONE}
     */
    public static Pacing standard() {
        // The transport counts a request until its answer, which comes after Bling counted it, so the
        // window needs no margin for the way there; 10 ms cover the clock's granularity. (50 ms, the
        // margin when permits were counted at their grant, cost 2 % of the rate with the answers'
        // latency on top: ThroughputBenchmark, docs/benchmarks.md.) A host calling acquire() itself
        // counts its requests at their grant and should widen the window (Pacing.withWindow).
        return new Pacing(REQUESTS_PER_SECOND * 0.95, REQUESTS_PER_SECOND, Duration.ofMillis(1010), DAILY_QUOTA, ZONE);
    }
}
