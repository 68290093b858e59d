package io.cathalog.core.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.CathalogException;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's two renderings: JSON (round trip, versions, errors that name the place) and text. */
class PlanFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ProductFields EVERY_FIELD = ProductFields.builder()
            .name(new Assignment<>(Optional.of("Fone velho"), "Fone", Optional.empty()))
            .status(new Assignment<>(Optional.of("inactive"), ProductStatus.ACTIVE, Optional.empty()))
            .brand(new Assignment<>(Optional.empty(), "Acme", Optional.of("brand-rule")))
            .gtin(Assignment.of("7891234567895"))
            .price(new Assignment<>(Optional.of("10"), new BigDecimal("12.90"), Optional.empty()))
            .category(new Assignment<>(Optional.of("Velha"), CategoryRef.existing("audio", 20), Optional.of("cat-rule")))
            .netWeight(Assignment.of(Weight.of("200", WeightUnit.GRAM)))
            .grossWeight(Assignment.of(Weight.of("0.25", WeightUnit.KILOGRAM)))
            .dimensions(Assignment.of(new Dimensions(Length.of("18", LengthUnit.CENTIMETRE),
                    Length.of("20", LengthUnit.CENTIMETRE), Length.of("8.5", LengthUnit.CENTIMETRE))))
            .custom("Cor", new Assignment<>(Optional.empty(), "azul", Optional.of("cor")))
            .custom("Voltagem", new Assignment<>(Optional.of("110"), "220", Optional.empty()))
            .build();

    /** One change of every kind, each with every component set. */
    static SyncPlan everyKind() {
        List<Change> changes = List.of(
                new Change.CreateCustomField("Cor"),
                new Change.CreateCategory("new", "Novos", Optional.empty()),
                new Change.CreateCategory("sub", "Sub", Optional.of(CategoryRef.planned("new"))),
                new Change.RenameCategory("audio", 20, "Audio velho", "Áudio"),
                new Change.ReplaceCategory("moving", 40, "Mover", "the root", "Mover",
                        Optional.of(CategoryRef.existing("audio", 20))),
                new Change.UpdateProduct("S1", 101, EVERY_FIELD),
                new Change.CreateProduct("S2", ProductFields.builder().name(Assignment.of("Caixa"))
                        .status(Assignment.of(ProductStatus.INACTIVE))
                        .category(Assignment.of(CategoryRef.planned("new"))).build()),
                new Change.UpdateStoreCategoryLink("ml/audio", 500, 77, CategoryRef.existing("audio", 20),
                        new Assignment<>(Optional.of("MLB0"), "MLB1", Optional.empty()),
                        new Assignment<>(Optional.of("Áudio"), "Áudio", Optional.empty())),
                new Change.CreateStoreCategoryLink("ml/new", 77, CategoryRef.planned("new"), "MLB2", "Novos"),
                new Change.UpdateProductStoreLink("ml/S1", 600, 77, ProductRef.existing("S1", 101),
                        new Assignment<>(Optional.of("Velha"), CategoryRef.existing("audio", 20), Optional.empty())),
                new Change.CreateProductStoreLink("ml", 77, ProductRef.planned("S2"), "S2", CategoryRef.planned("new")),
                new Change.DeleteCategory("moving", 40, "Mover"),
                new Change.DeleteCategory("#30", 30, "Velha"));
        TreeMap<String, Long> ids = new TreeMap<>();
        ids.put("audio", 20L);
        return new SyncPlan("acme", changes,
                List.of(new AttentionItem(EntityKind.PRODUCT, "S3", Optional.of("ml"), "no GTIN"),
                        new AttentionItem(EntityKind.CATEGORY, "#50", Optional.empty(), "still has products")),
                List.of(new FieldDrift(EntityKind.PRODUCT, "S1", "price", Optional.of("10"), Optional.of("11")),
                        new FieldDrift(EntityKind.PRODUCT, "S1", "brand", Optional.of("X"), Optional.empty())),
                new PlanOptions(true, true, DriftPolicy.KEEP_REMOTE, true), "sha256:abc", ids, 17,
                Duration.ofSeconds(6));
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void theJsonRoundTripGivesTheSameTypedPlanAndTheSameBytes() {
        SyncPlan plan = everyKind();
        String json = PlanFormat.JSON.render(plan);

        SyncPlan read = PlanFormat.parseJson(json);

        assertThat(read.changes()).hasSize(13);
        for (int i = 0; i < plan.changes().size(); i++) {
            assertThat(read.changes().get(i)).as("change %d", i).isEqualTo(plan.changes().get(i));
        }
        assertThat(read).isEqualTo(plan);
        assertThat(PlanFormat.JSON.render(read)).isEqualTo(json);
        assertThat(read.toJson()).isEqualTo(plan.toJson());
    }

    @Test
    void theJsonNamesEachKindAndTheFormatVersion() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(everyKind().toJson());

        assertThat(root.path("format_version").asText()).isEqualTo("2.4");
        assertThat(root.path("changes")).extracting(c -> c.path("kind").asText()).containsExactly(
                "create_custom_field", "create_category", "create_category", "rename_category", "replace_category",
                "update_product", "create_product", "update_store_category_link", "create_store_category_link",
                "update_product_store_link", "create_product_store_link", "delete_category", "delete_category");
        assertThat(root.at("/changes/5/values/price/after").decimalValue()).isEqualByComparingTo("12.90");
        assertThat(root.at("/changes/2/parent/remote_id").isNull()).isTrue();
    }

    @Test
    void aVersionTwoTwoPlanReadsItsPublishAndPauseAsSetListingStatus() {
        String old = """
                {
                  "format_version" : "2.2",
                  "account" : "acme",
                  "observed_fingerprint" : "sha256:abc",
                  "drift_policy" : "overwrite",
                  "options" : { "prune" : false, "allow_moves" : false, "drift" : "overwrite", "full_refresh" : false },
                  "estimated_requests" : 8,
                  "read_requests" : 0,
                  "estimated_seconds" : 3,
                  "requirement_sources" : { },
                  "category_ids" : { },
                  "changes" : [ {
                    "kind" : "publish_listing", "action" : "update", "entity" : "listing", "key" : "ml/S1",
                    "remote_id" : 900, "destructive" : false,
                    "store_key" : "ml", "listing_id" : 900, "store_id" : 77, "marketplace" : "mercadolivre", "sku" : "S1"
                  }, {
                    "kind" : "pause_listing", "action" : "update", "entity" : "listing", "key" : "ml/S2",
                    "remote_id" : 901, "destructive" : false,
                    "store_key" : "ml", "listing_id" : 901, "store_id" : 77, "marketplace" : "mercadolivre", "sku" : "S2"
                  } ],
                  "attention" : [ ],
                  "drift" : [ ]
                }
                """;

        SyncPlan plan = PlanFormat.parseJson(old);

        assertThat(plan.changes()).containsExactly(
                new Change.SetListingStatus("ml", 900, 77, "mercadolivre", "S1",
                        io.cathalog.core.model.ListingPolicy.ListingStatus.PUBLISHED),
                new Change.SetListingStatus("ml", 901, 77, "mercadolivre", "S2",
                        io.cathalog.core.model.ListingPolicy.ListingStatus.PAUSED));
        // Saved again, it is the 2.3 kind with its target status, and reads back the same.
        String again = plan.toJson();
        assertThat(again).contains("\"kind\" : \"set_listing_status\"").contains("\"status\" : \"paused\"")
                .doesNotContain("pause_listing");
        assertThat(PlanFormat.parseJson(again)).isEqualTo(plan);
    }

    @Test
    void aVersionOnePlanIsRefusedWithAdviceToPlanAgain() {
        String old = edit(everyKind().toJson(), root -> root.put("format_version", "1.0"));

        assertThatThrownBy(() -> PlanFormat.parseJson(old)).isInstanceOf(CathalogException.class)
                .hasMessageContaining("plan again").hasMessageContaining("1.0");
    }

    @Test
    void aPlanWithoutAVersionIsRefused() {
        String none = edit(everyKind().toJson(), root -> root.remove("format_version"));

        assertThatThrownBy(() -> PlanFormat.parseJson(none)).isInstanceOf(CathalogException.class)
                .hasMessageContaining("plan again");
    }

    @Test
    void malformedValuesAreNamedByTheirJsonPointer() {
        String json = everyKind().toJson();

        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/changes/3")).put("id", "twenty")), "/changes/3/id");
        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/changes/0")).put("kind", "launch_rocket")),
                "/changes/0/kind");
        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/changes/5/values/price")).put("after", "cheap")),
                "/changes/5/values/price/after");
        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/changes/5/values/status")).put("after", "sleeping")),
                "/changes/5/values/status/after");
        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/changes/9")).remove("product")),
                "/changes/9/product");
        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/changes/2/parent")).put("remote_id", "x")),
                "/changes/2/parent/remote_id");
        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/options")).put("prune", "yes")), "/options/prune");
        assertRefusedAt(edit(json, r -> r.remove("changes")), "/changes");
        assertRefusedAt(edit(json, r -> ((ObjectNode) r.at("/attention/0")).put("entity", "planet")),
                "/attention/0/entity");
    }

    @Test
    void aChangeThatBreaksItsOwnRulesIsRefused() {
        // An update that writes nothing is not a change.
        String json = edit(everyKind().toJson(), r -> ((ObjectNode) r.at("/changes/5")).putObject("values"));

        assertThatThrownBy(() -> PlanFormat.parseJson(json)).isInstanceOf(CathalogException.class)
                .hasMessageContaining("not a valid plan");
    }

    @Test
    void textThatIsNotJsonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> PlanFormat.parseJson("{\n  \"format_version\": \"2.0\",\n  oops\n}"))
                .isInstanceOf(CathalogException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> PlanFormat.parseJson("[]")).isInstanceOf(CathalogException.class)
                .hasMessageContaining("not an object");
    }

    private static void assertRefusedAt(String json, String pointer) {
        assertThatThrownBy(() -> PlanFormat.parseJson(json)).as(pointer).isInstanceOf(CathalogException.class)
                .hasMessageContaining(" at " + pointer);
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(json);
            change.accept(root);
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ text

    @Test
    void theTextShowsEveryKind() {
        String text = PlanFormat.TEXT.render(everyKind());

        assertThat(text).contains(
                "+ custom field Cor\n    name: \"Cor\"\n",
                "+ category new\n    name: \"Novos\"\n+ category sub\n    name: \"Sub\"\n    parent: \"new\"\n",
                "~ category audio (#20)\n    name: \"Audio velho\" -> \"Áudio\"\n",
                "-/+ category moving (#40)  [destructive]\n    parent: \"the root\" -> \"audio\"\n",
                "~ product S1 (#101)\n"
                        + "    name: \"Fone velho\" -> \"Fone\"\n"
                        + "    status: \"inactive\" -> \"active\"\n"
                        + "    brand: \"Acme\"   (rule brand-rule)\n"
                        + "    gtin: \"7891234567895\"\n"
                        + "    price: \"10\" -> \"12.90\"\n"
                        + "    category: \"Velha\" -> \"audio\"   (rule cat-rule)\n"
                        + "    net_weight: \"200 g\"\n"
                        + "    gross_weight: \"0.25 kg\"\n"
                        + "    dimensions: \"18 cm x 20 cm x 8.5 cm\"\n"
                        + "    custom:Cor: \"azul\"   (rule cor)\n"
                        + "    custom:Voltagem: \"110\" -> \"220\"\n",
                "+ product S2\n    name: \"Caixa\"\n    status: \"inactive\"\n    category: \"new\"\n",
                "~ store category link ml/audio (#500)\n    code: \"MLB0\" -> \"MLB1\"\n",
                "+ store category link ml/new\n    store: \"77\"\n    category: \"new\"\n    code: \"MLB2\"\n"
                        + "    description: \"Novos\"\n",
                "~ product store link ml/S1 (#600)\n    category: \"Velha\" -> \"audio\"\n",
                "+ product store link ml/S2\n    store: \"77\"\n    product: \"S2\"\n    code: \"S2\"\n"
                        + "    category: \"new\"\n",
                "- category moving (#40)  [destructive]\n    name: \"Mover\"\n",
                "- category #30 (#30)  [destructive]\n    name: \"Velha\"\n",
                "~ drift product S1 price: edited in the ERP since the last sync (\"10\" -> \"11\"); the ERP's value is kept\n",
                "~ drift product S1 brand: edited in the ERP since the last sync (\"X\" -> (none)); the ERP's value is kept\n",
                "! product S3 [store ml]: no GTIN\n",
                "! category #50: still has products\n");
        assertThat(text).endsWith("Plan: 6 to add, 4 to change, 2 to destroy, 1 to replace; 2 need attention."
                + " About 17 requests, 6 s at the account's rate.\n");
        assertThat(text).doesNotContain("description: \"Áudio\"");
    }

    @Test
    void anEmptyPlanSaysSo() {
        SyncPlan empty = new SyncPlan("acme", List.of(), List.of(), List.of(), PlanOptions.defaults(), "-",
                new TreeMap<>(), 0, Duration.ZERO);

        assertThat(PlanFormat.TEXT.render(empty)).isEqualTo("No changes.\n");
        assertThat(PlanFormat.parseJson(empty.toJson())).isEqualTo(empty);
    }
}
