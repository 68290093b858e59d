package io.cathalog.spring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.jobs.AccountStatus;
import io.cathalog.core.jobs.RunOutcome;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.jobs.Trigger;
import io.cathalog.bling.webhooks.WebhookReceiver;
import io.cathalog.core.sync.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application against a Bling sandbox over real sockets, in the order a team meets it: the
 * account is not connected (DOWN, nothing sent); an admin connects it through the controller and
 * the sandbox's consent page; the scheduler's run syncs the demo catalog; a webhook makes a run that
 * reads the product once; the app's own database (PostgreSQL in CI, else H2) holds the state; revoking the app in Bling turns
 * the account DOWN and stops its runs without a storm of requests.
 */
@ExtendWith(CathalogAppTest.StopAfterTheApp.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CathalogAppTest {
    static final TestBling BLING = TestBling.start();
    /** PostgreSQL when CATHALOG_PG_URL names one (CI), else H2. */
    static final TestDatabase DB = TestDatabase.create();
    static final String SKU = "MOD-CAL-NEW-001"; // a product the demo catalog declares, name and all
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        BLING.properties().forEach((k, v) -> registry.add(k, () -> v));
        DB.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /**
     * After the class, and after Spring closed the app (this extension is declared before
     * {@code @SpringBootTest}, so its afterAll runs after Spring's): the sandbox and the database go.
     */
    static final class StopAfterTheApp implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            BLING.close();
            DB.close();
        }
    }

    @Autowired
    SyncScheduler scheduler;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Environment environment;
    @Autowired
    io.cathalog.jpa.JpaChangeLog changeLog;

    final AppHttp http = new AppHttp();

    URI app(String path) {
        return URI.create("http://localhost:" + BLING.appPort + path);
    }

    @Test
    @Order(1)
    void anAccountNotYetConnectedIsDownAndSendsNothing() {
        await("the first run finds no tokens", () -> scheduler.status("demo").state() == AccountStatus.State.PAUSED);
        HttpResponse<String> health = http.get(app("/actuator/health/cathalog/demo"), true);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"authorized\":false");
        assertThat(BLING.sandbox.requestLog().entries()).as("no token, no request").isEmpty();
        // The admin page and the OAuth controller are behind the login.
        assertThat(http.get(app("/"), false).statusCode()).isIn(302, 401);
        assertThat(http.get(app("/bling/connect?account=demo"), false).statusCode()).isIn(302, 401);
        // CSRF is on: even the admin's own credentials cannot post a button without the page's token...
        String page = http.get(app("/"), true).body();
        assertThat(http.postForm(app("/accounts/demo/sync"), Map.of(), true).statusCode()).isIn(401, 403);
        // ...and can with it.
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(http.postForm(app("/accounts/demo/sync"), Map.of("_csrf", token.group(1)), true).statusCode())
                .isEqualTo(302);
    }

    @Test
    @Order(2)
    void anAdminConnectsTheAccountThroughTheControllerAndTheSandboxsConsentPage() {
        assertThat(http.get(app("/bling/connect?account=nobody"), true).statusCode()).isEqualTo(404);

        HttpResponse<String> connect = http.get(app("/bling/connect?account=demo"), true);
        assertThat(connect.statusCode()).isEqualTo(302);
        URI consentUrl = URI.create(connect.headers().firstValue("Location").orElseThrow());
        assertThat(consentUrl.toString()).startsWith(BLING.sandbox.baseUrl() + "/oauth/authorize")
                .contains("client_id=" + TestBling.CLIENT_ID).contains("state=");

        // A forged callback (a state this app never issued) is refused and exchanges nothing.
        HttpResponse<String> forged = http.get(app("/bling/callback?code=abc&state=forged"), true);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("was not connected").contains("state");

        // The person approves on Bling's (the sandbox's) consent page.
        HttpResponse<String> consent = http.get(consentUrl, false);
        assertThat(consent.statusCode()).isEqualTo(200);
        Map<String, String> form = new java.util.LinkedHashMap<>(AppHttp.formFields(consent.body()));
        form.put("account", BLING.sandbox.defaultAccountId());
        form.put("decision", "approve");
        HttpResponse<String> approved = http.postForm(URI.create(BLING.sandbox.baseUrl() + "/oauth/authorize"), form);
        assertThat(approved.statusCode()).isEqualTo(302);
        URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith("http://localhost:" + BLING.appPort + "/bling/callback?");

        HttpResponse<String> done = http.get(callback, true);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Account demo is connected to Bling");
        assertThat(BLING.sandbox.requestLog().forRoute("POST /oauth/token")).as("the code exchanged once").hasSize(1);

        // The same callback again (a reload): the state is spent, nothing is exchanged.
        HttpResponse<String> again = http.get(callback, true);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(BLING.sandbox.requestLog().forRoute("POST /oauth/token")).hasSize(1);
    }

    @Test
    @Order(3)
    void theSchedulersRunSyncsTheDemoCatalogIntoTheAppsDatabase() {
        ListAppender<ILoggingEvent> lines = capture();
        try {
            await("the run after the connection", () -> scheduler.status("demo").lastRun()
                    .filter(r -> r.outcome() != RunOutcome.REAUTHORIZATION_REQUIRED).isPresent()
                    && scheduler.status("demo").state() != AccountStatus.State.RUNNING);
        } finally {
            detach(lines);
        }
        RunRecord run = scheduler.status("demo").lastRun().orElseThrow();
        assertThat(run.outcome()).as(run.toString()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(run.counts().get(Outcome.CREATED)).isPositive();
        assertThat(run.counts().get(Outcome.FAILED)).isZero();
        assertThat(run.owner()).isEqualTo(scheduler.owner());

        // The state is in the app's database: the change log holds the run's changes.
        assertThat(changeLog.query(io.cathalog.jpa.ChangeQuery.of("demo").run(run.runId().orElseThrow()).limit(1000)))
                .hasSize((int) (run.counts().get(Outcome.CREATED) + run.counts().get(Outcome.UPDATED)
                        + run.counts().get(Outcome.DELETED)));

        // Health: UP, with the last run and the quota left.
        HttpResponse<String> health = http.get(app("/actuator/health/cathalog/demo"), true);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"outcome\":\"COMPLETED\"")
                .contains("requestsLeftToday");

        // Metrics: requests by route and status, changes by outcome, the run's duration.
        assertThat(count("cathalog.requests", "account", "demo", "route", "/produtos", "status", "200")).isPositive();
        assertThat(count("cathalog.changes", "account", "demo", "outcome", "CREATED"))
                .isEqualTo(run.counts().get(Outcome.CREATED).doubleValue());
        await("the run is timed", () -> meters.find("cathalog.run.duration").tag("account", "demo")
                .tag("outcome", "COMPLETED").timer() != null);
        assertThat(http.get(app("/actuator/metrics/cathalog.requests"), true).body()).contains("\"route\"");

        // Every line the library logged during the run carries the account, in the app's pattern.
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(environment.getRequiredProperty("logging.pattern.console"));
        layout.start();
        List<ILoggingEvent> engineLines = lines.list.stream()
                .filter(e -> e.getLoggerName().startsWith("io.cathalog.core.sync")).toList();
        assertThat(engineLines).as("the engine logs its changes").hasSizeGreaterThan(10);
        assertThat(engineLines).allSatisfy(e -> assertThat(layout.doLayout(e)).contains(" [demo] "));
    }

    @Test
    @Order(4)
    void aWebhookTriggersARunThatReadsTheProductOnce() throws Exception {
        ObjectNode product = BLING.sandbox.account().productByCode(SKU).orElseThrow();
        long id = product.path("id").asLong();
        String name = product.path("nome").asText();
        product.put("nome", "Renamed in Bling by a person");
        BLING.sandbox.account().putProduct(product);
        BLING.sandbox.resetRequestLog();
        int runsBefore = runs();
        // One 429 on the product's read: counted, and the run goes on.
        BLING.sandbox.faults().tooManyRequests("GET /produtos/{idProduto}", 1);

        byte[] body = event("evt-" + id, id);
        Map<String, String> signed = Map.of("Content-Type", "application/json",
                WebhookReceiver.SIGNATURE_HEADER, WebhookReceiver.signature(body, TestBling.CLIENT_SECRET));
        // No CSRF token, no login: the signature is what authenticates Bling.
        assertThat(http.post(app("/bling/webhooks"), body, Map.of("Content-Type", "application/json",
                WebhookReceiver.SIGNATURE_HEADER, WebhookReceiver.signature(body, "wrong-secret"))).statusCode())
                .isEqualTo(401);
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.post(app("/bling/webhooks"), body, signed);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered before the sync").isLessThan(Duration.ofSeconds(2));
        assertThat(http.post(app("/bling/webhooks"), body, signed).body()).isEqualTo("duplicate");

        await("the webhook's run", () -> runs() > runsBefore
                && scheduler.status("demo").state() != AccountStatus.State.RUNNING);
        RunRecord run = scheduler.status("demo").lastRun().orElseThrow();
        assertThat(run.trigger()).isEqualTo(Trigger.WEBHOOK);
        assertThat(run.outcome()).as(run.toString()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(run.counts().get(Outcome.UPDATED)).isEqualTo(1);
        List<RecordedRequest> reads = BLING.sandbox.requestLog().forRoute("GET /produtos/{idProduto}").stream()
                .filter(r -> r.status() == 200).toList();
        assertThat(reads).as("the product read in full once, and no other").hasSize(1)
                .allSatisfy(r -> assertThat(r.path()).endsWith("/produtos/" + id));
        assertThat(BLING.sandbox.requestLog().countWithStatus(429)).isEqualTo(1);
        assertThat(BLING.sandbox.account().productByCode(SKU).orElseThrow().path("nome").asText()).isEqualTo(name);
        assertThat(count("cathalog.requests.throttled", "account", "demo", "route", "/produtos/{idProduto}"))
                .isEqualTo(1.0);
    }

    @Test
    @Order(5)
    void revokingTheAppTurnsHealthDownAndStopsRunsWithoutARequestStorm() throws Exception {
        BLING.sandbox.faults().revokeAuthorization(TestBling.CLIENT_ID, BLING.sandbox.defaultAccountId());
        BLING.sandbox.resetRequestLog();
        scheduler.syncNow("demo");
        await("the account is paused", () -> scheduler.status("demo").state() == AccountStatus.State.PAUSED);

        HttpResponse<String> health = http.get(app("/actuator/health/cathalog/demo"), true);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("REAUTHORIZATION_REQUIRED");
        assertThat(http.get(app("/actuator/health"), false).body()).contains("\"status\":\"DOWN\"");
        int afterPause = BLING.sandbox.requestLog().size();
        assertThat(afterPause).as("one refused request and one refused refresh, about").isLessThanOrEqualTo(4);

        // Asked again and again (an impatient admin, Bling's webhooks): nothing more reaches Bling.
        for (int i = 0; i < 5; i++) {
            scheduler.syncNow("demo");
            byte[] body = event("evt-after-revoke-" + i, 1);
            http.post(app("/bling/webhooks"), body, Map.of("Content-Type", "application/json",
                    WebhookReceiver.SIGNATURE_HEADER, WebhookReceiver.signature(body, TestBling.CLIENT_SECRET)));
        }
        Thread.sleep(3000); // the scheduler ticks every second: three chances to misbehave
        assertThat(BLING.sandbox.requestLog().size()).isEqualTo(afterPause);
        assertThat(scheduler.status("demo").state()).isEqualTo(AccountStatus.State.PAUSED);
        // The admin page says so and offers the way back.
        String page = http.get(app("/"), true).body();
        assertThat(page).contains("PAUSED").contains("/bling/connect?account=demo");
    }

    // ------------------------------------------------------------------ helpers

    /** Runs timed so far (one per run the scheduler made). */
    int runs() {
        return (int) meters.find("cathalog.run.duration").tag("account", "demo").timers().stream()
                .mapToLong(t -> t.count()).sum();
    }

    static byte[] event(String eventId, long productId) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", eventId);
        e.put("date", Instant.now().toString());
        e.put("version", "v1");
        e.put("event", "product.updated");
        e.put("companyId", BLING.sandbox.defaultAccountId());
        e.putObject("data").put("id", productId);
        return e.toString().getBytes(StandardCharsets.UTF_8);
    }

    double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        ((Logger) LoggerFactory.getLogger("io.cathalog")).addAppender(appender);
        return appender;
    }

    static void detach(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger("io.cathalog")).detachAppender(appender);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
