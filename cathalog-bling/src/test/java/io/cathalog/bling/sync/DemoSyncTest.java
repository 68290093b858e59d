package io.cathalog.bling.sync;

import io.cathalog.bling.sandbox.RecordedRequest;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job on the sandbox's messy demo account. */
class DemoSyncTest {

    @Test
    void syncsTheMessyDemoAccountThenHasNothingLeftToDo() {
        try (EngineFixture fx = new EngineFixture()) {
            SyncEngine engine = fx.demoEngine();
            PlanOptions options = PlanOptions.defaults().withPrune(true);

            SyncPlan plan = engine.plan(options);
            assertThat(plan.changes()).isNotEmpty();
            assertThat(plan.changes()).anySatisfy(c -> {
                assertThat(c.entity()).isEqualTo(EntityKind.CATEGORY);
                assertThat(c.action()).isEqualTo(ChangeAction.CREATE);
                assertThat(c.key()).isEqualTo("shoes");
            });
            assertThat(plan.changes()).filteredOn(c -> c.entity() == EntityKind.PRODUCT).hasSizeGreaterThan(150);
            assertThat(fx.sandbox.requestLog().writes()).as("planning writes nothing").isEmpty();

            ApplyReport first = engine.apply(plan);
            assertThat(first.outcomes()).filteredOn(o -> o.outcome() == Outcome.FAILED).isEmpty();
            assertThat(first.outcomes()).hasSize(plan.changes().size());
            assertThat(fx.events).hasSize(plan.changes().size());

            // What is left is what needs a person: each other finding concerns an item listed as such.
            AuditReport audit = engine.audit();
            Set<String> attention = audit.findings().stream()
                    .filter(f -> f.kind().equals("needs-attention") || f.kind().equals("store-requirement"))
                    .map(AuditFinding::key).collect(Collectors.toSet());
            assertThat(audit.findings()).filteredOn(f -> !f.kind().equals("needs-attention")
                            && !f.kind().equals("store-requirement") && !f.kind().equals("product-without-sku"))
                    .allSatisfy(f -> assertThat(attention).as(f.toString()).contains(f.key()));
            assertThat(audit.findings()).extracting(AuditFinding::kind).doesNotContain("duplicate-category-name",
                    "category-not-in-catalog", "empty-category", "link-to-missing-category", "miscategorised-product");

            SyncPlan second = engine.plan(options);
            assertThat(second.changes()).as(second.render()).isEmpty();
            fx.sandbox.resetRequestLog();
            ApplyReport again = engine.sync(options);
            assertThat(again.outcomes()).isEmpty();
            assertThat(fx.sandbox.requestLog().writes()).as("a second sync only reads").isEmpty();
            assertThat(fx.sandbox.requestLog().size()).isPositive();
        }
    }

    @Test
    void categorisesEveryKeyedProductAndFillsWhatTheRulesGive() {
        try (EngineFixture fx = new EngineFixture()) {
            fx.demoEngine().sync(PlanOptions.defaults());
            var account = fx.sandbox.account();
            var products = account.products();
            long uncategorised = products.stream()
                    .filter(p -> !p.path("codigo").asText().isEmpty())
                    .filter(p -> p.path("idProdutoPai").asLong(0) == 0)
                    .filter(p -> !p.path("situacao").asText().equals("E"))
                    .filter(p -> p.path("categoria").path("id").asLong(0) == 0)
                    // Bling saves nothing on a product whose GTIN is invalid: those wait for a person.
                    .filter(p -> p.path("gtin").asText().isEmpty() || io.cathalog.core.model.Gtin.isValid(p.path("gtin").asText()))
                    .count();
            assertThat(uncategorised).isZero();
            var phone = account.productByCode("ELE-CEL-0001").orElseThrow();
            assertThat(phone.path("marca").asText()).isNotBlank();
            assertThat(phone.path("dimensoes").path("altura").decimalValue()).isPositive();
            // The new declared products were created with their fields.
            var shoe = account.productByCode("MOD-CAL-NEW-001").orElseThrow();
            assertThat(shoe.path("marca").asText()).isEqualTo("Olympikus");
            assertThat(shoe.path("gtin").asText()).isEqualTo("7891234567895");
        }
    }

    @Test
    void aDryRunWritesNothing() {
        try (EngineFixture fx = new EngineFixture()) {
            SyncEngine engine = fx.demoEngine();
            SyncPlan plan = engine.plan(PlanOptions.defaults().withPrune(true).withMoves(true));
            assertThat(plan.changes()).isNotEmpty();
            assertThat(fx.sandbox.requestLog().entries()).noneMatch(RecordedRequest::write);
        }
    }

    @Test
    void theSameInputsGiveByteIdenticalPlans() {
        SyncPlan plan;
        String a;
        String b;
        try (EngineFixture fx = new EngineFixture()) {
            plan = fx.demoEngine().plan(PlanOptions.defaults().withPrune(true));
            a = plan.toJson();
        }
        try (EngineFixture fx = new EngineFixture()) {
            b = fx.demoEngine().plan(PlanOptions.defaults().withPrune(true)).toJson();
        }
        assertThat(a).isEqualTo(b);
        assertThat(a).startsWith("{\n  \"format_version\" : \"2.4\"");
        SyncPlan read = SyncPlan.fromJson(a);
        for (int i = 0; i < plan.changes().size(); i++) {
            assertThat(read.changes().get(i)).as("change %d reads back typed", i).isEqualTo(plan.changes().get(i));
        }
        assertThat(read).as("reads back to the same typed plan").isEqualTo(plan);
        assertThat(SyncPlan.fromJson(a).toJson()).as("reads back to the same bytes").isEqualTo(a);
    }

    @Test
    void theTextPlanReadsLikeTerraform() {
        try (EngineFixture fx = new EngineFixture()) {
            String text = fx.demoEngine().plan(PlanOptions.defaults()).render();
            assertThat(text).contains("+ category shoes").contains("~ product ").contains(" -> ")
                    .contains("(rule sku-").contains("! ");
            assertThat(text.strip().lines().reduce((x, y) -> y).orElseThrow()).startsWith("Plan: ");
            Change any = SyncPlan.fromJson(fx.demoEngine().plan(PlanOptions.defaults()).toJson()).changes().get(0);
            assertThat(any).isNotNull();
        }
    }
}
