package io.cathalog.bling.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.jobs.AccountStatus;
import io.cathalog.core.jobs.ProductRef;
import io.cathalog.core.jobs.RunOutcome;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.core.jobs.Trigger;
import io.cathalog.bling.webhooks.WebhookReceiver;
import io.cathalog.core.sync.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bling's product webhook, signed as Bling signs it, makes the scheduler sync that product only. */
class WebhookEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SKU = "MOD-CAL-NEW-001";

    static byte[] event(String eventId, String type, Instant date, String companyId, long productId, String sku) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", eventId);
        e.put("date", date.toString());
        e.put("version", "v1");
        e.put("event", type);
        e.put("companyId", companyId);
        ObjectNode data = e.putObject("data");
        data.put("id", productId);
        data.put("codigo", sku);
        data.put("nome", "Tênis Olympikus Corre 3 Masculino Preto");
        data.put("tipo", "P");
        data.put("situacao", "A");
        return e.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> signed(byte[] body, String secret) {
        return Map.of("X-Bling-Signature-256", List.of(WebhookReceiver.signature(body, secret)),
                "Content-Type", List.of("application/json"));
    }

    @Test
    void aSignedProductEventSyncsThatProductOnlyAndBadDeliveriesDoNothing() {
        try (JobsFixture fx = new JobsFixture()) {
            String secret = fx.sandbox.demoApp().clientSecret();
            SyncScheduler scheduler = SyncScheduler.builder().clock(fx.clock).owner("host-1").build();
            scheduler.register(fx.job(fx.limiter(120_000)).build());
            WebhookReceiver receiver = WebhookReceiver.builder().clientSecret(secret).scheduler(scheduler)
                    .clock(fx.clock).build();
            assertThat(scheduler.runDue()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED));

            // Ten minutes later a person edits one product in Bling.
            fx.clock.advance(Duration.ofMinutes(10));
            ObjectNode phone = fx.sandbox.account().productByCode(SKU).orElseThrow();
            long id = phone.path("id").asLong();
            String brand = phone.path("marca").asText();
            assertThat(brand).isNotBlank();
            phone.put("marca", "Marca Errada");
            fx.sandbox.account().putProduct(phone);
            fx.sandbox.resetRequestLog();

            // Deliveries that must not start anything.
            byte[] body = event("evt-1", "product.updated", fx.clock.instant(), fx.account, id, SKU);
            assertThat(receiver.receive(body, Map.of()).status()).as("unsigned").isEqualTo(401);
            assertThat(receiver.receive(body, signed(body, "not-the-secret")).status()).as("wrong key").isEqualTo(401);
            byte[] tampered = event("evt-1", "product.updated", fx.clock.instant(), fx.account, id + 1, SKU);
            assertThat(receiver.receive(tampered, signed(body, secret)).status()).as("body changed after signing")
                    .isEqualTo(401);
            byte[] old = event("evt-0", "product.updated", fx.clock.instant().minus(Duration.ofDays(4)), fx.account, id, SKU);
            assertThat(receiver.receive(old, signed(old, secret)).status()).as("replay older than Bling's retries")
                    .isEqualTo(400);
            byte[] stock = event("evt-s", "stock.updated", fx.clock.instant(), fx.account, id, SKU);
            assertThat(receiver.receive(stock, signed(stock, secret)).status()).isEqualTo(200);
            byte[] stranger = event("evt-x", "product.updated", fx.clock.instant(), "another-company", id, SKU);
            assertThat(receiver.receive(stranger, signed(stranger, secret))).satisfies(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).contains("ignored");
            });
            assertThat(scheduler.status(fx.account).pendingProducts()).isEmpty();
            assertThat(scheduler.runDue()).as("nothing is due: the next scheduled run is in 50 minutes").isEmpty();
            assertThat(fx.sandbox.requestLog().entries()).isEmpty();

            // The real delivery, then Bling's duplicate of it, then a replay of the same bytes.
            assertThat(receiver.receive(body, signed(body, secret)).status()).isEqualTo(202);
            assertThat(receiver.receive(body, signed(body, secret))).satisfies(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("duplicate");
            });
            AccountStatus queued = scheduler.status(fx.account);
            assertThat(queued.pendingProducts()).extracting(ProductRef::id).containsExactly(id);
            assertThat(queued.nextRunAt()).contains(fx.clock.instant());
            assertThat(fx.sandbox.requestLog().entries()).as("the receiver answered without syncing").isEmpty();

            List<RunRecord> runs = scheduler.runDue();
            assertThat(runs).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
                assertThat(r.trigger()).isEqualTo(Trigger.WEBHOOK);
                assertThat(r.products()).extracting(ProductRef::sku).containsExactly(java.util.Optional.of(SKU));
                assertThat(r.counts().get(Outcome.UPDATED)).isEqualTo(1);
            });
            // Only that product was read in full, once (the plan, the budget check and the apply
            // share one look at the ERP), and only it was written; no other product is read at all.
            List<RecordedRequest> reads = fx.sandbox.requestLog().forRoute("GET /produtos/{idProduto}");
            assertThat(reads).hasSize(1).allSatisfy(r -> assertThat(r.path()).endsWith("/produtos/" + id));
            assertThat(fx.sandbox.requestLog().writes()).isNotEmpty()
                    .allSatisfy(w -> assertThat(w.path()).contains("/" + id));
            assertThat(fx.sandbox.account().productByCode(SKU).orElseThrow().path("marca").asText()).isEqualTo(brand);
            assertThat(scheduler.status(fx.account).pendingProducts()).isEmpty();

            // Replayed later still: ignored as a duplicate, and nothing runs.
            fx.clock.advance(Duration.ofMinutes(5));
            fx.sandbox.resetRequestLog();
            assertThat(receiver.receive(body, signed(body, secret)).status()).isEqualTo(200);
            assertThat(scheduler.runDue()).isEmpty();
            assertThat(fx.sandbox.requestLog().entries()).isEmpty();
        }
    }
}
