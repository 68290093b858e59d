package io.cathalog.bling.sync;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.oauth.BlingAuthorization;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.auth.InMemoryTokenStore;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.jobs.ManagedAccessTokens;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.InMemorySyncStateStore;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The reliability suite's revocation case (issue 11): the seller revokes the app in Bling while a
 * sync is writing. The run stops at the next request with a re-authorization error, every change
 * has exactly one outcome in the report and in the journal, and once the seller authorizes again
 * the next run finishes the work: the account ends as an uninterrupted sync leaves it.
 */
class AuthorizationRevokedTest {
    private static final String CLIENT = OAuthApp.DEMO_CLIENT_ID;
    private static final int WRITES_BEFORE_REVOKING = 10;

    @Test
    void aRevokedAuthorizationStopsTheRunCleanlyAndAfterReauthorizingTheNextRunFinishes() {
        try (EngineFixture fx = new EngineFixture(); EngineFixture reference = new EngineFixture()) {
            TokenManager tokens = BlingAuthorization.tokenManager(new InMemoryTokenStore(), fx.sandbox.baseUrl(),
                    fx.sandbox.baseUrl(), CLIENT, OAuthApp.DEMO_CLIENT_SECRET).clock(fx.clock).build();
            authorize(fx, tokens);
            BlingClient client = BlingClient.builder().baseUrl(fx.sandbox.baseUrl()).clock(fx.clock)
                    .tokens(ManagedAccessTokens.of(tokens, fx.account))
                    .limiter(LocalRequestLimiter.builder(fx.account, BlingPacing.standard()).ratePerSecond(1000)
                            .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                    .sleeper(d -> { })
                    .build();
            AtomicInteger applied = new AtomicInteger();
            SyncEngine engine = fx.engine(CatalogSource.of(EngineFixture.demoCatalog()), new BlingCatalogRemote(client))
                    .listener(e -> {
                        if (applied.incrementAndGet() == WRITES_BEFORE_REVOKING) {
                            fx.sandbox.faults().revokeAuthorization(CLIENT, fx.account);
                        }
                    }).build();
            int planned = engine.plan(PlanOptions.defaults()).changes().size();
            assertThat(planned).isGreaterThan(WRITES_BEFORE_REVOKING + 10);
            long writesBefore = appliedWrites(fx);

            ApplyStoppedException stopped = catchThrowableOfType(() -> engine.sync(PlanOptions.defaults()),
                    ApplyStoppedException.class);
            assertThat(stopped).as("the run stops instead of failing item after item").isNotNull();
            assertThat(stopped.getCause()).isInstanceOf(ReauthorizationRequiredException.class);
            ReauthorizationRequiredException reauthorize = (ReauthorizationRequiredException) stopped.getCause();
            assertThat(reauthorize.accountId()).isEqualTo(fx.account);
            assertThat(reauthorize.authorizeUrl().toString()).contains("client_id=" + CLIENT);

            ApplyReport report = stopped.report();
            Map<Outcome, Long> counts = report.counts();
            assertThat(report.outcomes()).as("one outcome per planned change").hasSize(planned);
            assertThat(counts.get(Outcome.FAILED)).as("only the change that met the revocation failed").isEqualTo(1);
            assertThat(counts.get(Outcome.SKIPPED)).isEqualTo(planned - WRITES_BEFORE_REVOKING - 1);
            // Nothing was written once Bling refused the token: the one write it refused, then none.
            assertThat(appliedWrites(fx) - writesBefore).isEqualTo(WRITES_BEFORE_REVOKING);
            assertThat(fx.sandbox.requestLog().writes().size() - writesBefore).isEqualTo(WRITES_BEFORE_REVOKING + 1);

            // The journal holds an intent and one outcome for every change of the run, and nothing unfinished.
            List<JournalEntry> journal = ((InMemorySyncStateStore) fx.state).journalOf(fx.account).stream()
                    .filter(j -> j.runId().equals(report.runId())).toList();
            Map<String, Long> outcomesPerChange = journal.stream().filter(j -> j.outcome().isPresent())
                    .collect(Collectors.groupingBy(j -> j.entity() + " " + j.key(), Collectors.counting()));
            assertThat(outcomesPerChange).hasSize(planned).allSatisfy((change, n) -> assertThat(n).isEqualTo(1));
            assertThat(fx.state.unfinished(fx.account)).isEmpty();

            // The seller authorizes again; the next run finishes the work and the one after plans nothing.
            authorize(fx, tokens);
            ApplyReport rest = engine.sync(PlanOptions.defaults());
            assertThat(rest.hasFailures()).as(rest.outcomes().toString()).isFalse();
            assertThat(engine.plan(PlanOptions.defaults()).changes()).isEmpty();

            reference.demoEngine().sync(PlanOptions.defaults());
            assertThat(fx.sandbox.account().contents()).isEqualTo(reference.sandbox.account().contents());
        }
    }

    private static long appliedWrites(EngineFixture fx) {
        return fx.sandbox.requestLog().writes().stream().filter(r -> r.status() < 300).count();
    }

    /** What the seller's browser does: consent at Bling, which redirects to the app's callback with a code. */
    private static void authorize(EngineFixture fx, TokenManager tokens) {
        URI url = tokens.authorization().authorizeUrl(fx.account);
        String state = java.net.URLDecoder.decode(url.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        tokens.authorization().handleCallback(Map.of("code", fx.sandbox.authorizationCode(CLIENT, fx.account),
                "state", state));
    }
}
