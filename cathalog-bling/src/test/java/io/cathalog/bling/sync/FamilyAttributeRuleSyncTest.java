package io.cathalog.bling.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanFormat;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attribute rule that fills the GTINs of a family's variations, over the Bling sandbox by real
 * HTTP: the account ends with them on each variation (none on the parent) and a second plan is empty.
 */
class FamilyAttributeRuleSyncTest {
    private final MutableClock clock = new MutableClock(Instant.now());

    private static Catalog catalog(Map<String, AttributeValue> gtins) {
        Product shirt = Product.builder("CAM", "Camiseta").category("roupas").price(new BigDecimal("49.90"))
                .variation(Variation.builder("CAM-AZ-P").option("Cor", "Azul").option("Tamanho", "P").build())
                .variation(Variation.builder("CAM-AZ-M").option("Cor", "Azul").option("Tamanho", "M").build())
                .variation(Variation.builder("CAM-VM-P").option("Cor", "Vermelho").option("Tamanho", "P").build())
                .build();
        return Catalog.builder().category(Category.root("roupas", "Roupas")).product(shirt)
                .attributeRule(new AttributeRule("gtin-das-variacoes", Optional.empty(), "gtin",
                        new AttributeSource.Overrides(gtins)))
                .build();
    }

    private ApplyReport sync(EngineFixture fx, Catalog catalog) {
        clock.advance(Duration.ofMinutes(1));
        ApplyReport report = fx.engine(CatalogSource.of(catalog), fx.remote()).build().sync(PlanOptions.defaults());
        assertThat(report.outcomes()).as(report.toString()).noneMatch(o -> o.outcome() == Outcome.FAILED);
        clock.advance(Duration.ofMinutes(1));
        SyncPlan again = fx.engine(CatalogSource.of(catalog), fx.remote()).build().plan(PlanOptions.defaults());
        assertThat(again.changes()).as(PlanFormat.TEXT.render(again)).isEmpty();
        return report;
    }

    /** Each variation's GTIN in the sandbox, by SKU, read from the variation itself. */
    private static Map<String, String> gtins(EngineFixture fx) {
        ObjectNode p = fx.sandbox.account().productByCode("CAM").orElseThrow();
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode v : p.path("variacoes")) {
            String sku = v.path("codigo").asText();
            out.put(sku, fx.sandbox.account().productByCode(sku).orElseThrow().path("gtin").asText());
        }
        return out;
    }

    @Test
    void aRuleFillsTheGtinsOfAFamilysVariationsInBling() {
        try (EngineFixture fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false),
                clock)) {
            // First only one variation gets its GTIN from the rule: the family is created with it.
            sync(fx, catalog(Map.of("CAM-AZ-P", AttributeValue.text("7891000315507"))));
            assertThat(gtins(fx)).containsExactly(Map.entry("CAM-AZ-P", "7891000315507"), Map.entry("CAM-AZ-M", ""),
                    Map.entry("CAM-VM-P", ""));

            // Then the rule gives every variation one: one write of the family fills the rest.
            Catalog all = catalog(Map.of("CAM-AZ-P", AttributeValue.text("7891000315507"),
                    "CAM-AZ-M", AttributeValue.text("7891000100103"), "CAM-VM-P", AttributeValue.text("7891000053508")));
            clock.advance(Duration.ofMinutes(1));
            SyncPlan plan = fx.engine(CatalogSource.of(all), fx.remote()).build().plan(PlanOptions.defaults());
            assertThat(PlanFormat.TEXT.render(plan)).contains("variation CAM-AZ-M gtin")
                    .contains("(rule gtin-das-variacoes)");
            sync(fx, all);

            assertThat(gtins(fx)).containsExactly(Map.entry("CAM-AZ-P", "7891000315507"),
                    Map.entry("CAM-AZ-M", "7891000100103"), Map.entry("CAM-VM-P", "7891000053508"));
            assertThat(fx.sandbox.account().productByCode("CAM").orElseThrow().path("gtin").asText("")).isEmpty();
            assertThat(fx.sandbox.account().deletedVariationCodes()).isEmpty();
        }
    }
}
