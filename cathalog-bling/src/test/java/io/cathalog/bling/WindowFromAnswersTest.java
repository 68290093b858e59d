package io.cathalog.bling;

import io.cathalog.bling.dto.BlingProductBody;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.ServerErrorException;
import io.cathalog.core.TransportException;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.Usage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bling's window counted from the answers (issue 21), over real sockets: a request counts from its
 * permit until its answer, then at its answer, so slow answers never let Bling see four arrivals in
 * a second; the transport closes every permit, whatever the attempt's outcome.
 */
class WindowFromAnswersTest {
    private static final String ROUTE = "GET /categorias/produtos";

    @Test
    void withSlowAnswersTheFourthArrivalIsAWindowAfterTheFirstAnswer() {
        try (BlingSandbox sandbox = BlingSandbox.builder().start()) {
            String account = sandbox.defaultAccountId();
            sandbox.faults().latency(ROUTE, Duration.ofMillis(300));
            List<Instant> answers = new CopyOnWriteArrayList<>();
            Clock clock = Clock.systemUTC();
            BlingClient bling = BlingClient.builder().baseUrl(sandbox.baseUrl())
                    .tokens(AccessTokenProvider.fixed(sandbox.issueTokens().accessToken()))
                    .limiter(LocalRequestLimiter.builder(account, BlingPacing.standard()).build())
                    .listener(e -> answers.add(clock.instant()))
                    .build();

            for (int i = 0; i < 8; i++) {
                bling.categories().list().toList(); // back to back: each request as soon as the limiter lets it
            }

            List<Instant> arrivals = sandbox.requestLog().forAccount(account).stream()
                    .filter(r -> r.route().equals(ROUTE)).map(RecordedRequest::at).sorted().toList();
            assertThat(arrivals).hasSize(answers.size()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(sandbox.requestLog().countWithStatus(429)).isZero();
            assertThat(sandbox.requestLog().peakInWindow(Duration.ofSeconds(1), Optional.of(account)))
                    .isLessThanOrEqualTo(3);
            for (int i = 0; i + 3 < arrivals.size(); i++) {
                assertThat(arrivals.get(i + 3)).as("arrival %d against answer %d", i + 3, i)
                        .isAfterOrEqualTo(answers.get(i).plusSeconds(1));
            }
        }
    }

    @Test
    void theTransportClosesThePermitOnAnErrorAnswerAndOnALostResponse() throws Exception {
        try (ClientFixture fx = ClientFixture.fast()) {
            // One request a second, permits in flight a minute at most: one left open would hold the next for a minute.
            LocalRequestLimiter local = LocalRequestLimiter.builder(fx.account, BlingPacing.standard())
                    .ratePerSecond(1000).window(1, Duration.ofMillis(200), Duration.ZERO).build();
            Tracking limiter = new Tracking(local);
            BlingClient bling = fx.clientBuilder().limiter(limiter).build();

            fx.sandbox.faults().serverError(ROUTE, 500, 10);
            assertThatThrownBy(() -> bling.categories().list().toList()).isInstanceOf(ServerErrorException.class);
            assertThat(limiter.taken.get()).as("every attempt took a permit").isEqualTo(4);
            assertThat(limiter.open.get()).as("permits left open after error answers").isZero();

            fx.sandbox.faults().loseResponse("POST /produtos", 1);
            assertThatThrownBy(() -> bling.products().create(BlingProductBody.forCreate("A", "A").codigo("WA-1")))
                    .isInstanceOf(TransportException.class);
            assertThat(limiter.taken.get()).isEqualTo(5);
            assertThat(limiter.open.get()).as("permit left open after an IOException").isZero();

            long t0 = System.nanoTime();
            local.acquirePermit().close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("nothing in flight in the limiter")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    /** The account's limiter, counting the permits taken and those not yet closed. */
    private static final class Tracking implements RequestLimiter {
        final RequestLimiter delegate;
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();

        Tracking(RequestLimiter delegate) {
            this.delegate = delegate;
        }

        @Override
        public String accountId() {
            return delegate.accountId();
        }

        @Override
        public void acquire() throws InterruptedException {
            delegate.acquire();
        }

        @Override
        public Permit acquirePermit() throws InterruptedException {
            Permit permit = delegate.acquirePermit();
            taken.incrementAndGet();
            open.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            return () -> {
                if (closed.compareAndSet(false, true)) {
                    open.decrementAndGet();
                    permit.close();
                }
            };
        }

        @Override
        public void pause(Duration pause) {
            delegate.pause(pause);
        }

        @Override
        public void quotaExhausted(Instant resetAt) {
            delegate.quotaExhausted(resetAt);
        }

        @Override
        public Instant nextReset() {
            return delegate.nextReset();
        }

        @Override
        public Usage usage() {
            return delegate.usage();
        }
    }
}
