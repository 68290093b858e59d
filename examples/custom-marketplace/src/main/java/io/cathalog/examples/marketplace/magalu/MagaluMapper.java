package io.cathalog.examples.marketplace.magalu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.marketplace.AllowedValue;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CacheSettings;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.Normalisation;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.ProductSlot;
import io.cathalog.core.marketplace.RequirementLevel;
import io.cathalog.core.marketplace.RequirementsProvider;
import io.cathalog.core.marketplace.RequirementsUnavailableException;
import io.cathalog.core.marketplace.ResolvedValue;
import io.cathalog.core.marketplace.ValueOrigin;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Magalu-style rules as a plugin: a brand, a GTIN and a package weight are required; the title has
 * the category's length limits; each category's fields are checked by kind (a closed list, a whole
 * number, text). Values are never guessed: what is wrong or missing is a {@link Violation}.
 *
 * <p>Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.cathalog.core.marketplace.MarketplaceMapper}, which needs the public
 * no-argument constructor; a host that reads requirements elsewhere registers
 * {@code new MagaluMapper(itsProvider)} with {@code MarketplaceRegistry.builder().override(...)}.
 * Immutable, so thread-safe.
 */
public final class MagaluMapper implements MarketplaceMapper {
    /** The id stores name in their {@code marketplace}. */
    public static final String ID = "magalu";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequirementsProvider requirements;

    /** Reads the requirements file shipped with the plugin, kept in a cache (the file is parsed once per category). */
    public MagaluMapper() {
        this(RequirementsProvider.cached(MagaluRequirements.bundled(), CacheSettings.defaults()));
    }

    public MagaluMapper(RequirementsProvider requirements) {
        this.requirements = Objects.requireNonNull(requirements, "requirements");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Magalu";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public CategoryRequirements requirements(String marketplaceCategoryId) {
        return requirements.requirements(marketplaceCategoryId);
    }

    @Override
    public Normalisation normalise(NormalisationRequest request) {
        String category = request.categoryId();
        CategoryRequirements r;
        try {
            r = requirements.requirements(category);
        } catch (RequirementsUnavailableException e) {
            // The SPI's promise: an unreadable category is a violation, never an exception.
            return new Normalisation(ID, category, Map.of(),
                    List.of(new Violation("category", Violation.Code.CATEGORY_UNAVAILABLE, e.getMessage())), List.of(), "{}");
        }
        if (!r.leaf()) {
            return new Normalisation(ID, category, Map.of(), List.of(new Violation("category",
                    Violation.Code.NOT_LEAF_CATEGORY, r.name() + " has subcategories; Magalu lists products in leaf categories only")),
                    List.of(), "{}");
        }
        Checking c = new Checking(request);
        c.title(r);
        c.productFields();
        for (AttributeRequirement a : r.attributes()) {
            c.attribute(a);
        }
        for (String supplied : request.suppliedValues().keySet()) {
            if (r.attribute(supplied).isEmpty()) {
                c.warnings.add(new Warning(supplied, Warning.Code.UNUSED_VALUE, "Magalu category " + category
                        + " has no field '" + supplied + "'"));
            }
        }
        return new Normalisation(ID, category, c.values, c.violations, c.warnings, c.preview(category));
    }

    /** One normalisation's working state: confined to the call, so the mapper stays immutable. */
    private static final class Checking {
        private final NormalisationRequest request;
        private final Product product;
        private final TreeMap<String, ResolvedValue> values = new TreeMap<>();
        private final List<Violation> violations = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();

        Checking(NormalisationRequest request) {
            this.request = request;
            this.product = request.product();
        }

        void title(CategoryRequirements r) {
            String title = request.listingTitle();
            int length = title.codePointCount(0, title.length());
            if (length > r.limits().titleMaxLength()) {
                // Never cut: a cut title is a worse listing; the host supplies a shorter one.
                violations.add(new Violation("title", Violation.Code.TOO_LONG, "the title has " + length
                        + " characters; Magalu takes at most " + r.limits().titleMaxLength()));
            } else if (length < r.limits().titleMinLength() || title.isBlank()) {
                violations.add(new Violation("title", Violation.Code.TOO_SHORT, "the title has " + length
                        + " characters; Magalu asks for at least " + r.limits().titleMinLength()));
            } else {
                put("title", "Título", AttributeValue.text(title), title, ProductSlot.TITLE, ValueOrigin.PRODUCT_FIELD);
            }
        }

        void productFields() {
            put("sku", "SKU", AttributeValue.text(product.sku()), product.sku(), ProductSlot.SKU, ValueOrigin.PRODUCT_FIELD);
            if (product.brand().isPresent()) {
                String brand = product.brand().get();
                put("brand", "Marca", AttributeValue.text(brand), brand, ProductSlot.BRAND, ValueOrigin.PRODUCT_FIELD);
            } else {
                violations.add(new Violation("brand", Violation.Code.MISSING_REQUIRED, "Magalu requires a brand"));
            }
            if (product.gtin().isPresent()) {
                String gtin = product.gtin().get().digits();
                put("ean", "EAN", AttributeValue.text(gtin), gtin, ProductSlot.GTIN, ValueOrigin.PRODUCT_FIELD);
            } else {
                violations.add(new Violation("ean", Violation.Code.MISSING_GTIN, "Magalu requires a GTIN (EAN)"));
            }
            Optional<Weight> weight = product.grossWeight();
            if (weight.isEmpty() && product.netWeight().isPresent()) {
                weight = product.netWeight();
                warnings.add(new Warning("weight", Warning.Code.FALLBACK, "no gross weight: the net weight is sent as the package weight"));
            }
            if (weight.isEmpty() || weight.get().amount().signum() <= 0) {
                violations.add(new Violation("weight", Violation.Code.MISSING_REQUIRED, "Magalu requires the package weight"));
            } else {
                // Kilograms with three decimals, i.e. whole grams, rounded up so the carrier is never under-declared.
                BigDecimal kg = weight.get().to(WeightUnit.KILOGRAM, 3, RoundingMode.UP).amount();
                if (kg.compareTo(weight.get().to(WeightUnit.KILOGRAM).amount()) != 0) {
                    warnings.add(new Warning("weight", Warning.Code.ROUNDED, "the weight was rounded up to whole grams: "
                            + kg.toPlainString() + " kg"));
                }
                put("weight", "Peso", AttributeValue.number(kg, "kg"), kg.toPlainString() + " kg",
                        ProductSlot.PACKAGE_WEIGHT, ValueOrigin.PRODUCT_FIELD);
            }
        }

        void attribute(AttributeRequirement a) {
            Optional<NormalisationRequest.Sourced> found = request.valueFor(a);
            if (found.isEmpty()) {
                if (a.level() == RequirementLevel.REQUIRED) {
                    violations.add(new Violation(a.id(), Violation.Code.MISSING_REQUIRED, "Magalu requires '" + a.name() + "'"));
                }
                return;
            }
            AttributeValue value = found.get().value();
            ValueOrigin origin = found.get().origin();
            switch (a.type()) {
                case CHOICE -> choice(a, value, origin);
                case INTEGER -> wholeNumber(a, value, origin);
                case TEXT -> text(a, value, origin);
                default -> {
                    // A kind this plugin does not know: sent as text, and said so.
                    warnings.add(new Warning(a.id(), Warning.Code.UNKNOWN_TYPE, "Magalu field kind '" + a.marketplaceType()
                            + "' is unknown to this plugin; the value is sent as text"));
                    text(a, value, origin);
                }
            }
        }

        private void choice(AttributeRequirement a, AttributeValue value, ValueOrigin origin) {
            if (value instanceof AttributeValue.MultiChoiceValue) {
                violations.add(new Violation(a.id(), Violation.Code.TOO_MANY_VALUES, "'" + a.name() + "' takes one value"));
                return;
            }
            Optional<AllowedValue> option = request.matcher().find(value.asText(), a.allowedValues(), AllowedValue::name);
            if (option.isEmpty()) {
                violations.add(new Violation(a.id(), Violation.Code.UNKNOWN_VALUE, "'" + shorten(value.asText())
                        + "' is not one of Magalu's values for '" + a.name() + "'"));
                return;
            }
            AllowedValue o = option.get();
            values.put(a.id(), new ResolvedValue(a.id(), a.name(), AttributeValue.choice(o.name()), List.of(o.id()), o.name(),
                    ProductSlot.ATTRIBUTE, origin));
        }

        private void wholeNumber(AttributeRequirement a, AttributeValue value, ValueOrigin origin) {
            BigDecimal n = null;
            if (value instanceof AttributeValue.NumberValue number && number.unit().isEmpty()) {
                n = number.amount();
            } else if (value instanceof AttributeValue.TextValue text && text.value().strip().matches("[0-9]{1,9}")) {
                n = new BigDecimal(text.value().strip());
            }
            if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
                violations.add(new Violation(a.id(), Violation.Code.INVALID_VALUE, "'" + a.name()
                        + "' is a whole number without a unit, not '" + shorten(value.asText()) + "'"));
                return;
            }
            AttributeValue whole = AttributeValue.number(n);
            put(a.id(), a.name(), whole, whole.asText(), ProductSlot.ATTRIBUTE, origin);
        }

        private void text(AttributeRequirement a, AttributeValue value, ValueOrigin origin) {
            String text = value.asText();
            if (a.maxLength().isPresent() && text.length() > a.maxLength().getAsInt()) {
                violations.add(new Violation(a.id(), Violation.Code.TOO_LONG, "'" + a.name() + "' takes at most "
                        + a.maxLength().getAsInt() + " characters, got " + text.length()));
                return;
            }
            put(a.id(), a.name(), AttributeValue.text(text), text, ProductSlot.ATTRIBUTE, origin);
        }

        private void put(String id, String name, AttributeValue value, String text, ProductSlot slot, ValueOrigin origin) {
            values.put(id, new ResolvedValue(id, name, value, List.of(), text, slot, origin));
        }

        /** The listing as a Magalu-style payload, keys in a fixed order so equal inputs print the same. */
        String preview(String category) {
            ObjectNode root = JSON.createObjectNode();
            root.put("sku", product.sku());
            root.put("category", category);
            for (String field : List.of("title", "brand", "ean")) {
                if (values.containsKey(field)) {
                    root.put(field, values.get(field).text());
                }
            }
            if (values.containsKey("weight")) {
                root.put("weight_kg", ((AttributeValue.NumberValue) values.get("weight").value()).amount());
            }
            ArrayNode fields = root.putArray("fields");
            values.values().stream().filter(v -> v.slot() == ProductSlot.ATTRIBUTE)
                    .forEach(v -> fields.addObject().put("code", v.attributeId()).put("value", v.text()));
            return root.toString();
        }

        private static String shorten(String s) {
            return s.length() <= 40 ? s : s.substring(0, 39) + "…";
        }
    }
}
