package io.cathalog.spring;

import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.jobs.RunOutcome;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.sync.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances (two Spring contexts, as two deployments would be) sharing one
 * database (PostgreSQL in CI, else H2) and one Bling account: both schedulers want to sync it at
 * once and every two seconds after, and the account's lease in the shared database lets one write
 * at a time. The sandbox's request log shows it: every write falls inside a run of one instance,
 * and the runs of the two never overlap; the first sync's creations happen once.
 */
class TwoInstancesTest {

    @Test
    void twoApplicationContextsSharingOneDatabaseNeverRunOneAccountAtOnce() {
        try (TestBling bling = TestBling.start(); TestDatabase db = TestDatabase.create()) {
            Map<String, Object> common = new LinkedHashMap<>(bling.properties());
            common.putAll(db.properties());
            common.put("server.port", 0);
            common.put("cathalog.schedule.interval", "2s");
            common.put("cathalog.schedule.lease-retry", "1s");
            common.put("cathalog.schedule.tick-every", "200ms");
            // Both instances must call the account "demo" and share the limiter's budget: the same config.
            try (ConfigurableApplicationContext a = start(common, "instance-a");
                 ConfigurableApplicationContext b = start(common, "instance-b")) {
                connect(a.getBean(TokenManager.class), bling);
                SyncScheduler sa = a.getBean(SyncScheduler.class);
                SyncScheduler sb = b.getBean(SyncScheduler.class);
                // Both are told at the same moment that the account is connected: both want to run now.
                sa.resume("demo");
                sb.resume("demo");

                CathalogAppTest.await("the first sync, and later runs by both instances", () -> {
                    List<RunRecord> runs = runs(a, b);
                    return runs.stream().anyMatch(r -> r.counts().get(Outcome.CREATED) > 0)
                            && runs.stream().map(RunRecord::owner).distinct().count() == 2
                            && runs.stream().filter(r -> r.outcome() == RunOutcome.COMPLETED).count() >= 4;
                });
                // Instance b stops with its context (the scheduler is in its lifecycle); a is stopped directly.
                RunHistory historyOfB = b.getBean(RunHistory.class);
                b.close();
                assertThat(sb.isShutdown()).isTrue();
                assertThat(sa.shutdown(java.time.Duration.ofSeconds(20))).isTrue();
                List<RunRecord> runs = new ArrayList<>(runs(a));
                runs.addAll(historyOfB.runs("demo"));

                assertThat(runs).as("runs by the schedule itself, not only by request")
                        .anyMatch(r -> r.trigger() == io.cathalog.core.jobs.Trigger.SCHEDULE);
                assertThat(runs).as(db + ": every run completed").allSatisfy(r ->
                        assertThat(r.outcome()).as(r.toString()).isIn(RunOutcome.COMPLETED, RunOutcome.STOPPED));
                // No two runs of different instances overlap in time.
                for (RunRecord x : runs) {
                    for (RunRecord y : runs) {
                        if (x != y && !x.owner().equals(y.owner())) {
                            assertThat(x.endedAt().isBefore(y.startedAt()) || y.endedAt().isBefore(x.startedAt()))
                                    .as(db + ": %s and %s overlap", x, y).isTrue();
                        }
                    }
                }
                // Every write Bling saw was made inside a run of exactly one instance.
                List<RecordedRequest> writes = bling.sandbox.requestLog().writes();
                assertThat(writes).isNotEmpty();
                for (RecordedRequest w : writes) {
                    Set<String> writers = runs.stream()
                            .filter(r -> !w.at().isBefore(r.startedAt()) && !w.at().isAfter(r.endedAt()))
                            .map(RunRecord::owner).collect(Collectors.toSet());
                    assertThat(writers).as(db + ": the writer of " + w).hasSize(1);
                }
                // The first sync's creations happened once: no duplicate product, one creation each.
                long created = runs.stream().mapToLong(r -> r.counts().get(Outcome.CREATED)).sum();
                assertThat(created).isEqualTo(runs.stream().filter(r -> r.counts().get(Outcome.CREATED) > 0)
                        .findFirst().orElseThrow().counts().get(Outcome.CREATED));
                List<String> codes = bling.sandbox.account().products().stream()
                        .map(p -> p.path("codigo").asText()).filter(c -> !c.isEmpty()).toList();
                assertThat(codes).doesNotHaveDuplicates();
            }
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> common, String owner) {
        Map<String, Object> p = new LinkedHashMap<>(common);
        p.put("cathalog.owner", owner);
        return new SpringApplicationBuilder(CathalogApplication.class).properties(p).run();
    }

    private static List<RunRecord> runs(ConfigurableApplicationContext... contexts) {
        List<RunRecord> all = new ArrayList<>();
        for (ConfigurableApplicationContext c : contexts) {
            all.addAll(c.getBean(RunHistory.class).runs("demo"));
        }
        return all;
    }

    /** The OAuth flow with the code the sandbox gives (the consent page is tested in CathalogAppTest). */
    private static void connect(TokenManager tokens, TestBling bling) {
        URI consent = tokens.authorization().authorizeUrl("demo");
        String state = UriComponentsBuilder.fromUri(consent).build().getQueryParams().getFirst("state");
        tokens.authorization().handleCallback(Map.of("state", state,
                "code", bling.sandbox.authorizationCode(TestBling.CLIENT_ID, bling.sandbox.defaultAccountId())));
    }
}
