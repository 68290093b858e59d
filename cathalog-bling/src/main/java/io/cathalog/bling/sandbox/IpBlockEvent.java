package io.cathalog.bling.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A crossing of one of Bling's IP-block thresholds, recorded whether or not blocks are enforced.
 *
 * @param trigger      which threshold was crossed
 * @param address      the client's IP address
 * @param at           when it was crossed, by the sandbox's clock
 * @param blockedUntil when the block ends (or would end, when blocks are not enforced)
 * @param observed     how many errors, requests or token calls the window held at the crossing
 */
public record IpBlockEvent(Trigger trigger, String address, Instant at, Instant blockedUntil, int observed) {

    /** The three documented triggers. */
    public enum Trigger {
        /** More than the allowed errors (status >= 400) in the error window (Bling: 300 in 10 s). */
        TOO_MANY_ERRORS,
        /** More than the allowed requests in the request window (Bling: 600 in 10 s). */
        TOO_MANY_REQUESTS,
        /** More than the allowed {@code /oauth/token} calls in its window (Bling: 20 in 60 s). */
        TOO_MANY_TOKEN_CALLS
    }

    /**
     * @param trigger      which threshold was crossed
     * @param address      the client's IP address
     * @param at           when it was crossed, by the sandbox's clock
     * @param blockedUntil when the block ends (or would end, when blocks are not enforced)
     * @param observed     how many errors, requests or token calls the window held at the crossing
     * @throws NullPointerException if a component is null
     */
    public IpBlockEvent {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(blockedUntil, "blockedUntil");
    }
}
