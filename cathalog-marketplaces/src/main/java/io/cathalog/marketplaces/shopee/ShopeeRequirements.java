package io.cathalog.marketplaces.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.core.marketplace.AllowedValue;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.BrandRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.DocumentSource;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ListingLimits;
import io.cathalog.core.marketplace.VariationLimits;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.RequirementsUnavailableException;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.model.Product;
import io.cathalog.marketplaces.internal.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads a Shopee category's requirements from Shopee Open Platform v2's own JSON (with or without
 * the {@code {"error","message","response"}} envelope), as documents of a {@link DocumentSource}
 * named after the API calls:
 * <ul>
 *   <li>{@code get_category}: {@code GET /api/v2/product/get_category?language=pt-br}, the flat
 *       list of every category (leaf = {@code has_children:false});</li>
 *   <li>{@code get_attribute_tree/{id}}: {@code GET /api/v2/product/get_attribute_tree} for that
 *       category ({@code language=pt-BR});</li>
 *   <li>{@code get_brand_list/{id}}: {@code GET /api/v2/product/get_brand_list} (first page; while
 *       {@code has_next_page}, {@code get_brand_list/{id}/offset/{next_offset}} is read too);</li>
 *   <li>{@code get_item_limit/{id}} (optional): {@code GET /api/v2/product/get_item_limit}.</li>
 * </ul>
 * Attribute nodes may say {@code mandatory} or {@code is_mandatory}; both are read. Input types
 * are read as get_attribute_tree's integers or the legacy strings; others are kept as
 * {@link ValueType#UNKNOWN}.
 */
public final class ShopeeRequirements implements RequirementsProvider {
    private static final Pattern CATEGORY_ID = Pattern.compile("\\d{1,18}");
    private static final int MAX_BRAND_PAGES = 100;

    private final DocumentSource source;

    /**
     * A provider reading Shopee's documents from {@code source}.
     *
     * @param source where the category documents are read, e.g. {@link #snapshot()} or a cache the
     *               host fills from Shopee Open Platform
     */
    public ShopeeRequirements(DocumentSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The version of the shipped snapshot: the date its README states. */
    public static final String SNAPSHOT_VERSION = "2026-01-05";

    /**
     * The snapshot shipped with this module (see its README for source and date).
     *
     * @return the documents of {@link #snapshotCategories()}, read from this module's resources
     */
    public static DocumentSource snapshot() {
        return DocumentSource.resources(ShopeeRequirements.class::getResourceAsStream,
                "/io/cathalog/marketplaces/shopee/snapshot");
    }

    /**
     * The leaf categories the shipped snapshot holds.
     *
     * @return their Shopee ids
     */
    public static List<String> snapshotCategories() {
        return List.of("100416", "100716", "100348");
    }

    @Override
    public CategoryRequirements requirements(String categoryId) {
        Objects.requireNonNull(categoryId, "categoryId");
        if (!CATEGORY_ID.matcher(categoryId).matches()) {
            throw new RequirementsUnavailableException(categoryId, "'" + categoryId
                    + "' is not a Shopee category id (a number, e.g. 100416)");
        }
        long id = Long.parseLong(categoryId);
        Map<Long, JsonNode> categories = new HashMap<>();
        for (JsonNode c : Json.array(response(categoryId, "get_category", required(categoryId, "get_category")),
                "category_list")) {
            Json.text(c, "category_id").flatMap(ShopeeRequirements::parseLong).ifPresent(cid -> categories.put(cid, c));
        }
        JsonNode category = categories.get(id);
        if (category == null) {
            throw new RequirementsUnavailableException(categoryId, "unknown Shopee category " + categoryId);
        }
        String name = categoryName(category);
        List<String> path = new ArrayList<>();
        JsonNode step = category;
        for (int depth = 0; step != null && depth < 20; depth++) {
            path.add(0, categoryName(step));
            long parent = Json.text(step, "parent_category_id").flatMap(ShopeeRequirements::parseLong).orElse(0L);
            step = parent == 0 ? null : categories.get(parent);
        }
        boolean leaf = !Json.flag(category, "has_children");
        if (!leaf) {
            return new CategoryRequirements(ShopeeMapper.ID, categoryId, name, path, false, List.of(),
                    new ListingLimits(0, Product.MAX_NAME_LENGTH, true, false, GtinPolicy.OPTIONAL), Optional.empty());
        }
        List<AttributeRequirement> attributes = attributes(categoryId, id);
        BrandRequirement brand = brand(categoryId);
        ListingLimits limits = limits(categoryId);
        return new CategoryRequirements(ShopeeMapper.ID, categoryId, name, path, true, attributes, limits,
                Optional.of(brand));
    }

    private List<AttributeRequirement> attributes(String categoryId, long id) {
        String document = "get_attribute_tree/" + categoryId;
        JsonNode response = response(categoryId, document, required(categoryId, document));
        List<JsonNode> list = Json.array(response, "list");
        JsonNode entry = list.stream()
                .filter(e -> Json.text(e, "category_id").flatMap(ShopeeRequirements::parseLong).orElse(-1L) == id)
                .findFirst()
                .orElseThrow(() -> new RequirementsUnavailableException(categoryId, document
                        + " has no attribute tree for category " + categoryId));
        Map<String, AttributeRequirement.Builder> builders = new LinkedHashMap<>();
        for (JsonNode node : Json.array(entry, "attribute_tree")) {
            collect(node, Optional.empty(), Optional.empty(), builders);
        }
        return builders.values().stream().map(AttributeRequirement.Builder::build).toList();
    }

    // Depth first: a parent comes before its children, so the order is the tree's order.
    private static void collect(JsonNode node, Optional<String> parentId, Optional<String> parentValueId,
                                Map<String, AttributeRequirement.Builder> out) {
        Optional<String> id = Json.text(node, "attribute_id");
        if (id.isEmpty()) {
            return;
        }
        AttributeRequirement.Builder existing = out.get(id.get());
        if (existing != null) {
            // The same child under several values of its parent: each value opens it.
            if (parentId.isPresent()) {
                try {
                    existing.parent(parentId.get(), parentValueId.orElseThrow());
                } catch (IllegalArgumentException differentParent) {
                    // Children of two different parents are not modelled; the first parent wins.
                }
            }
            return;
        }
        AttributeRequirement.Builder b = AttributeRequirement.builder(id.get(), localName(node,
                Json.text(node, "name").or(() -> Json.text(node, "display_attribute_name"))
                        .or(() -> Json.text(node, "original_attribute_name")).orElse(id.get())));
        boolean mandatory = Json.flag(node, "mandatory") || Json.flag(node, "is_mandatory");
        if (mandatory) {
            b.level(parentId.isPresent() ? RequirementLevel.CONDITIONAL : RequirementLevel.REQUIRED);
        }
        parentId.ifPresent(p -> b.parent(p, parentValueId.orElseThrow()));
        JsonNode info = node.get("attribute_info");
        String inputType = info == null || info.get("input_type") == null ? "" : info.get("input_type").asText();
        String validation = info == null || info.get("input_validation_type") == null ? "0"
                : info.get("input_validation_type").asText();
        int format = Json.integer(info, "format_type").orElse(1);
        List<String> units = new ArrayList<>();
        for (JsonNode u : Json.array(info, "attribute_unit_list")) {
            if (u.isTextual() && !u.asText().isBlank()) {
                units.add(u.asText());
            }
        }
        units.forEach(b::allowedUnit);
        ValueType custom = customType(validation, format == 2);
        switch (inputType) {
            case "1", "DROP_DOWN" -> b.type(ValueType.CHOICE);
            case "2", "COMBO_BOX" -> b.type(ValueType.CHOICE).customValueType(custom);
            case "3", "TEXT_FILED", "TEXT_FIELD" -> b.type(custom).customValueType(custom);
            case "4", "MULTIPLE_SELECT" -> b.type(ValueType.MULTI_CHOICE);
            case "5", "MULTIPLE_SELECT_COMBO_BOX" -> b.type(ValueType.MULTI_CHOICE).customValueType(custom);
            default -> b.type(ValueType.UNKNOWN);
        }
        b.marketplaceType("input_type=" + inputType + ";input_validation_type=" + validation + ";format_type=" + format);
        OptionalInt maxCount = Json.integer(info, "max_value_count");
        if (maxCount.isPresent() && maxCount.getAsInt() > 0) {
            b.maxValueCount(maxCount.getAsInt());
        }
        if ("4".equals(validation) || "DATE".equals(validation) || "DATE_TYPE".equals(validation)) {
            b.dateFormat(Json.integer(info, "date_format_type").orElse(0) == 1 ? "MM/YYYY" : "DD/MM/YYYY");
        }
        List<JsonNode> children = new ArrayList<>();
        List<String> childValueIds = new ArrayList<>();
        for (JsonNode v : Json.array(node, "attribute_value_list")) {
            Optional<String> vid = Json.text(v, "value_id");
            if (vid.isEmpty()) {
                continue;
            }
            String vname = localName(v, Json.text(v, "name").or(() -> Json.text(v, "display_value_name"))
                    .or(() -> Json.text(v, "original_value_name")).orElse(vid.get()));
            List<String> childIds = new ArrayList<>();
            for (JsonNode child : Json.array(v, "child_attribute_list")) {
                Json.text(child, "attribute_id").ifPresent(childIds::add);
                children.add(child);
                childValueIds.add(vid.get());
            }
            b.allowedValue(new AllowedValue(vid.get(), vname, Json.text(v, "value_unit"), childIds));
        }
        out.put(id.get(), b);
        for (int i = 0; i < children.size(); i++) {
            collect(children.get(i), id, Optional.of(childValueIds.get(i)), out);
        }
    }

    private static ValueType customType(String validation, boolean quantitative) {
        ValueType base = switch (validation) {
            case "1", "INT_TYPE" -> ValueType.INTEGER;
            case "3", "FLOAT_TYPE" -> ValueType.NUMBER;
            case "4", "DATE_TYPE", "TIMESTAMP_TYPE" -> ValueType.DATE;
            case "0", "2", "STRING_TYPE", "ENUM_TYPE" -> ValueType.TEXT;
            default -> ValueType.UNKNOWN;
        };
        return quantitative && (base == ValueType.INTEGER || base == ValueType.NUMBER) ? ValueType.NUMBER_WITH_UNIT : base;
    }

    private BrandRequirement brand(String categoryId) {
        String document = "get_brand_list/" + categoryId;
        Optional<String> first = source.readFor(categoryId, document);
        if (first.isEmpty()) {
            // Without the brand list, send "No Brand" only where nothing says a brand is needed.
            return new BrandRequirement(false, List.of(), Optional.of(ShopeeMapper.NO_BRAND), false);
        }
        JsonNode page = response(categoryId, document, first.get());
        boolean mandatory = Json.flag(page, "is_mandatory");
        boolean custom = Json.text(page, "input_type").map(t -> t.startsWith("TEXT")).orElse(false);
        List<AllowedValue> brands = new ArrayList<>();
        for (int pages = 0; pages < MAX_BRAND_PAGES; pages++) {
            for (JsonNode b : Json.array(page, "brand_list")) {
                Optional<String> bid = Json.text(b, "brand_id");
                Optional<String> bname = Json.text(b, "display_brand_name").or(() -> Json.text(b, "original_brand_name"));
                if (bid.isPresent() && bname.isPresent()) {
                    brands.add(AllowedValue.of(bid.get(), bname.get()));
                }
            }
            if (!Json.flag(page, "has_next_page") || Json.text(page, "next_offset").isEmpty()) {
                break;
            }
            String next = document + "/offset/" + Json.text(page, "next_offset").get();
            Optional<String> text = source.readFor(categoryId, next);
            if (text.isEmpty()) {
                break;
            }
            page = response(categoryId, next, text.get());
        }
        Optional<AllowedValue> listedNoBrand = brands.stream().filter(b -> b.id().equals("0")).findFirst();
        Optional<AllowedValue> noBrand = listedNoBrand.isPresent() ? listedNoBrand
                : mandatory ? Optional.empty() : Optional.of(ShopeeMapper.NO_BRAND);
        return new BrandRequirement(mandatory, brands, noBrand, custom);
    }

    /** Shopee's tier variations: at most two tiers, names of 14 and options of 20 characters. */
    static final int TIERS = 2;
    static final int TIER_NAME_MAX = 14;
    static final int TIER_OPTION_MAX = 20;
    /** Shopee lists at most 50 models (combinations) per item. */
    static final int MAX_MODELS = 50;

    private static VariationLimits variationLimits(int name, int option) {
        return new VariationLimits(MAX_MODELS, TIERS, name, option, false, true);
    }

    private ListingLimits limits(String categoryId) {
        String document = "get_item_limit/" + categoryId;
        Optional<String> text = source.readFor(categoryId, document);
        if (text.isEmpty()) {
            // add_item requires a weight whatever the category.
            return new ListingLimits(0, Product.MAX_NAME_LENGTH, true, false, GtinPolicy.OPTIONAL,
                    variationLimits(TIER_NAME_MAX, TIER_OPTION_MAX));
        }
        JsonNode r = response(categoryId, document, text.get());
        Optional<JsonNode> name = Json.child(r, "item_name_length_limit");
        int min = name.map(n -> Json.integer(n, "min_limit").orElse(0)).orElse(0);
        int max = name.map(n -> Json.integer(n, "max_limit").orElse(Product.MAX_NAME_LENGTH)).orElse(Product.MAX_NAME_LENGTH);
        if (max < 1 || min < 0 || min > max) {
            min = 0;
            max = Product.MAX_NAME_LENGTH;
        }
        boolean weight = Json.child(r, "weight_limit").map(w -> w.get("weight_mandatory") == null
                || Json.flag(w, "weight_mandatory")).orElse(true);
        boolean dimension = Json.child(r, "dimension_limit").map(d -> Json.flag(d, "dimension_mandatory")).orElse(false);
        GtinPolicy gtin = Json.child(r, "gtin_limit").flatMap(g -> Json.text(g, "gtin_validation_rule"))
                .map(rule -> switch (rule.toLowerCase(java.util.Locale.ROOT)) {
                    case "mandatory" -> GtinPolicy.MANDATORY;
                    case "flexible" -> GtinPolicy.MANDATORY_OR_EXEMPTION;
                    default -> GtinPolicy.OPTIONAL;
                }).orElse(GtinPolicy.OPTIONAL);
        int tierName = Json.child(r, "tier_variation_name_length_limit").map(n -> Json.integer(n, "max_limit")
                .orElse(TIER_NAME_MAX)).filter(n -> n > 0).orElse(TIER_NAME_MAX);
        int tierOption = Json.child(r, "tier_variation_option_length_limit").map(n -> Json.integer(n, "max_limit")
                .orElse(TIER_OPTION_MAX)).filter(n -> n > 0).orElse(TIER_OPTION_MAX);
        return new ListingLimits(min, max, weight, dimension, gtin, variationLimits(tierName, tierOption));
    }

    private static String categoryName(JsonNode c) {
        return Json.text(c, "display_category_name").or(() -> Json.text(c, "original_category_name"))
                .orElse(Json.text(c, "category_id").orElse("?"));
    }

    /** The Brazilian Portuguese name from {@code multi_lang}, if given. */
    private static String localName(JsonNode node, String fallback) {
        for (JsonNode l : Json.array(node, "multi_lang")) {
            if (Json.text(l, "language").map(x -> x.equalsIgnoreCase("pt-BR")).orElse(false)) {
                Optional<String> v = Json.text(l, "value");
                if (v.isPresent() && !v.get().isBlank()) {
                    return v.get();
                }
            }
        }
        return fallback;
    }

    private static JsonNode response(String categoryId, String document, String text) {
        JsonNode root = Json.parse(categoryId, document, text);
        Optional<String> error = Json.text(root, "error");
        if (error.isPresent() && !error.get().isBlank()) {
            throw new RequirementsUnavailableException(categoryId, document + ": Shopee error " + error.get() + ": "
                    + Json.text(root, "message").orElse(""));
        }
        return Json.child(root, "response").orElse(root);
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String required(String categoryId, String document) {
        return source.readFor(categoryId, document).orElseThrow(() -> new RequirementsUnavailableException(categoryId,
                "no document " + document + " for Shopee category " + categoryId));
    }
}
