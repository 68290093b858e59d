package io.cathalog.bling.webhooks;

import io.cathalog.bling.BlingPacing;
import io.cathalog.core.jobs.AccountJob;
import io.cathalog.core.jobs.ProductRef;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.jobs.Trigger;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookReceiverTest {
    static final String SECRET = "app-client-secret-0123456789";
    static final String COMPANY = "d4475854366a36c86a37e792f9634a51";
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T12:18:46Z"));
    final List<String> accounts = new ArrayList<>();
    final List<ProductRef> refs = new ArrayList<>();
    final WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(SECRET)
            .accounts(Map.of(COMPANY, "acme")).clock(clock)
            .sink((account, products) -> {
                accounts.add(account);
                refs.addAll(products);
                return true;
            }).build();

    static byte[] body(String eventId, String event, String date, String data) {
        return ("{\"eventId\":\"" + eventId + "\",\"date\":\"" + date + "\",\"version\":\"v1\",\"event\":\"" + event
                + "\",\"companyId\":\"" + COMPANY + "\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] updated(String eventId) {
        return body(eventId, "product.updated", "2025-01-10T12:18:46Z",
                "{\"id\":16107268463,\"nome\":\"Camiseta\",\"codigo\":\"CAM-001\",\"tipo\":\"P\",\"situacao\":\"A\"}");
    }

    static Map<String, List<String>> signed(byte[] body) {
        return Map.of("X-Bling-Signature-256", List.of(WebhookReceiver.signature(body, SECRET)));
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheRawBodyWithTheClientSecret() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookReceiver.signature("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aValidProductEventIsQueuedForItsAccount() {
        WebhookReceiver.Response r = receiver.receive(updated("01945027-150e-72b4-e7cf-4943a042cd9c"),
                signed(updated("01945027-150e-72b4-e7cf-4943a042cd9c")));
        assertThat(r.status()).isEqualTo(202);
        assertThat(accounts).containsExactly("acme");
        assertThat(refs).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(16107268463L);
            assertThat(p.sku()).contains("CAM-001");
            assertThat(p.event()).isEqualTo("product.updated");
            assertThat(p.eventId()).isEqualTo("01945027-150e-72b4-e7cf-4943a042cd9c");
        });
        byte[] deleted = body("e-del", "product.deleted", "2025-01-10T12:18:46Z", "{\"id\":5}");
        assertThat(receiver.receive(deleted, signed(deleted)).status()).isEqualTo(202);
        assertThat(refs).last().satisfies(p -> {
            assertThat(p.sku()).isEmpty();
            assertThat(p.event()).isEqualTo("product.deleted");
        });
    }

    @Test
    void headerNamesAreCaseInsensitiveAndTheHexCaseDoesNotMatter() {
        byte[] b = updated("e1");
        String sig = WebhookReceiver.signature(b, SECRET);
        assertThat(receiver.receive(b, Map.of("x-bling-signature-256", List.of("SHA256=" + sig.substring(7).toUpperCase())))
                .status()).isEqualTo(202);
    }

    @Test
    void badSignaturesAreRefusedBeforeAnythingIsParsed() {
        byte[] b = updated("e1");
        String good = WebhookReceiver.signature(b, SECRET);
        byte[] mac = HexFormat.of().parseHex(good.substring(7));
        mac[31] ^= 1;
        List<Map<String, List<String>>> bad = List.of(
                Map.of(),
                Map.of("X-Bling-Signature-256", List.of()),
                Map.of("X-Bling-Signature-256", List.of(good, good)),
                Map.of("X-Bling-Signature-256", List.of(good.substring(7))),
                Map.of("X-Bling-Signature-256", List.of("sha256=zz" + good.substring(9))),
                Map.of("X-Bling-Signature-256", List.of("sha256=" + good.substring(9))),
                Map.of("X-Bling-Signature-256", List.of("sha256=" + HexFormat.of().formatHex(mac))),
                Map.of("X-Bling-Signature-256", List.of(WebhookReceiver.signature(b, SECRET + "x"))));
        for (Map<String, List<String>> headers : bad) {
            assertThat(receiver.receive(b, headers).status()).as(headers.toString()).isEqualTo(401);
        }
        // Signed body, then one byte changed (a space added after parsing would not change the JSON).
        byte[] altered = new String(b, StandardCharsets.UTF_8).replace("\"CAM-001\"", "\"CAM-002\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.receive(altered, Map.of("X-Bling-Signature-256", List.of(good))).status()).isEqualTo(401);
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.receive(garbage, Map.of()).status()).as("unsigned garbage: 401, not 400").isEqualTo(401);
        assertThat(refs).isEmpty();
    }

    @Test
    void duplicatesAndReplaysAreAnsweredWith200AndQueuedOnce() {
        byte[] b = updated("e1");
        assertThat(receiver.receive(b, signed(b)).status()).isEqualTo(202);
        clock.advance(Duration.ofHours(20));
        assertThat(receiver.receive(b, signed(b))).isEqualTo(new WebhookReceiver.Response(200, "duplicate"));
        clock.advance(Duration.ofDays(2));
        assertThat(receiver.receive(b, signed(b)).status()).as("still within Bling's 3 days of retries").isEqualTo(200);
        assertThat(refs).hasSize(1);
        // Past the window the event id is forgotten, but the event's own date refuses it.
        clock.advance(Duration.ofHours(6));
        assertThat(receiver.receive(b, signed(b))).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("time window");
        });
        assertThat(refs).hasSize(1);
    }

    @Test
    void authenticButUnusableDeliveries() {
        byte[] notJson = "{oops".getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.receive(notJson, signed(notJson)).status()).isEqualTo(400);
        byte[] noId = body("", "product.updated", "2025-01-10T12:18:46Z", "{\"id\":1}");
        assertThat(receiver.receive(noId, signed(noId)).status()).isEqualTo(400);
        byte[] badDate = body("e2", "product.updated", "yesterday", "{\"id\":1}");
        assertThat(receiver.receive(badDate, signed(badDate)).status()).isEqualTo(400);
        byte[] future = body("e3", "product.updated", "2025-01-10T13:18:46Z", "{\"id\":1}");
        assertThat(receiver.receive(future, signed(future)).status()).isEqualTo(400);
        byte[] noProduct = body("e4", "product.updated", "2025-01-10T12:18:46Z", "{}");
        assertThat(receiver.receive(noProduct, signed(noProduct)).status()).isEqualTo(400);
        byte[] order = body("e5", "order.created", "2025-01-10T12:18:46Z", "{\"id\":1}");
        assertThat(receiver.receive(order, signed(order))).isEqualTo(new WebhookReceiver.Response(200, "ignored: order.created"));
        byte[] other = ("{\"eventId\":\"e6\",\"date\":\"2025-01-10T12:18:46Z\",\"event\":\"product.updated\","
                + "\"companyId\":\"someone-else\",\"data\":{\"id\":1}}").getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.receive(other, signed(other)).status()).isEqualTo(200);
        assertThat(refs).isEmpty();
        byte[] big = new byte[(1 << 20) + 1];
        assertThat(receiver.receive(big, signed(big)).status()).isEqualTo(413);
    }

    @Test
    void anEventTheSchedulerCannotTakeIsAnswered503AndAcceptedOnBlingsRetry() {
        boolean[] up = {false};
        WebhookReceiver r = WebhookReceiver.builder().clientSecret(SECRET).clock(clock).accounts(c -> Optional.of("acme"))
                .sink((account, products) -> {
                    if (!up[0]) {
                        throw new IllegalStateException("shutting down");
                    }
                    refs.addAll(products);
                    return true;
                }).build();
        byte[] b = updated("e1");
        assertThat(r.receive(b, signed(b)).status()).isEqualTo(503);
        up[0] = true;
        assertThat(r.receive(b, signed(b)).status()).isEqualTo(202);
        assertThat(refs).hasSize(1);
    }

    @Test
    void theSchedulerSinkMakesTheAccountDueNow() {
        SyncScheduler s = SyncScheduler.builder().clock(clock).sleeper(clock::advance).build();
        s.register(AccountJob.builder("acme").pacing(BlingPacing.standard()).jitter(Duration.ZERO).interval(Duration.ofHours(1))
                .engine(ctx -> new NothingToDo(ctx.accountId())).build());
        s.runDue();
        assertThat(s.status("acme").nextRunAt()).contains(clock.instant().plus(Duration.ofHours(1)));
        WebhookReceiver r = WebhookReceiver.builder().clientSecret(SECRET).clock(clock).accounts(Map.of(COMPANY, "acme"))
                .scheduler(s).build();
        byte[] b = updated("e1");
        assertThat(r.receive(b, signed(b)).status()).isEqualTo(202);
        assertThat(s.status("acme").nextRunAt()).contains(clock.instant());
        assertThat(s.runDue()).singleElement().satisfies(run -> assertThat(run.trigger()).isEqualTo(Trigger.WEBHOOK));
    }

    /** An engine whose account is always in sync: the test is about when it runs. */
    private record NothingToDo(String account) implements SyncEngine {
        @Override
        public SyncPlan plan(PlanOptions options) {
            return new SyncPlan(account, List.of(), List.of(), List.of(), options, "-", new java.util.TreeMap<>(), 0,
                    Duration.ZERO);
        }

        @Override
        public ApplyReport apply(SyncPlan plan, RunControl control) {
            return new ApplyReport(account + "-run", List.of(), Duration.ZERO);
        }

        @Override
        public AuditReport audit() {
            throw new UnsupportedOperationException();
        }
    }
}
