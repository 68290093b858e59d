package io.cathalog.marketplaces.shopee;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.marketplace.AllowedValue;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.BrandRequirement;
import io.cathalog.core.marketplace.CacheSettings;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ListingLimits;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ProductSlot;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementSource;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.StoreRequirements;
import io.cathalog.core.model.Store;
import io.cathalog.marketplaces.internal.RequirementSources;
import io.cathalog.core.marketplace.ResolvedValue;
import io.cathalog.core.marketplace.ValueMatcher;
import io.cathalog.core.marketplace.ValueOrigin;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.marketplaces.internal.Findings;
import io.cathalog.marketplaces.internal.Json;
import io.cathalog.marketplaces.internal.ValueConverter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Shopee's rules (Brazil). Lists in leaf categories only; checks the item name against
 * {@code item_name_length_limit}; fills the brand from the product's brand matched against
 * {@code get_brand_list} ("No Brand", id 0, where the category allows it); the weight in kg and
 * the package dimension in whole cm from the product's package; {@code gtin_code} by the
 * category's {@code gtin_validation_rule} ({@code "00"} where {@code Flexible} allows no GTIN);
 * attributes by input and validation type, units from {@code attribute_unit_list},
 * {@code max_value_count}, and a child attribute only with its parent's opening value.
 *
 * <p>The no-argument constructor reads the shipped snapshot; hosts pass a
 * {@link ShopeeRequirements} over their own source to {@link #ShopeeMapper(RequirementsProvider)}.
 */
public final class ShopeeMapper implements MarketplaceMapper {
    /** The marketplace id stores use. */
    public static final String ID = "shopee";
    /** Shopee's "no brand": brand id 0. */
    public static final AllowedValue NO_BRAND = AllowedValue.of("0", "No Brand");
    /** Shopee's {@code gtin_code} for "item without GTIN". */
    public static final String NO_GTIN = "00";
    // Dates go to Shopee as Unix seconds; the start of the day in Brazil reads back as that day.
    private static final ZoneId BRAZIL = ZoneId.of("America/Sao_Paulo");

    private final RequirementSources sources;

    /** Reads the shipped snapshot, cached with {@link CacheSettings#defaults()}. */
    public ShopeeMapper() {
        this(snapshotProvider());
    }

    /**
     * Reads requirements from the host's provider (e.g. {@link ShopeeRequirements} over a fetcher).
     *
     * @param requirements the provider
     */
    public ShopeeMapper(RequirementsProvider requirements) {
        this.sources = new RequirementSources(ID, Objects.requireNonNull(requirements, "requirements"), Optional.empty());
    }

    /**
     * Reads each store's requirements live through {@code live} (e.g. cathalog-bling's
     * {@code BlingRequirements}) and falls back to {@code fallback} when the store's integration
     * cannot be reached; a category the live source does not know for the store needs attention.
     *
     * @param fallback the offline source (the shipped snapshot: {@link #snapshotProvider()})
     * @param live     requirements per store
     */
    public ShopeeMapper(RequirementsProvider fallback, StoreRequirements live) {
        this.sources = new RequirementSources(ID, Objects.requireNonNull(fallback, "fallback"),
                Optional.of(Objects.requireNonNull(live, "live")));
    }

    /**
     * A plugin reading each store's requirements live, with the shipped snapshot as the fallback;
     * register it with {@code MarketplaceRegistry.Builder.override}.
     *
     * @param live requirements per store
     * @return the plugin
     */
    public static ShopeeMapper live(StoreRequirements live) {
        return new ShopeeMapper(snapshotProvider(), live);
    }

    /**
     * The shipped snapshot, labelled {@link RequirementSource.Snapshot} with its version and cached
     * with {@link CacheSettings#defaults()}.
     *
     * @return the provider
     */
    public static RequirementsProvider snapshotProvider() {
        return RequirementsProvider.cached(RequirementSources.labelled(new ShopeeRequirements(ShopeeRequirements.snapshot()),
                new RequirementSource.Snapshot(ID, ShopeeRequirements.SNAPSHOT_VERSION)), CacheSettings.defaults());
    }

    /**
     * A store's requirements of a category, from the source that serves the store (live, or the
     * fallback when live cannot be reached): {@link CategoryRequirements#source()} says which.
     *
     * @param store                 the store
     * @param marketplaceCategoryId the category
     * @return the requirements
     * @throws io.cathalog.core.marketplace.RequirementsUnavailableException when neither source has them
     */
    public CategoryRequirements requirements(Store store, String marketplaceCategoryId) {
        return sources.forStore(store, null).requirements(marketplaceCategoryId);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Shopee";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public CategoryRequirements requirements(String marketplaceCategoryId) {
        return sources.own().requirements(marketplaceCategoryId);
    }

    @Override
    public Normalisation normalise(NormalisationRequest request) {
        Findings f = new Findings();
        String categoryId = request.categoryId();
        ObjectNode payload = Json.object();
        putId(payload, "category_id", categoryId);
        payload.put("item_name", request.listingTitle());
        Optional<CategoryRequirements> listable = f.listableCategory(sources.forStore(request.store(), f), "Shopee", categoryId);
        if (listable.isEmpty()) {
            return done(request, f, payload);
        }
        CategoryRequirements category = listable.get();
        Set<String> fields = Set.of("brand", "gtin_code");
        for (String supplied : request.suppliedValues().keySet()) {
            if (category.attribute(supplied).isEmpty() && !fields.contains(supplied)) {
                f.warning(supplied, Warning.Code.UNUSED_VALUE, "category " + categoryId + " has no attribute " + supplied);
            }
        }
        ListingLimits limits = category.limits();
        title(request, limits, f);
        brandRule(category, f).ifPresent(b -> brand(b, request, f, payload));
        weight(request, limits, f, payload);
        dimension(request, limits, f, payload);
        if (!request.product().isFamily()) {
            gtin(request, limits, f, payload);
        }
        attributes(category, request, f, payload.putArray("attribute_list"));
        io.cathalog.marketplaces.internal.FamilyRules.shopee(request, category, f);
        return done(request, f, payload);
    }

    private static void title(NormalisationRequest request, ListingLimits limits, Findings f) {
        String title = request.listingTitle();
        if (title.length() > limits.titleMaxLength()) {
            f.violation("item_name", Violation.Code.TOO_LONG, "the item name has " + title.length()
                    + " characters; Shopee takes at most " + limits.titleMaxLength() + " in " + request.categoryId());
        } else if (title.length() < limits.titleMinLength()) {
            f.violation("item_name", Violation.Code.TOO_SHORT, "the item name has " + title.length()
                    + " characters; Shopee takes at least " + limits.titleMinLength() + " in " + request.categoryId());
        }
    }

    /**
     * The brand list to check the brand against. Bling's live requirements carry none, so with a
     * live source the offline snapshot's list for the category is used where it has one (a
     * warning names the snapshot's version); where neither has one, a warning says the brand was
     * not checked: never silently.
     */
    private Optional<BrandRequirement> brandRule(CategoryRequirements category, Findings f) {
        if (category.brand().isPresent()) {
            return category.brand();
        }
        String categoryId = category.categoryId();
        Optional<CategoryRequirements> offline;
        try {
            offline = Optional.of(sources.own().requirements(categoryId));
        } catch (io.cathalog.core.marketplace.RequirementsUnavailableException none) {
            offline = Optional.empty();
        }
        Optional<BrandRequirement> listed = offline.flatMap(CategoryRequirements::brand)
                .filter(b -> !b.brands().isEmpty());
        if (listed.isPresent()) {
            f.warning("brand", Warning.Code.FALLBACK, "brand checked against the brand list of the "
                    + offline.get().source().describe() + " for category " + categoryId + ": the requirements "
                    + category.source().describe() + " carry no brand list");
            return listed;
        }
        f.warning("brand", Warning.Code.FALLBACK, "brand not checked: no brand list for category " + categoryId);
        return Optional.empty();
    }

    private static void brand(BrandRequirement rule, NormalisationRequest request, Findings f, ObjectNode payload) {
        AttributeValue supplied = request.suppliedValues().get("brand");
        Optional<String> given = supplied != null ? Optional.of(supplied.asText()) : request.product().brand();
        ValueOrigin origin = supplied != null ? ValueOrigin.SUPPLIED : ValueOrigin.PRODUCT_FIELD;
        ValueMatcher matcher = request.matcher();
        if (given.isPresent() && matcher.matches(given.get(), NO_BRAND.name())) {
            given = Optional.empty();
        }
        AllowedValue chosen;
        if (given.isPresent()) {
            Optional<AllowedValue> listed = matcher.find(given.get(), rule.brands(), AllowedValue::name);
            if (listed.isEmpty()) {
                f.violation("brand", Violation.Code.UNKNOWN_BRAND, "brand '" + given.get() + "' is not in Shopee's"
                        + " brand list for category " + request.categoryId() + "; register it (register_brand) and"
                        + " wait for the audit, or choose a listed brand");
                return;
            }
            chosen = listed.get();
        } else if (rule.noBrand().isPresent()) {
            chosen = rule.noBrand().get();
            origin = ValueOrigin.MARKETPLACE_DEFAULT;
        } else {
            f.violation("brand", Violation.Code.MISSING_REQUIRED, "Shopee requires a brand in category "
                    + request.categoryId() + " and does not accept \"No Brand\" there: set the product's brand");
            return;
        }
        f.value(new ResolvedValue("brand", "Marca", AttributeValue.text(chosen.name()), List.of(chosen.id()),
                chosen.name(), ProductSlot.BRAND, origin));
        ObjectNode brand = payload.putObject("brand");
        putId(brand, "brand_id", chosen.id());
        brand.put("original_brand_name", chosen.name());
    }

    private static void weight(NormalisationRequest request, ListingLimits limits, Findings f, ObjectNode payload) {
        Product p = request.product();
        Optional<Weight> weight = p.grossWeight();
        if (weight.isEmpty() && p.netWeight().isPresent()) {
            weight = p.netWeight();
            f.warning("weight", Warning.Code.FALLBACK, "no gross (package) weight; sent the net weight "
                    + weight.get() + " as the package weight");
        }
        if (weight.isEmpty()) {
            if (limits.weightRequired()) {
                f.violation("weight", Violation.Code.MISSING_REQUIRED, "Shopee requires the package weight in category "
                        + request.categoryId() + ": set the product's gross weight");
            }
            return;
        }
        BigDecimal kg = weight.get().to(WeightUnit.KILOGRAM).amount();
        f.value(new ResolvedValue("weight", "Peso", AttributeValue.number(kg, "kg"), List.of(),
                kg.toPlainString() + " kg", ProductSlot.PACKAGE_WEIGHT, ValueOrigin.PRODUCT_FIELD));
        payload.put("weight", kg);
    }

    private static void dimension(NormalisationRequest request, ListingLimits limits, Findings f, ObjectNode payload) {
        Optional<Dimensions> dimensions = request.product().dimensions();
        if (dimensions.isEmpty()) {
            if (limits.dimensionsRequired()) {
                f.violation("dimension", Violation.Code.MISSING_REQUIRED, "Shopee requires the package dimensions in"
                        + " category " + request.categoryId() + ": set the product's package width, height and depth");
            }
            return;
        }
        ObjectNode out = payload.putObject("dimension");
        Dimensions d = dimensions.get();
        out.put("package_length", wholeCentimetres("package_length", "Comprimento da embalagem", d.depth(),
                ProductSlot.PACKAGE_LENGTH, f));
        out.put("package_width", wholeCentimetres("package_width", "Largura da embalagem", d.width(),
                ProductSlot.PACKAGE_WIDTH, f));
        out.put("package_height", wholeCentimetres("package_height", "Altura da embalagem", d.height(),
                ProductSlot.PACKAGE_HEIGHT, f));
    }

    // Shopee takes whole centimetres: round up (a bigger declared box is safe) and say so.
    private static BigDecimal wholeCentimetres(String id, String name, Length length, ProductSlot slot, Findings f) {
        BigDecimal cm = length.to(LengthUnit.CENTIMETRE, 6, RoundingMode.CEILING).amount();
        BigDecimal whole = cm.setScale(0, RoundingMode.CEILING);
        if (whole.compareTo(cm) != 0) {
            f.warning(id, Warning.Code.ROUNDED, name + " " + length + " rounded up to " + whole.toPlainString()
                    + " cm: Shopee takes whole centimetres");
        }
        f.value(new ResolvedValue(id, name, AttributeValue.number(whole, "cm"), List.of(), whole.toPlainString() + " cm",
                slot, ValueOrigin.PRODUCT_FIELD));
        return whole;
    }

    private static void gtin(NormalisationRequest request, ListingLimits limits, Findings f, ObjectNode payload) {
        GtinPolicy rule = limits.gtin();
        AttributeValue supplied = request.suppliedValues().get("gtin_code");
        Optional<String> code = request.product().gtin().map(Gtin::digits);
        ValueOrigin origin = ValueOrigin.PRODUCT_FIELD;
        if (supplied != null) {
            code = Optional.of(supplied.asText().strip());
            origin = ValueOrigin.SUPPLIED;
        }
        if (code.isPresent() && code.get().equals(NO_GTIN)) {
            if (rule == GtinPolicy.MANDATORY) {
                f.violation("gtin_code", Violation.Code.MISSING_GTIN, "Shopee requires a valid GTIN in category "
                        + request.categoryId() + " (rule Mandatory): \"00\" is not accepted");
                return;
            }
            putGtin(NO_GTIN, origin, f, payload);
            return;
        }
        if (code.isPresent()) {
            if (!Gtin.isValid(code.get())) {
                f.violation("gtin_code", Violation.Code.INVALID_GTIN, "'" + code.get()
                        + "' is not a valid GTIN-8/12/13/14 (check digit, length)");
                return;
            }
            putGtin(code.get(), origin, f, payload);
            return;
        }
        switch (rule) {
            case MANDATORY -> f.violation("gtin_code", Violation.Code.MISSING_GTIN, "Shopee requires a valid GTIN in"
                    + " category " + request.categoryId() + " (rule Mandatory): set the product's GTIN");
            case MANDATORY_OR_EXEMPTION -> putGtin(NO_GTIN, ValueOrigin.MARKETPLACE_DEFAULT, f, payload);
            case OPTIONAL, NOT_ASKED -> {
                // Nothing to send.
            }
        }
    }

    private static void putGtin(String code, ValueOrigin origin, Findings f, ObjectNode payload) {
        f.value(new ResolvedValue("gtin_code", "GTIN", AttributeValue.text(code), List.of(), code, ProductSlot.GTIN, origin));
        payload.put("gtin_code", code);
    }

    private static void attributes(CategoryRequirements category, NormalisationRequest request, Findings f, ArrayNode out) {
        Map<String, List<String>> chosen = new HashMap<>();
        for (AttributeRequirement a : category.attributes()) {
            Optional<NormalisationRequest.Sourced> given = request.valueFor(a);
            if (a.parentId().isPresent()) {
                List<String> parentValues = chosen.getOrDefault(a.parentId().get(), List.of());
                boolean open = a.parentValueIds().stream().anyMatch(parentValues::contains);
                if (!open) {
                    if (given.isPresent()) {
                        String parentName = category.attribute(a.parentId().get()).map(AttributeRequirement::name)
                                .orElse(a.parentId().get());
                        f.violation(a.id(), Violation.Code.PARENT_MISSING, a.name() + " (" + a.id() + ") is a child of "
                                + parentName + " (" + a.parentId().get() + "): Shopee takes it only with "
                                + parentName + " = " + parentValueNames(category, a));
                    }
                    continue;
                }
            }
            if (given.isEmpty()) {
                if (a.level() == RequirementLevel.REQUIRED || a.level() == RequirementLevel.CONDITIONAL) {
                    f.violation(a.id(), Violation.Code.MISSING_REQUIRED, a.name() + " (" + a.id()
                            + ") is mandatory in Shopee category " + request.categoryId());
                }
                continue;
            }
            ValueConverter.Result result = ValueConverter.convert(a, given.get().value(), request.matcher(), Optional.empty());
            if (result instanceof ValueConverter.Rejected r) {
                f.violation(a.id(), r.code(), r.message());
                continue;
            }
            ValueConverter.Converted v = (ValueConverter.Converted) result;
            if (a.type() == ValueType.UNKNOWN) {
                f.warning(a.id(), Warning.Code.UNKNOWN_TYPE, a.name() + " has input type '" + a.marketplaceType()
                        + "', unknown to this plugin: sent as text '" + v.text() + "'");
            }
            if (a.marketplaceType().contains("input_validation_type=1;") && !wholeNumbers(v)) {
                f.violation(a.id(), Violation.Code.INVALID_VALUE, a.name() + " takes a whole number, got " + v.text());
                continue;
            }
            chosen.put(a.id(), v.valueIds());
            f.value(new ResolvedValue(a.id(), a.name(), v.value(), v.valueIds(), v.text(), ProductSlot.ATTRIBUTE,
                    given.get().origin()));
            ObjectNode entry = out.addObject();
            putId(entry, "attribute_id", a.id());
            ArrayNode values = entry.putArray("attribute_value_list");
            for (ValueConverter.Entry e : v.entries()) {
                ObjectNode value = values.addObject();
                if (e.valueId().isPresent()) {
                    putId(value, "value_id", e.valueId().get());
                    continue;
                }
                value.put("value_id", 0);
                value.put("original_value_name", a.type() == ValueType.DATE || a.customValueType().orElse(ValueType.TEXT)
                        == ValueType.DATE ? unixSeconds(e.name()) : e.name());
                e.unit().ifPresent(u -> value.put("value_unit", u));
            }
        }
    }

    private static boolean wholeNumbers(ValueConverter.Converted v) {
        if (v.value() instanceof AttributeValue.NumberValue n) {
            return n.amount().scale() <= 0;
        }
        return true;
    }

    private static String parentValueNames(CategoryRequirements category, AttributeRequirement child) {
        Optional<AttributeRequirement> parent = category.attribute(child.parentId().orElseThrow());
        return String.join(" or ", child.parentValueIds().stream()
                .map(id -> parent.flatMap(p -> p.valueById(id)).map(AllowedValue::name).orElse(id)).toList());
    }

    // "31/12/2024" or "12/2024" (as the converter formats them) -> Unix seconds at the start of that day in Brazil.
    static String unixSeconds(String formatted) {
        LocalDate day = formatted.length() == 7
                ? YearMonth.parse(formatted, DateTimeFormatter.ofPattern("MM/uuuu")).atDay(1)
                : LocalDate.parse(formatted, DateTimeFormatter.ofPattern("dd/MM/uuuu"));
        return Long.toString(day.atStartOfDay(BRAZIL).toEpochSecond());
    }

    private static void putId(ObjectNode node, String field, String id) {
        try {
            node.put(field, Long.parseLong(id));
        } catch (NumberFormatException e) {
            node.put(field, id);
        }
    }

    private static Normalisation done(NormalisationRequest request, Findings f, ObjectNode payload) {
        return f.normalisation(ID, request.categoryId(), payload);
    }
}
