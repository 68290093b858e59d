package io.cathalog.bling.sync;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.BlingCatalogRemote;
import io.cathalog.bling.BlingClient;
import io.cathalog.bling.oauth.BlingAuthorization;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.bling.sandbox.Faults;
import io.cathalog.bling.sandbox.OAuthApp;
import io.cathalog.core.CathalogException;
import io.cathalog.core.auth.InMemoryTokenStore;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.jobs.ManagedAccessTokens;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability suite's fault run (issue 11): a sync of about 500 changes through 10 % injected
 * 503s, lost responses, bursts of 429s, latency, and access tokens that lapse every few minutes.
 * Runs go on until one plans nothing; then the account must equal an undisturbed sync's, with no
 * duplicate of anything, and the sandbox must have seen none of Bling's IP-block thresholds
 * crossed (errors and requests per 10 s, token calls per minute: enforced, and recorded).
 *
 * <p>Time is simulated at Bling's real pace (the client waits by moving the shared clock), so the
 * thresholds are Bling's own, not scaled ones, and the suite takes seconds, not the half hour the
 * same requests take against Bling.
 */
class FaultSuiteTest {
    private static final int MAX_RUNS = 8;

    @Test
    void aSyncThroughRandomFaultsLosesNothingAndNeverCrossesBlingsThresholds() {
        long seed = Long.getLong("cathalog.faultSeed", System.nanoTime());
        String context = "fault seed " + seed;
        MutableClock clock = new MutableClock(Instant.now());
        Catalog catalog = JsonCatalogFile.reader().read(DemoCatalog.json(150), "demo-catalog+150.json");
        try (EngineFixture fx = new EngineFixture(BlingSandbox.builder().seedDemo()
                .accessTokenLifetime(Duration.ofMinutes(5)), clock);
             EngineFixture reference = new EngineFixture()) {
            TokenManager tokens = BlingAuthorization.tokenManager(new InMemoryTokenStore(), fx.sandbox.baseUrl(),
                    fx.sandbox.baseUrl(), OAuthApp.DEMO_CLIENT_ID, OAuthApp.DEMO_CLIENT_SECRET).clock(clock).build();
            URI url = tokens.authorization().authorizeUrl(fx.account);
            String state = url.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
            tokens.authorization().handleCallback(Map.of("code",
                    fx.sandbox.authorizationCode(OAuthApp.DEMO_CLIENT_ID, fx.account), "state", state));
            BlingClient client = BlingClient.builder().baseUrl(fx.sandbox.baseUrl()).clock(clock)
                    .tokens(ManagedAccessTokens.of(tokens, fx.account))
                    .limiter(LocalRequestLimiter.builder(fx.account, BlingPacing.standard()).clock(clock).sleeper(clock::advance).build())
                    .sleeper(clock::advance)
                    .build();
            SyncEngine engine = fx.engine(CatalogSource.of(catalog), new BlingCatalogRemote(client)).build();
            int planned = engine.plan(PlanOptions.defaults()).changes().size();
            assertThat(planned).isGreaterThan(400);

            fx.sandbox.resetRequestLog();
            fx.sandbox.faults().chaos(Faults.ANY_ROUTE, new Faults.Chaos(0.10, 0.02, 0.005, 4, seed))
                    .latency(Faults.ANY_ROUTE, Duration.ofMillis(1));
            List<String> runs = new ArrayList<>();
            while (runs.size() < MAX_RUNS) {
                try {
                    // One look at the ERP a run, as a scheduler's run: a sync whose plan is empty is done.
                    // (A dry run first would read everything once more through the faults: a plan
                    // records nothing.)
                    ApplyReport report = engine.sync(PlanOptions.defaults());
                    if (report.outcomes().isEmpty()) {
                        break;
                    }
                    runs.add("completed " + report.counts());
                } catch (ApplyStoppedException e) {
                    runs.add("stopped " + e.report().counts() + ": " + e.getCause().getMessage());
                } catch (CathalogException e) {
                    // A read that failed all its attempts: the run stops before writing; the next one retries.
                    runs.add("failed: " + e.getMessage());
                }
                clock.advance(Duration.ofMinutes(1));
            }
            fx.sandbox.faults().clear();
            context += ", runs " + runs;
            long errors = fx.sandbox.requestLog().entries().stream().filter(r -> r.status() >= 500).count();
            assertThat(errors).as(context + ": faults were injected").isGreaterThan(50);
            assertThat(engine.plan(PlanOptions.defaults()).changes()).as(context + ": converged").isEmpty();

            reference.engine(CatalogSource.of(catalog), reference.remote()).build().sync(PlanOptions.defaults());
            List<String> actual = fx.sandbox.account().contents();
            Set<String> seen = new HashSet<>();
            assertThat(actual.stream().filter(l -> !seen.add(l)).toList()).as(context + ": duplicates").isEmpty();
            assertThat(actual).as(context).isEqualTo(reference.sandbox.account().contents());
            assertThat(fx.sandbox.ipBlockEvents()).as(context + ": Bling's IP-block thresholds").isEmpty();
            assertThat(fx.sandbox.requestLog().countWithStatus(403)).as(context + ": blocked requests").isZero();
        }
    }
}
