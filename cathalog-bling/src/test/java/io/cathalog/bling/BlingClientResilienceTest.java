package io.cathalog.bling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.dto.BlingProductBody;
import io.cathalog.bling.dto.BlingProductSummary;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.BlockedException;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.InsufficientScopeException;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.ServerErrorException;
import io.cathalog.core.TransportException;
import io.cathalog.core.UnauthorizedException;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.ErrorCircuit;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries, limits and failures, as the sandbox injects and observes them. */
class BlingClientResilienceTest {

    private static long count(BlingSandbox sandbox, String route) {
        return sandbox.requestLog().forRoute(route).size();
    }

    @Test
    void pagesThroughMoreThanAThousandProducts() {
        try (ClientFixture fx = ClientFixture.fast()) {
            for (int i = 0; i < 1_050; i++) {
                ObjectNode p = Nodes.object().put("nome", "Produto " + i).put("codigo", "PG-" + i)
                        .put("tipo", "P").put("situacao", "A").put("formato", "S");
                fx.sandbox.account().putProduct(p);
            }
            fx.sandbox.resetRequestLog();
            List<BlingProductSummary> all;
            try (Stream<BlingProductSummary> s = fx.client().products().list(ProductFilter.all())) {
                all = s.toList();
            }
            assertThat(all).hasSize(1_050);
            assertThat(all.stream().map(BlingProductSummary::id).collect(Collectors.toSet())).hasSize(1_050);
            assertThat(count(fx.sandbox, "GET /produtos")).as("11 pages of 100, the last short").isEqualTo(11);
        }
    }

    @Test
    void pagesAreFetchedOnlyAsTheStreamIsRead() {
        try (ClientFixture fx = ClientFixture.fast()) {
            for (int i = 0; i < 250; i++) {
                fx.sandbox.account().putProduct(Nodes.object().put("nome", "P" + i).put("codigo", "LZ-" + i)
                        .put("tipo", "P").put("situacao", "A").put("formato", "S"));
            }
            fx.sandbox.resetRequestLog();
            try (Stream<BlingProductSummary> s = fx.client().products().list(ProductFilter.all())) {
                assertThat(s.limit(150).count()).isEqualTo(150);
            }
            assertThat(count(fx.sandbox, "GET /produtos")).isEqualTo(2);
        }
    }

    @Test
    void unknownFieldsAndEnumValuesAreToleratedAndKept() {
        try (ClientFixture fx = new ClientFixture(BlingSandbox.builder().rateLimits(false)
                .unknownResponseProperties(true).unknownEnumValues(true))) {
            BlingClient bling = fx.client();
            long id = bling.products().create(BlingProductBody.forCreate("Fone", "A").codigo("UNK-1")).id();
            var product = bling.products().get(id).orElseThrow();
            assertThat(product.codigo()).isEqualTo("UNK-1");
            assertThat(product.raw().has("campoNovoDoBling")).as("unknown fields are kept").isTrue();
            assertThat(bling.salesChannels().list(List.of()).toList()).allSatisfy(c -> assertThat(c.situacao()).isEqualTo(9));
            assertThat(bling.customFields().modules()).isNotEmpty();
            assertThat(bling.company().raw().has("objetoNovoDoBling")).isTrue();
        }
    }

    @Test
    void eightThreadsStayUnderThreePerSecondAsTheSandboxSeesItWithNoTooManyRequests() throws Exception {
        try (BlingSandbox sandbox = BlingSandbox.builder().seedDemo().start()) {
            LocalRequestLimiter limiter = LocalRequestLimiter.builder(sandbox.defaultAccountId(), BlingPacing.standard()).build();
            AccessTokenProvider token = AccessTokenProvider.fixed(sandbox.issueTokens().accessToken());
            List<Thread> threads = new java.util.ArrayList<>();
            AtomicInteger failures = new AtomicInteger();
            for (int t = 0; t < 8; t++) {
                // A client per thread: what they share is the account's limiter.
                BlingClient client = BlingClient.builder().baseUrl(sandbox.baseUrl()).tokens(token).limiter(limiter).build();
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 3; i++) {
                        try {
                            client.categories().list().count();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(30_000);
            }
            assertThat(failures).hasValue(0);
            assertThat(sandbox.requestLog().size()).isGreaterThanOrEqualTo(24);
            assertThat(sandbox.requestLog().peakInWindow(Duration.ofSeconds(1), Optional.empty())).isLessThanOrEqualTo(3);
            assertThat(sandbox.requestLog().countWithStatus(429)).isZero();
        }
    }

    @Test
    void injectedTooManyRequestsAndServerErrorsAreAbsorbedForReads() {
        try (ClientFixture fx = ClientFixture.fast()) {
            fx.sandbox.faults().tooManyRequests("GET /categorias/produtos", 2);
            fx.sandbox.faults().serverError("GET /categorias/produtos", 503, 1);
            assertThat(fx.client().categories().list().toList()).isNotNull();
            assertThat(count(fx.sandbox, "GET /categorias/produtos")).isEqualTo(4);
            assertThat(fx.events).extracting(RequestEvent::status).containsExactly(429, 429, 503, 200);
            assertThat(fx.events).extracting(RequestEvent::attempt).containsExactly(1, 2, 3, 4);
            assertThat(fx.events).extracting(RequestEvent::route).containsOnly("/categorias/produtos");
        }
    }

    @Test
    void readsGiveUpAfterTheirAttemptsWithBlingsError() {
        try (ClientFixture fx = ClientFixture.fast()) {
            fx.sandbox.faults().serverError("GET /categorias/produtos", 500, 10);
            assertThatThrownBy(() -> fx.client().categories().list().toList())
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.status()).isEqualTo(500));
            assertThat(count(fx.sandbox, "GET /categorias/produtos")).isEqualTo(4);
        }
    }

    @Test
    void aPostIsNeverRepeatedAfterAServerErrorOrALostResponse() {
        try (ClientFixture fx = ClientFixture.fast()) {
            BlingClient bling = fx.client();
            fx.sandbox.faults().serverError("POST /produtos", 500, 1);
            assertThatThrownBy(() -> bling.products().create(BlingProductBody.forCreate("A", "A").codigo("NR-1")))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(count(fx.sandbox, "POST /produtos")).isEqualTo(1);

            fx.sandbox.faults().loseResponse("POST /produtos", 1);
            assertThatThrownBy(() -> bling.products().create(BlingProductBody.forCreate("B", "A").codigo("NR-2")))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("may or may not have been applied");
            assertThat(count(fx.sandbox, "POST /produtos")).isEqualTo(2);
            assertThat(bling.products().findBySku("NR-2")).as("the lost write was applied").isPresent();

            long id = bling.products().findBySku("NR-2").orElseThrow().id();
            fx.sandbox.faults().serverError("PATCH /produtos/{idProduto}", 502, 1);
            assertThatThrownBy(() -> bling.products().patch(id, BlingProductBody.forPatch().marca("X")))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(count(fx.sandbox, "PATCH /produtos/{idProduto}")).isEqualTo(1);
        }
    }

    @Test
    void aPostRefusedForRateIsSentAgainBecauseBlingDidNotProcessIt() {
        try (ClientFixture fx = ClientFixture.fast()) {
            fx.sandbox.faults().tooManyRequests("POST /produtos", 1);
            fx.client().products().create(BlingProductBody.forCreate("A", "A").codigo("RL-1"));
            assertThat(fx.sandbox.requestLog().forRoute("POST /produtos")).extracting(RecordedRequest::status)
                    .containsExactly(429, 201);
            assertThat(fx.sandbox.account().products()).filteredOn(p -> p.path("codigo").asText().equals("RL-1")).hasSize(1);
        }
    }

    @Test
    void aLostDeleteIsRetriedAndGoneCountsAsDone() {
        try (ClientFixture fx = ClientFixture.fast()) {
            BlingClient bling = fx.client();
            long id = bling.products().create(BlingProductBody.forCreate("A", "A").codigo("DEL-1")).id();
            fx.sandbox.faults().loseResponse("DELETE /produtos/{idProduto}", 1);
            bling.products().delete(id);
            assertThat(fx.sandbox.requestLog().forRoute("DELETE /produtos/{idProduto}")).extracting(RecordedRequest::status)
                    .containsExactly(0, 404);
            assertThat(bling.products().get(id)).isEmpty();
        }
    }

    @Test
    void theDailyQuotaStopsTheClientWithTheRightException() {
        try (ClientFixture fx = new ClientFixture(BlingSandbox.builder().requestsPerSecond(1000).dailyQuota(3))) {
            BlingClient bling = fx.client();
            for (int i = 0; i < 3; i++) {
                bling.categories().list().count();
            }
            assertThatThrownBy(() -> bling.categories().list().count())
                    .isInstanceOfSatisfying(DailyQuotaExceededException.class, e -> {
                        assertThat(e.isRemote()).isTrue();
                        assertThat(e.accountId()).isEqualTo(fx.account);
                    });
            int seen = fx.sandbox.requestLog().size();
            assertThatThrownBy(() -> bling.products().get(1)).isInstanceOf(DailyQuotaExceededException.class);
            assertThat(fx.sandbox.requestLog().size()).as("refused without a request").isEqualTo(seen);
            assertThat(bling.limiter().usage().quotaExhaustedUntil()).isPresent();
        }
    }

    @Test
    void theLocalBudgetStopsBeforeBlingDoes() {
        try (ClientFixture fx = ClientFixture.fast()) {
            BlingClient bling = fx.clientBuilder().limiter(fx.fastLimiter().dailyBudget(2).build()).build();
            bling.categories().list().count();
            bling.categories().list().count();
            assertThatThrownBy(() -> bling.categories().list().count())
                    .isInstanceOfSatisfying(DailyQuotaExceededException.class, e -> assertThat(e.isRemote()).isFalse());
            assertThat(fx.sandbox.requestLog().size()).isEqualTo(2);
            assertThat(bling.limiter().usage().usedToday()).isEqualTo(2);
        }
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheRequestSentOnceMore() {
        try (ClientFixture fx = ClientFixture.fast()) {
            AtomicInteger refreshes = new AtomicInteger();
            String first = fx.sandbox.issueTokens().accessToken();
            AccessTokenProvider tokens = new AccessTokenProvider() {
                volatile String current = first;

                @Override
                public String accessToken() {
                    return current;
                }

                @Override
                public String refreshAfterRejection(String rejected) {
                    refreshes.incrementAndGet();
                    current = fx.sandbox.issueTokens().accessToken();
                    return current;
                }
            };
            BlingClient bling = fx.clientBuilder().tokens(tokens).build();
            fx.sandbox.faults().expireAccessTokensNow(fx.account);
            assertThat(bling.categories().list().toList()).isNotNull();
            assertThat(refreshes).hasValue(1);
            assertThat(fx.sandbox.requestLog().entries()).extracting(RecordedRequest::status).containsExactly(401, 200);

            BlingClient stuck = fx.clientBuilder().tokens(AccessTokenProvider.fixed("not-a-token")).build();
            fx.sandbox.resetRequestLog();
            assertThatThrownBy(() -> stuck.categories().list().count()).isInstanceOf(UnauthorizedException.class);
            assertThat(fx.sandbox.requestLog().size()).as("one refresh, one retry, then stop").isEqualTo(2);
        }
    }

    @Test
    void notFoundIsTypedAndGetsGiveEmpty() {
        try (ClientFixture fx = ClientFixture.fast()) {
            BlingClient bling = fx.client();
            assertThat(bling.products().get(42)).isEmpty();
            assertThatThrownBy(() -> bling.categories().rename(42, "X")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void theCircuitOpensLongBeforeBlingBlocksTheIp() {
        try (ClientFixture fx = new ClientFixture(BlingSandbox.builder().rateLimits(false)
                .ipBlock(30, 600, Duration.ofSeconds(10), Duration.ofMinutes(10)))) {
            BlingClient bling = fx.clientBuilder().circuit(new ErrorCircuit(10, Duration.ofSeconds(10),
                    Duration.ofSeconds(60), Clock.systemUTC())).build();
            int sent = 0;
            for (int i = 0; i < 40; i++) {
                try {
                    bling.categories().rename(1_000 + i, "X");
                } catch (NotFoundException e) {
                    sent++;
                } catch (BlockedException e) {
                    assertThat(e.type()).isEqualTo("CIRCUIT_OPEN");
                }
            }
            assertThat(sent).isEqualTo(10);
            assertThat(fx.sandbox.ipBlockEvents()).as("Bling's threshold never crossed").isEmpty();
        }
    }

    @Test
    void anIpBlockIsAnsweredByStoppingNotRetrying() {
        try (ClientFixture fx = new ClientFixture(BlingSandbox.builder().rateLimits(false)
                .ipBlock(3, 600, Duration.ofSeconds(10), Duration.ofMinutes(10)))) {
            BlingClient bling = fx.clientBuilder().circuit(new ErrorCircuit(1000, Duration.ofSeconds(10),
                    Duration.ofSeconds(60), Clock.systemUTC())).build();
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> bling.products().get(5).orElseThrow())
                        .isInstanceOf(java.util.NoSuchElementException.class);
            }
            assertThatThrownBy(() -> bling.categories().list().count()).isInstanceOf(BlockedException.class);
            int seen = fx.sandbox.requestLog().size();
            assertThatThrownBy(() -> bling.categories().list().count())
                    .isInstanceOfSatisfying(BlockedException.class, e -> assertThat(e.type()).isEqualTo("CIRCUIT_OPEN"));
            assertThat(fx.sandbox.requestLog().size()).as("nothing sent while blocked").isEqualTo(seen);
        }
    }
}
