package io.cathalog.bling;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestEvent;
import io.cathalog.core.http.RetryPolicy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sandbox and a client of its default account, fast by default (limits off, no back-off waits). */
final class ClientFixture implements AutoCloseable {
    final BlingSandbox sandbox;
    final List<RequestEvent> events = new CopyOnWriteArrayList<>();
    final String account;

    ClientFixture(BlingSandbox.Builder sandbox) {
        this.sandbox = sandbox.start();
        this.account = this.sandbox.defaultAccountId();
    }

    static ClientFixture fast() {
        return new ClientFixture(BlingSandbox.builder().rateLimits(false));
    }

    /** A limiter that does not slow tests down (the sandbox's own limits are what a test turns on). */
    LocalRequestLimiter.Builder fastLimiter() {
        return LocalRequestLimiter.builder(account, BlingPacing.standard()).ratePerSecond(1000).window(1000, Duration.ofSeconds(1), Duration.ZERO);
    }

    BlingClient.Builder clientBuilder() {
        return BlingClient.builder()
                .baseUrl(sandbox.baseUrl())
                .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                .limiter(fastLimiter().build())
                .retryPolicy(new RetryPolicy(4, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                .sleeper(d -> { })
                .listener(events::add);
    }

    BlingClient client() {
        return clientBuilder().build();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
