package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Bling's per-account limits: N requests in any sliding second and a daily quota that resets at
 * midnight in Bling's zone. Rejected requests do not use up the budget.
 */
final class RateLimiter {
    private final int perSecond;
    private final long perDay;
    private final ZoneId zone;
    private final ArrayDeque<Instant> window = new ArrayDeque<>();
    private LocalDate day;
    private long usedToday;

    RateLimiter(int perSecond, long perDay, ZoneId zone) {
        this.perSecond = perSecond;
        this.perDay = perDay;
        this.zone = zone;
    }

    synchronized Optional<ApiException> tryAcquire(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!today.equals(day)) {
            day = today;
            usedToday = 0;
        }
        if (usedToday >= perDay) {
            return Optional.of(tooMany(perDay, "day",
                    "O limite de requisições por dia foi atingido, tente novamente amanhã."));
        }
        Instant floor = now.minus(Duration.ofSeconds(1));
        while (!window.isEmpty() && !window.peekFirst().isAfter(floor)) {
            window.pollFirst();
        }
        if (window.size() >= perSecond) {
            return Optional.of(tooManyPerSecond(perSecond));
        }
        window.addLast(now);
        usedToday++;
        return Optional.empty();
    }

    synchronized long usedToday(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone).equals(day) ? usedToday : 0;
    }

    /** Bling's 429 for a spent per-second limit. */
    static ApiException tooManyPerSecond(long limit) {
        return tooMany(limit, "second", "O limite de requisições por segundo foi atingido, tente novamente mais tarde.");
    }

    private static ApiException tooMany(long limit, String period, String description) {
        ObjectNode extra = Json.obj().put("limit", limit).put("period", period);
        return new ApiException(429, "TOO_MANY_REQUESTS", "Limite de requisições atingido.", description,
                java.util.List.of(), extra);
    }
}
