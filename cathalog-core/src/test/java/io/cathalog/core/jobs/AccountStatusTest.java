package io.cathalog.core.jobs;

import io.cathalog.core.testing.TestPacing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cathalog.core.auth.AuthorizeUrlFactory;
import io.cathalog.core.auth.InMemoryTokenStore;
import io.cathalog.core.auth.KeepAliveResult;
import io.cathalog.core.auth.TokenEndpoint;
import io.cathalog.core.auth.TokenGrant;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.TokenStore;
import io.cathalog.core.auth.Tokens;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AccountStatusTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T13:00:00Z"));

    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void statusJsonHasAFixedShapeAndOrder() throws Exception {
        SyncScheduler s = SyncScheduler.builder().clock(clock).owner("host-1").build();
        s.register(AccountJob.builder("acme").limiter(LocalRequestLimiter.builder("acme", TestPacing.threePerSecond()).dailyBudget(72_000).clock(clock)
                        .ratePerSecond(1000).window(1000, Duration.ofSeconds(1), Duration.ZERO).sleeper(clock::advance).build())
                .interval(Duration.ofMinutes(15)).jitter(Duration.ZERO).engine(ctx -> new FakeEngine(ctx, 3)).build());
        JsonNode before = new ObjectMapper().readTree(s.status("acme").toJson());
        assertThat(before.path("lastRun").isNull()).isTrue();
        assertThat(before.path("state").asText()).isEqualTo("SCHEDULED");

        s.runDue();
        AccountStatus status = s.status("acme");
        String json = status.toJson();
        assertThat(json).as("the same status gives the same bytes").isEqualTo(s.status("acme").toJson());
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(fields(n)).containsExactly("accountId", "state", "paused", "pauseReason", "authorizeUrl", "observedAt",
                "nextRunAt", "consecutiveFailures", "requests", "tokens", "lastRun", "split", "progress",
                "pendingProducts", "leaseHolder");
        assertThat(fields(n.path("requests"))).containsExactly("usedToday", "dailyBudget", "remainingToday", "resetsAt");
        assertThat(fields(n.path("lastRun"))).containsExactly("runId", "trigger", "owner", "startedAt", "endedAt",
                "duration", "outcome", "counts", "estimatedRequests", "remainingBudget", "requestsUsed", "split",
                "products", "error");
        assertThat(fields(n.path("lastRun").path("counts"))).containsExactly("CREATED", "UPDATED", "DELETED",
                "UNCHANGED", "SKIPPED", "FAILED");
        assertThat(n.path("requests").path("usedToday").asLong()).isEqualTo(3);
        assertThat(n.path("requests").path("dailyBudget").asLong()).isEqualTo(72_000);
        assertThat(n.path("requests").path("resetsAt").asText()).isEqualTo("2026-03-03T03:00:00Z");
        assertThat(n.path("lastRun").path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(n.path("lastRun").path("counts").path("UPDATED").asLong()).isEqualTo(3);
        assertThat(n.path("lastRun").path("owner").asText()).isEqualTo("host-1");
        assertThat(n.path("progress").path("phase").asText()).isEqualTo("APPLY");
        assertThat(n.path("progress").path("done").asLong()).isEqualTo(3);
        assertThat(n.path("tokens").path("accessTokenExpiresAt").isNull()).isTrue();
        assertThat(n.path("nextRunAt").asText()).isEqualTo(status.nextRunAt().orElseThrow().toString());
        assertThat(AccountStatus.toJson(s.statuses())).startsWith("[ {").contains("\"accountId\" : \"acme\"");
    }

    /** A token endpoint that hands out new pairs and counts refreshes. */
    static final class CountingEndpoint implements TokenEndpoint {
        final AtomicInteger refreshes = new AtomicInteger();
        volatile String dead = "";

        @Override
        public TokenGrant exchangeCode(String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenGrant refresh(String refreshToken) {
            if (dead.equals(refreshToken)) {
                throw new io.cathalog.core.AuthorizationException("invalid_grant", "refresh token revoked");
            }
            int n = refreshes.incrementAndGet();
            return new TokenGrant("access-" + n, Optional.of("refresh-" + n), Duration.ofHours(6), Set.of("1"));
        }
    }

    @Test
    void keepAliveRefreshesRefreshTokensThatWouldLapseAndPausesDeadOnes() {
        TokenStore store = new io.cathalog.core.auth.InMemoryTokenStore();
        CountingEndpoint endpoint = new CountingEndpoint();
        AuthorizeUrlFactory urls = state -> URI.create("https://bling.example/authorize?state=" + state);
        TokenManager manager = TokenManager.builder().store(store).endpoint(endpoint).authorizeUrls(urls).clock(clock)
                .build();
        Instant now = clock.instant();
        // acme's refresh token was issued 25 days ago: it lapses in 5 days, inside the 7-day margin.
        store.compareAndSet("acme", TokenStore.ABSENT, new Tokens("a0", "r0", now.minus(Duration.ofDays(25)).plusSeconds(21600),
                Set.of("1"), now.minus(Duration.ofDays(25))));
        // globex's was issued an hour ago.
        store.compareAndSet("globex", TokenStore.ABSENT, new Tokens("g0", "gr0", now.plus(Duration.ofHours(5)), Set.of("1"),
                now.minus(Duration.ofHours(1))));
        SyncScheduler s = SyncScheduler.builder().clock(clock).sleeper(clock::advance).tokens(manager, store).build();
        for (String id : List.of("acme", "globex")) {
            s.register(AccountJob.builder(id).pacing(TestPacing.threePerSecond()).interval(Duration.ofHours(1)).jitter(Duration.ZERO)
                    .engine(ctx -> new FakeEngine(ctx, 0)).build());
        }
        assertThat(s.status("acme").refreshTokenLapsesAt()).contains(now.plus(Duration.ofDays(5)));

        s.runDue();
        assertThat(endpoint.refreshes).hasValue(1);
        assertThat(s.status("acme").refreshTokenLapsesAt()).contains(now.plus(Duration.ofDays(30)));
        assertThat(s.status("acme").accessTokenExpiresAt()).contains(now.plus(Duration.ofHours(6)));
        assertThat(s.status("globex").refreshTokenLapsesAt()).contains(now.minus(Duration.ofHours(1)).plus(Duration.ofDays(30)));

        // Within the keep-alive period nothing is called again.
        clock.advance(Duration.ofHours(1));
        s.runDue();
        assertThat(endpoint.refreshes).hasValue(1);

        // 23 days later globex nears its lapse; its authorization has been revoked meanwhile.
        clock.advance(Duration.ofDays(23));
        endpoint.dead = "gr0";
        List<KeepAliveResult> results = s.keepAlive();
        assertThat(results).extracting(KeepAliveResult::accountId, KeepAliveResult::outcome).contains(
                org.assertj.core.groups.Tuple.tuple("globex", KeepAliveResult.Outcome.REAUTHORIZATION_REQUIRED));
        assertThat(s.status("globex").paused()).isTrue();
        assertThat(s.status("globex").authorizeUrl()).get().asString().startsWith("https://bling.example/authorize");
        assertThat(s.status("acme").paused()).isFalse();
        assertThat(endpoint.refreshes).as("acme, near its lapse again, refreshed once more").hasValue(2);
        clock.advance(Duration.ofHours(6));
        s.runDue();
        assertThat(s.status("globex").state()).as("a paused account does not run").isEqualTo(AccountStatus.State.PAUSED);
    }
}
