package io.cathalog.core.jobs;

import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.Pacing;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.RequestLimiterContract;
import io.cathalog.core.http.Sleeper;
import io.cathalog.core.testing.MutableClock;

/** The limiter contract on the scheduler's counting wrapper: counting changes nothing of the pace. */
class CountingLimiterContractTest extends RequestLimiterContract {
    @Override
    protected RequestLimiter newLimiter(String account, Pacing pacing, MutableClock clock, Sleeper sleeper) {
        return new CountingLimiter(LocalRequestLimiter.builder(account, pacing).clock(clock).sleeper(sleeper)
                .build());
    }
}
