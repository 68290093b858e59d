package io.cathalog.core.http;

import io.cathalog.core.testing.MutableClock;

/** The limiter contract on the in-process limiter. */
class LocalRequestLimiterContractTest extends RequestLimiterContract {
    @Override
    protected RequestLimiter newLimiter(String account, Pacing pacing, MutableClock clock, Sleeper sleeper) {
        return LocalRequestLimiter.builder(account, pacing).clock(clock).sleeper(sleeper).build();
    }
}
