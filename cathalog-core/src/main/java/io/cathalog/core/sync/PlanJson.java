package io.cathalog.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.CathalogException;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.ListingPolicy;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The plan's JSON form, version {@value PlanFormat#JSON_VERSION}: every change with its kind and
 * typed payload. Written with a stable field order; read back strictly, naming the place of
 * anything that is not a plan.
 */
final class PlanJson {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(F)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    // ------------------------------------------------------------------ writing

    static String write(SyncPlan plan) {
        ObjectNode root = F.objectNode();
        root.put("format_version", PlanFormat.JSON_VERSION);
        root.put("account", plan.accountId());
        root.put("observed_fingerprint", plan.observedFingerprint());
        root.put("drift_policy", lower(plan.driftPolicy()));
        ObjectNode options = root.putObject("options");
        options.put("prune", plan.options().prune());
        options.put("allow_moves", plan.options().allowMoves());
        options.put("drift", lower(plan.options().drift()));
        options.put("full_refresh", plan.options().fullRefresh());
        root.put("estimated_requests", plan.estimatedRequests());
        root.put("read_requests", plan.readRequests());
        root.put("estimated_seconds", plan.estimatedDuration().toSeconds());
        ObjectNode summary = root.putObject("summary");
        Map<ChangeAction, Long> counts = plan.counts();
        for (ChangeAction a : ChangeAction.values()) {
            summary.put(lower(a), counts.get(a));
        }
        summary.put("attention", plan.attention().size());
        summary.put("drift", plan.drift().size());
        ObjectNode sources = root.putObject("requirement_sources");
        plan.requirementSources().forEach(sources::put);
        ObjectNode ids = root.putObject("category_ids");
        plan.categoryIds().forEach(ids::put);
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            change(changes.addObject(), c);
        }
        ArrayNode attention = root.putArray("attention");
        for (AttentionItem a : plan.attention()) {
            ObjectNode o = attention.addObject().put("entity", lower(a.entity())).put("key", a.key());
            text(o, "store", a.store());
            o.put("reason", a.reason());
            if (!a.missingAttributes().isEmpty()) {
                ArrayNode missing = o.putArray("missing_attributes");
                a.missingAttributes().forEach(missing::add);
            }
        }
        ArrayNode drift = root.putArray("drift");
        for (FieldDrift d : plan.drift()) {
            ObjectNode o = drift.addObject().put("entity", lower(d.entity())).put("key", d.key()).put("field", d.field());
            text(o, "last_known", d.lastKnown());
            text(o, "now", d.now());
        }
        return json(root) + "\n";
    }

    private static String json(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void change(ObjectNode o, Change c) {
        o.put("kind", kind(c));
        o.put("action", lower(c.action()));
        o.put("entity", lower(c.entity()));
        o.put("key", c.key());
        if (c.remoteId().isPresent()) {
            o.put("remote_id", c.remoteId().getAsLong());
        } else {
            o.putNull("remote_id");
        }
        o.put("destructive", c.destructive());
        c.accept(new Writer(o));
    }

    /**
     * An apply's report in this form (its changes as a plan writes them, each with its outcome),
     * so that it survives Java serialization ({@link ApplyStoppedException}).
     */
    static String writeReport(ApplyReport report) {
        ObjectNode root = F.objectNode();
        root.put("format_version", PlanFormat.JSON_VERSION);
        root.put("run_id", report.runId());
        root.put("duration_millis", report.duration().toMillis());
        ArrayNode items = root.putArray("outcomes");
        for (ItemOutcome item : report.outcomes()) {
            ObjectNode o = items.addObject();
            o.put("outcome", lower(item.outcome()));
            text(o, "error", item.error());
            change(o.putObject("change"), item.change());
        }
        return json(root);
    }

    /** Reads back what {@link #writeReport} wrote. */
    static ApplyReport readReport(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<ItemOutcome> outcomes = new ArrayList<>();
            JsonNode items = arr(root, "outcomes", "");
            for (int i = 0; i < items.size(); i++) {
                JsonNode o = items.get(i);
                String at = "/outcomes/" + i;
                outcomes.add(new ItemOutcome(change(obj(o, "change", at), at + "/change"),
                        enumOf(Outcome.class, str(o, "outcome", at), at + "/outcome"), optText(o, "error", at)));
            }
            return new ApplyReport(str(root, "run_id", ""), outcomes,
                    Duration.ofMillis(longOf(root.path("duration_millis"), "/duration_millis")));
        } catch (JsonProcessingException | Invalid | IllegalArgumentException e) {
            throw new CathalogException("not an apply report: " + e.getMessage(), e);
        }
    }

    /** The kind's name in JSON: the record's name in snake case ({@code create_category}). */
    static String kind(Change c) {
        return c.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static final class Writer implements Change.Visitor<Void> {
        private final ObjectNode o;

        Writer(ObjectNode o) {
            this.o = o;
        }

        @Override
        public Void createCustomField(Change.CreateCustomField c) {
            o.put("name", c.name());
            return null;
        }

        @Override
        public Void createCategory(Change.CreateCategory c) {
            o.put("name", c.name());
            parent(c.parent());
            return null;
        }

        @Override
        public Void renameCategory(Change.RenameCategory c) {
            o.put("id", c.id()).put("old_name", c.oldName()).put("name", c.name());
            return null;
        }

        @Override
        public Void replaceCategory(Change.ReplaceCategory c) {
            o.put("old_id", c.oldId()).put("old_name", c.oldName()).put("old_parent", c.oldParent())
                    .put("name", c.name());
            parent(c.parent());
            return null;
        }

        @Override
        public Void deleteCategory(Change.DeleteCategory c) {
            o.put("id", c.id()).put("path", c.path());
            return null;
        }

        @Override
        public Void createProduct(Change.CreateProduct c) {
            o.put("sku", c.sku());
            o.set("values", values(c.values()));
            if (!c.variations().isEmpty()) {
                o.set("variations", variations(c.variations()));
            }
            return null;
        }

        @Override
        public Void updateVariations(Change.UpdateVariations c) {
            o.put("sku", c.sku()).put("id", c.id());
            o.set("values", values(c.values()));
            o.set("variations", variations(c.variations()));
            return null;
        }

        @Override
        public Void updateProduct(Change.UpdateProduct c) {
            o.put("sku", c.sku()).put("id", c.id());
            o.set("values", values(c.values()));
            return null;
        }

        @Override
        public Void createStoreCategoryLink(Change.CreateStoreCategoryLink c) {
            o.put("store_id", c.storeId());
            o.set("category", ref(c.category()));
            o.put("marketplace_category", c.marketplaceCategory()).put("description", c.description());
            return null;
        }

        @Override
        public Void updateStoreCategoryLink(Change.UpdateStoreCategoryLink c) {
            o.put("link_id", c.linkId()).put("store_id", c.storeId());
            o.set("category", ref(c.category()));
            o.set("marketplace_category", assignment(c.marketplaceCategory(), F::textNode));
            o.set("description", assignment(c.description(), F::textNode));
            return null;
        }

        @Override
        public Void createProductStoreLink(Change.CreateProductStoreLink c) {
            o.put("store_key", c.storeKey()).put("store_id", c.storeId());
            o.set("product", ref(c.product()));
            o.put("code", c.code());
            o.set("category", ref(c.category()));
            return null;
        }

        @Override
        public Void updateProductStoreLink(Change.UpdateProductStoreLink c) {
            o.put("link_id", c.linkId()).put("store_id", c.storeId());
            o.set("product", ref(c.product()));
            o.set("category", assignment(c.category(), PlanJson::ref));
            return null;
        }

        @Override
        public Void createListing(Change.CreateListing c) {
            o.put("store_key", c.storeKey()).put("store_id", c.storeId());
            o.set("product", ref(c.product()));
            o.set("values", listing(c.values()));
            o.put("publish", c.publish());
            return null;
        }

        @Override
        public Void updateListing(Change.UpdateListing c) {
            o.put("store_key", c.storeKey()).put("listing_id", c.listingId()).put("store_id", c.storeId());
            o.set("product", ref(c.product()));
            o.set("before", listing(c.before()));
            o.set("after", listing(c.after()));
            return null;
        }

        @Override
        public Void setListingStatus(Change.SetListingStatus c) {
            o.put("store_key", c.storeKey()).put("listing_id", c.listingId()).put("store_id", c.storeId())
                    .put("marketplace", c.marketplace()).put("sku", c.sku()).put("status", lower(c.status()));
            c.from().ifPresent(f -> o.put("from", lower(f)));
            return null;
        }

        private void parent(Optional<CategoryRef> parent) {
            if (parent.isPresent()) {
                o.set("parent", ref(parent.get()));
            } else {
                o.putNull("parent");
            }
        }
    }

    private static ObjectNode values(ProductFields v) {
        ObjectNode o = F.objectNode();
        v.name().ifPresent(a -> o.set("name", assignment(a, F::textNode)));
        v.status().ifPresent(a -> o.set("status", assignment(a, s -> F.textNode(Display.status(s)))));
        v.brand().ifPresent(a -> o.set("brand", assignment(a, F::textNode)));
        v.gtin().ifPresent(a -> o.set("gtin", assignment(a, F::textNode)));
        v.price().ifPresent(a -> o.set("price", assignment(a, F::numberNode)));
        v.category().ifPresent(a -> o.set("category", assignment(a, PlanJson::ref)));
        v.netWeight().ifPresent(a -> o.set("net_weight", assignment(a, w -> F.textNode(w.toString()))));
        v.grossWeight().ifPresent(a -> o.set("gross_weight", assignment(a, w -> F.textNode(w.toString()))));
        v.dimensions().ifPresent(a -> o.set("dimensions", assignment(a, d -> F.objectNode()
                .put("width", d.width().toString()).put("height", d.height().toString())
                .put("depth", d.depth().toString()))));
        if (!v.custom().isEmpty()) {
            ObjectNode custom = o.putObject("custom");
            v.custom().forEach((name, a) -> custom.set(name, assignment(a, F::textNode)));
        }
        return o;
    }

    private static ObjectNode listing(ListingValues v) {
        ObjectNode o = F.objectNode().put("marketplace", v.marketplace()).put("category_id", v.categoryId())
                .put("title", v.title()).put("price", v.price());
        if (v.priceFromErp()) {
            o.put("price_from_erp", true);
        }
        ObjectNode attributes = o.putObject("attributes");
        v.attributes().forEach(attributes::put);
        text(o, "listing_type", v.listingType());
        o.put("free_shipping", v.freeShipping());
        ArrayNode variations = o.putArray("variations");
        for (ListingValues.Variation x : v.variations()) {
            ObjectNode n = variations.addObject();
            n.set("product", ref(x.product()));
            n.put("name", x.name()).put("price", x.price());
            ObjectNode a = n.putObject("attributes");
            x.attributes().forEach(a::put);
        }
        return o;
    }

    private static ListingValues listing(JsonNode o, String at) {
        if (!o.isObject()) {
            throw new Invalid("expected an object at " + at);
        }
        java.util.LinkedHashMap<String, String> attributes = new java.util.LinkedHashMap<>();
        obj(o, "attributes", at).fields().forEachRemaining(e -> attributes.put(e.getKey(),
                textOf(e.getValue(), at + "/attributes/" + e.getKey())));
        // 2.2 files have no variations: families were not listed then.
        List<ListingValues.Variation> variations = new ArrayList<>();
        if (o.has("variations")) {
            JsonNode array = arr(o, "variations", at);
            for (int i = 0; i < array.size(); i++) {
                JsonNode n = array.get(i);
                String vat = at + "/variations/" + i;
                java.util.LinkedHashMap<String, String> own = new java.util.LinkedHashMap<>();
                obj(n, "attributes", vat).fields().forEachRemaining(e -> own.put(e.getKey(),
                        textOf(e.getValue(), vat + "/attributes/" + e.getKey())));
                variations.add(new ListingValues.Variation(productRef(obj(n, "product", vat), vat + "/product"),
                        str(n, "name", vat), decimalOf(n.path("price"), vat + "/price"), own));
            }
        }
        return new ListingValues(str(o, "marketplace", at), str(o, "category_id", at), str(o, "title", at),
                decimalOf(o.path("price"), at + "/price"), attributes, optText(o, "listing_type", at),
                bool(o, "free_shipping", at), variations,
                // Absent in plans of 2.3 and older, and when the catalog or policy gives the price.
                o.hasNonNull("price_from_erp") && bool(o, "price_from_erp", at));
    }

    private static ArrayNode variations(List<VariationEntry> entries) {
        ArrayNode out = F.arrayNode();
        for (VariationEntry v : entries) {
            ObjectNode n = out.addObject().put("sku", v.sku());
            id(n, v.id());
            n.put("action", lower(v.action()));
            ObjectNode options = n.putObject("options");
            v.options().forEach(options::put);
            text(n, "options_before", v.optionsBefore());
            n.set("values", values(v.values()));
        }
        return out;
    }

    private static <T> ObjectNode assignment(Assignment<T> a, Function<T, JsonNode> value) {
        ObjectNode o = F.objectNode();
        text(o, "before", a.before());
        o.set("after", value.apply(a.after()));
        text(o, "decided_by", a.decidedBy());
        return o;
    }

    private static ObjectNode ref(CategoryRef r) {
        ObjectNode o = F.objectNode().put("key", r.key());
        id(o, r.remoteId());
        return o;
    }

    private static ObjectNode ref(ProductRef r) {
        ObjectNode o = F.objectNode().put("sku", r.sku());
        id(o, r.remoteId());
        return o;
    }

    private static void id(ObjectNode o, OptionalLong id) {
        if (id.isPresent()) {
            o.put("remote_id", id.getAsLong());
        } else {
            o.putNull("remote_id");
        }
    }

    private static void text(ObjectNode o, String field, Optional<String> value) {
        if (value.isPresent()) {
            o.put(field, value.get());
        } else {
            o.putNull(field);
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ reading

    /** Raised while reading, with the JSON pointer of the place; turned into one typed error. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static SyncPlan read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CathalogException("not a plan: malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CathalogException("not a plan: the JSON is not an object");
        }
        String version = root.path("format_version").asText("");
        String major = PlanFormat.JSON_VERSION.substring(0, PlanFormat.JSON_VERSION.indexOf('.') + 1);
        if (!version.startsWith(major)) {
            throw new CathalogException("this plan was saved in format_version '" + version + "'; this version of "
                    + "Cathalog Sync reads " + major + "x: plan again and apply the new plan");
        }
        try {
            JsonNode options = obj(root, "options", "");
            PlanOptions planOptions = new PlanOptions(bool(options, "prune", "/options"),
                    bool(options, "allow_moves", "/options"), enumOf(DriftPolicy.class, str(options, "drift", "/options"),
                    "/options/drift"), bool(options, "full_refresh", "/options"));
            TreeMap<String, Long> ids = new TreeMap<>();
            obj(root, "category_ids", "").fields().forEachRemaining(e -> ids.put(e.getKey(),
                    longOf(e.getValue(), "/category_ids/" + e.getKey())));
            List<Change> changes = new ArrayList<>();
            JsonNode array = arr(root, "changes", "");
            for (int i = 0; i < array.size(); i++) {
                changes.add(change(array.get(i), "/changes/" + i));
            }
            List<AttentionItem> attention = new ArrayList<>();
            JsonNode att = arr(root, "attention", "");
            for (int i = 0; i < att.size(); i++) {
                JsonNode a = att.get(i);
                String at = "/attention/" + i;
                attention.add(new AttentionItem(enumOf(EntityKind.class, str(a, "entity", at), at + "/entity"),
                        str(a, "key", at), optText(a, "store", at), str(a, "reason", at),
                        missingAttributes(a, at)));
            }
            List<FieldDrift> drift = new ArrayList<>();
            JsonNode dr = arr(root, "drift", "");
            for (int i = 0; i < dr.size(); i++) {
                JsonNode d = dr.get(i);
                String at = "/drift/" + i;
                drift.add(new FieldDrift(enumOf(EntityKind.class, str(d, "entity", at), at + "/entity"),
                        str(d, "key", at), str(d, "field", at), optText(d, "last_known", at), optText(d, "now", at)));
            }
            TreeMap<String, String> sources = new TreeMap<>();
            if (root.has("requirement_sources")) {
                obj(root, "requirement_sources", "").fields().forEachRemaining(e -> sources.put(e.getKey(),
                        textOf(e.getValue(), "/requirement_sources/" + e.getKey())));
            }
            return new SyncPlan(str(root, "account", ""), changes, attention, drift, planOptions,
                    str(root, "observed_fingerprint", ""), ids, root.has("read_requests")
                    ? longOf(root.path("read_requests"), "/read_requests") : 0, longOf(root.path("estimated_requests"),
                    "/estimated_requests"), Duration.ofSeconds(longOf(root.path("estimated_seconds"), "/estimated_seconds")),
                    sources);
        } catch (Invalid | IllegalArgumentException | IllegalStateException e) {
            throw new CathalogException("not a valid plan: " + e.getMessage(), e);
        }
    }

    private static Change change(JsonNode c, String at) {
        String kind = str(c, "kind", at);
        String key = str(c, "key", at);
        return switch (kind) {
            case "create_custom_field" -> new Change.CreateCustomField(str(c, "name", at));
            case "create_category" -> new Change.CreateCategory(key, str(c, "name", at), optRef(c, "parent", at));
            case "rename_category" -> new Change.RenameCategory(key, longOf(c.path("id"), at + "/id"),
                    str(c, "old_name", at), str(c, "name", at));
            case "replace_category" -> new Change.ReplaceCategory(key, longOf(c.path("old_id"), at + "/old_id"),
                    str(c, "old_name", at), str(c, "old_parent", at), str(c, "name", at), optRef(c, "parent", at));
            case "delete_category" -> new Change.DeleteCategory(key, longOf(c.path("id"), at + "/id"),
                    str(c, "path", at));
            case "create_product" -> new Change.CreateProduct(str(c, "sku", at), values(obj(c, "values", at),
                    at + "/values"), c.has("variations") ? variations(arr(c, "variations", at), at + "/variations")
                    : List.of());
            case "update_variations" -> new Change.UpdateVariations(str(c, "sku", at), longOf(c.path("id"), at + "/id"),
                    values(obj(c, "values", at), at + "/values"), variations(arr(c, "variations", at), at + "/variations"));
            case "update_product" -> new Change.UpdateProduct(str(c, "sku", at), longOf(c.path("id"), at + "/id"),
                    values(obj(c, "values", at), at + "/values"));
            case "create_store_category_link" -> new Change.CreateStoreCategoryLink(key,
                    longOf(c.path("store_id"), at + "/store_id"), categoryRef(obj(c, "category", at), at + "/category"),
                    str(c, "marketplace_category", at), str(c, "description", at));
            case "update_store_category_link" -> new Change.UpdateStoreCategoryLink(key,
                    longOf(c.path("link_id"), at + "/link_id"), longOf(c.path("store_id"), at + "/store_id"),
                    categoryRef(obj(c, "category", at), at + "/category"),
                    assignment(c, "marketplace_category", at, PlanJson::textOf),
                    assignment(c, "description", at, PlanJson::textOf));
            case "create_product_store_link" -> new Change.CreateProductStoreLink(str(c, "store_key", at),
                    longOf(c.path("store_id"), at + "/store_id"), productRef(obj(c, "product", at), at + "/product"),
                    str(c, "code", at), categoryRef(obj(c, "category", at), at + "/category"));
            case "update_product_store_link" -> new Change.UpdateProductStoreLink(key,
                    longOf(c.path("link_id"), at + "/link_id"), longOf(c.path("store_id"), at + "/store_id"),
                    productRef(obj(c, "product", at), at + "/product"),
                    assignment(c, "category", at, PlanJson::categoryRef));
            case "create_listing" -> new Change.CreateListing(str(c, "store_key", at),
                    longOf(c.path("store_id"), at + "/store_id"), productRef(obj(c, "product", at), at + "/product"),
                    listing(c.path("values"), at + "/values"), bool(c, "publish", at));
            case "update_listing" -> new Change.UpdateListing(str(c, "store_key", at),
                    longOf(c.path("listing_id"), at + "/listing_id"), longOf(c.path("store_id"), at + "/store_id"),
                    productRef(obj(c, "product", at), at + "/product"), listing(c.path("before"), at + "/before"),
                    listing(c.path("after"), at + "/after"));
            case "set_listing_status" -> listingStatus(c, at, enumOf(ListingPolicy.ListingStatus.class,
                    str(c, "status", at), at + "/status"));
            // 2.2's two kinds are the one kind with its target status.
            case "publish_listing" -> listingStatus(c, at, ListingPolicy.ListingStatus.PUBLISHED);
            case "pause_listing" -> listingStatus(c, at, ListingPolicy.ListingStatus.PAUSED);
            default -> throw new Invalid("unknown change kind '" + kind + "' at " + at + "/kind");
        };
    }

    /** An attention item's missing attributes: absent in plans of 2.3 and older. */
    private static List<String> missingAttributes(JsonNode a, String at) {
        if (!a.hasNonNull("missing_attributes")) {
            return List.of();
        }
        JsonNode missing = arr(a, "missing_attributes", at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            if (!missing.get(i).isTextual()) {
                throw new Invalid("expected text at " + at + "/missing_attributes/" + i);
            }
            out.add(missing.get(i).asText());
        }
        return out;
    }

    private static Change listingStatus(JsonNode c, String at, ListingPolicy.ListingStatus status) {
        return new Change.SetListingStatus(str(c, "store_key", at),
                longOf(c.path("listing_id"), at + "/listing_id"), longOf(c.path("store_id"), at + "/store_id"),
                str(c, "marketplace", at), str(c, "sku", at), status,
                // Absent in plans of 2.3 and older: the state was not said.
                c.hasNonNull("from") ? Optional.of(enumOf(io.cathalog.core.remote.RemoteListing.State.class,
                        str(c, "from", at), at + "/from")) : Optional.empty());
    }

    private static List<VariationEntry> variations(JsonNode array, String at) {
        List<VariationEntry> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            String p = at + "/" + i;
            java.util.LinkedHashMap<String, String> options = new java.util.LinkedHashMap<>();
            JsonNode opts = obj(n, "options", p);
            opts.fields().forEachRemaining(e -> options.put(e.getKey(), textOf(e.getValue(), p + "/options/" + e.getKey())));
            out.add(new VariationEntry(str(n, "sku", p), optLong(n, "remote_id", p),
                    enumOf(VariationEntry.Action.class, str(n, "action", p), p + "/action"), options,
                    optText(n, "options_before", p), values(obj(n, "values", p), p + "/values")));
        }
        return out;
    }

    private static ProductFields values(JsonNode v, String at) {
        ProductFields.Builder b = ProductFields.builder();
        readIf(v, "name", at, PlanJson::textOf, b::name);
        readIf(v, "status", at, (n, p) -> enumOf(ProductStatus.class, textOf(n, p), p), b::status);
        readIf(v, "brand", at, PlanJson::textOf, b::brand);
        readIf(v, "gtin", at, PlanJson::textOf, b::gtin);
        readIf(v, "price", at, PlanJson::decimalOf, b::price);
        readIf(v, "category", at, PlanJson::categoryRef, b::category);
        readIf(v, "net_weight", at, (n, p) -> Weight.parse(textOf(n, p)), b::netWeight);
        readIf(v, "gross_weight", at, (n, p) -> Weight.parse(textOf(n, p)), b::grossWeight);
        readIf(v, "dimensions", at, (n, p) -> new Dimensions(Length.parse(str(n, "width", p)),
                Length.parse(str(n, "height", p)), Length.parse(str(n, "depth", p))), b::dimensions);
        JsonNode custom = v.path("custom");
        if (!custom.isMissingNode()) {
            if (!custom.isObject()) {
                throw new Invalid("expected an object at " + at + "/custom");
            }
            custom.fields().forEachRemaining(e -> b.custom(e.getKey(),
                    assignment(custom, e.getKey(), at + "/custom", PlanJson::textOf)));
        }
        return b.build();
    }

    private interface Reader<T> {
        T read(JsonNode node, String at);
    }

    private static <T> void readIf(JsonNode o, String field, String at, Reader<T> value,
                                   java.util.function.Consumer<Assignment<T>> into) {
        if (o.has(field)) {
            into.accept(assignment(o, field, at, value));
        }
    }

    private static <T> Assignment<T> assignment(JsonNode parent, String field, String at, Reader<T> value) {
        JsonNode a = obj(parent, field, at);
        String p = at + "/" + field;
        return new Assignment<>(optText(a, "before", p), value.read(a.path("after"), p + "/after"),
                optText(a, "decided_by", p));
    }

    private static Optional<CategoryRef> optRef(JsonNode o, String field, String at) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        return Optional.of(categoryRef(n, at + "/" + field));
    }

    private static CategoryRef categoryRef(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new Invalid("expected a category reference at " + at);
        }
        return new CategoryRef(str(n, "key", at), optLong(n, "remote_id", at));
    }

    private static ProductRef productRef(JsonNode n, String at) {
        return new ProductRef(str(n, "sku", at), optLong(n, "remote_id", at));
    }

    private static JsonNode obj(JsonNode o, String field, String at) {
        JsonNode n = o.path(field);
        if (!n.isObject()) {
            throw new Invalid("expected an object at " + at + "/" + field);
        }
        return n;
    }

    private static JsonNode arr(JsonNode o, String field, String at) {
        JsonNode n = o.path(field);
        if (!n.isArray()) {
            throw new Invalid("expected an array at " + at + "/" + field);
        }
        return n;
    }

    private static String str(JsonNode o, String field, String at) {
        return textOf(o.path(field), at + "/" + field);
    }

    private static String textOf(JsonNode n, String at) {
        if (!n.isTextual()) {
            throw new Invalid("expected text at " + at);
        }
        return n.asText();
    }

    private static BigDecimal decimalOf(JsonNode n, String at) {
        if (!n.isNumber()) {
            throw new Invalid("expected a number at " + at);
        }
        return n.decimalValue();
    }

    private static Optional<String> optText(JsonNode o, String field, String at) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        return Optional.of(textOf(n, at + "/" + field));
    }

    private static boolean bool(JsonNode o, String field, String at) {
        JsonNode n = o.path(field);
        if (!n.isBoolean()) {
            throw new Invalid("expected true or false at " + at + "/" + field);
        }
        return n.booleanValue();
    }

    private static long longOf(JsonNode n, String at) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new Invalid("expected a whole number at " + at);
        }
        return n.longValue();
    }

    private static OptionalLong optLong(JsonNode o, String field, String at) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(longOf(n, at + "/" + field));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String at) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("unknown value '" + text + "' at " + at);
        }
    }

}
