package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cathalog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsTest {
    // 12:00 in São Paulo, so a day boundary is far away unless a test moves there.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T15:00:00Z"));
    private BlingSandbox sandbox;

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void threeRequestsPerSlidingSecondPerAccount() {
        String other = "abcdefabcdefabcdefabcdefabcdef12";
        sandbox = BlingSandbox.builder().clock(clock).account(other, "Outra").start();
        Api api = Api.forDemo(sandbox);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/canais-venda").status()).isEqualTo(200);
            clock.advance(Duration.ofMillis(100));
        }
        Api.Resp limited = api.get("/canais-venda");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error().get("type").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.error().get("message").asText()).isEqualTo("Limite de requisições atingido.");
        assertThat(limited.error().get("limit").asInt()).isEqualTo(3);
        assertThat(limited.error().get("period").asText()).isEqualTo("second");
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
        // Another account has its own budget.
        Api otherApi = new Api(sandbox, sandbox.issueTokens(OAuthApp.DEMO_CLIENT_ID, other).accessToken());
        assertThat(otherApi.get("/canais-venda").status()).isEqualTo(200);
        // The window slides: one second after the first request, one slot is free again.
        clock.advance(Duration.ofMillis(700));
        assertThat(api.get("/canais-venda").status()).isEqualTo(200);
        assertThat(api.get("/canais-venda").status()).isEqualTo(429);
        assertThat(sandbox.requestLog().countWithStatus(429)).isEqualTo(2);
    }

    @Test
    void dailyQuotaIsAnsweredWithPeriodDayAndResetsAtMidnightInSaoPaulo() {
        sandbox = BlingSandbox.builder().clock(clock).dailyQuota(5).start();
        Api api = Api.forDemo(sandbox);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/canais-venda").status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
        }
        Api.Resp r = api.get("/canais-venda");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.error().get("period").asText()).isEqualTo("day");
        assertThat(r.error().get("limit").asInt()).isEqualTo(5);
        assertThat(sandbox.requestsUsedToday(sandbox.defaultAccountId())).isEqualTo(5);
        clock.set(Instant.parse("2026-03-11T03:00:00Z")); // midnight in America/Sao_Paulo
        api.token = sandbox.issueTokens().accessToken();
        assertThat(api.get("/canais-venda").status()).isEqualTo(200);
    }

    @Test
    void tooManyErrorsBlocksTheIpAndIsRecorded() {
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false)
                .ipBlock(5, 1000, Duration.ofSeconds(10), Duration.ofMinutes(10)).start();
        Api api = Api.forDemo(sandbox);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/produtos/1").status()).isEqualTo(404);
        }
        assertThat(sandbox.ipBlockEvents()).isEmpty();
        assertThat(api.get("/produtos/1").status()).isEqualTo(404);
        assertThat(sandbox.ipBlockEvents()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo(IpBlockEvent.Trigger.TOO_MANY_ERRORS);
            assertThat(e.address()).isEqualTo("127.0.0.1");
            assertThat(e.blockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        });
        Api.Resp blocked = api.get("/canais-venda");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.error().get("type").asText()).isEqualTo("FORBIDDEN");
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.get("/canais-venda").status()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsBlocksTheIpWithAConfigurableStatus() {
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false).ipBlockStatus(429)
                .ipBlock(1000, 4, Duration.ofSeconds(10), Duration.ofMinutes(10)).start();
        Api api = Api.forDemo(sandbox);
        for (int i = 0; i < 4; i++) {
            assertThat(api.get("/canais-venda").status()).isEqualTo(200);
        }
        assertThat(api.get("/canais-venda").status()).isEqualTo(200);
        assertThat(sandbox.ipBlockEvents()).extracting(IpBlockEvent::trigger)
                .containsExactly(IpBlockEvent.Trigger.TOO_MANY_REQUESTS);
        assertThat(api.get("/canais-venda").status()).isEqualTo(429);
    }

    @Test
    void crossingsAreRecordedEvenWhenBlocksAreNotEnforced() {
        sandbox = BlingSandbox.builder().clock(clock).rateLimits(false).enforceIpBlocks(false)
                .ipBlock(2, 1000, Duration.ofSeconds(10), Duration.ofMinutes(10)).start();
        Api api = Api.forDemo(sandbox);
        for (int i = 0; i < 3; i++) {
            api.get("/produtos/1");
        }
        assertThat(sandbox.ipBlockEvents()).hasSize(1);
        assertThat(api.get("/canais-venda").status()).isEqualTo(200);
    }

    @Test
    void moreThanTwentyTokenCallsInAMinuteBlocksTheTokenEndpointForAnHour() {
        sandbox = BlingSandbox.builder().clock(clock).start();
        IssuedTokens t = sandbox.issueTokens();
        String refresh = t.refreshToken();
        for (int i = 0; i < 20; i++) {
            Api.Resp r = Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + refresh);
            assertThat(r.status()).isEqualTo(200);
            refresh = r.json().get("refresh_token").asText();
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(sandbox.ipBlockEvents()).isEmpty();
        Api.Resp blocked = Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + refresh);
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(sandbox.ipBlockEvents()).extracting(IpBlockEvent::trigger)
                .containsExactly(IpBlockEvent.Trigger.TOO_MANY_TOKEN_CALLS);
        refresh = blocked.json().get("refresh_token").asText();
        assertThat(Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + refresh).status()).isEqualTo(403);
        // Only the token endpoint is blocked.
        assertThat(new Api(sandbox, blocked.json().get("access_token").asText()).get("/canais-venda").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(60));
        assertThat(Api.demoToken(sandbox, "grant_type=refresh_token&refresh_token=" + refresh).status()).isEqualTo(200);
    }

    /** Real time: eight threads hammering one account never get more than three requests served per second. */
    @Test
    void concurrentClientsNeverGetMoreThanThreePerSecondServed() throws Exception {
        sandbox = BlingSandbox.builder().start();
        String token = sandbox.issueTokens().accessToken();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                Api api = new Api(sandbox, token);
                while (System.nanoTime() < end) {
                    statuses.add(api.get("/canais-venda").status());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(statuses).contains(200, 429);
        List<RecordedRequest> served = sandbox.requestLog().entries().stream().filter(r -> r.status() == 200).toList();
        int peak = 0;
        for (int i = 0; i < served.size(); i++) {
            int n = 0;
            for (RecordedRequest r : served) {
                if (!r.at().isBefore(served.get(i).at()) && r.at().isBefore(served.get(i).at().plusSeconds(1))) {
                    n++;
                }
            }
            peak = Math.max(peak, n);
        }
        assertThat(peak).isLessThanOrEqualTo(3);
        assertThat(sandbox.requestLog().peakInWindow(Duration.ofSeconds(1), Optional.of(sandbox.defaultAccountId())))
                .isGreaterThan(3);
    }
}
