package io.cathalog.marketplaces.mercadolivre;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.marketplace.AttributeFlag;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CacheSettings;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.ItemCondition;
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
import io.cathalog.core.marketplace.UnitConverter;
import io.cathalog.core.marketplace.ValueOrigin;
import io.cathalog.core.marketplace.ValueType;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Weight;
import io.cathalog.marketplaces.internal.Findings;
import io.cathalog.marketplaces.internal.Json;
import io.cathalog.marketplaces.internal.ValueConverter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Mercado Livre's rules (site MLB). Lists in leaf categories only; fills {@code BRAND} from the
 * product's brand, {@code SELLER_SKU} from its SKU, {@code GTIN} from its GTIN (or
 * {@code EMPTY_GTIN_REASON} when supplied), {@code SELLER_PACKAGE_HEIGHT/WIDTH/LENGTH} in cm and
 * {@code SELLER_PACKAGE_WEIGHT} in integer grams from its package, and every other attribute from
 * the supplied values or the product's attributes (by id, or by name ignoring case and accents).
 * Hidden, read-only, fixed and inferred attributes are never written; titles longer than the
 * category's {@code max_title_length} are reported, never cut.
 *
 * <p>The no-argument constructor reads the shipped snapshot; hosts pass a
 * {@link MercadoLivreRequirements} over their own source (e.g. a fetcher calling the API) to
 * {@link #MercadoLivreMapper(RequirementsProvider)} and register it with
 * {@code MarketplaceRegistry.Builder.override}.
 */
public final class MercadoLivreMapper implements MarketplaceMapper {
    /** The marketplace id stores use. */
    public static final String ID = "mercadolivre";

    static final String BRAND = "BRAND";
    static final String SELLER_SKU = "SELLER_SKU";
    static final String WEIGHT = "SELLER_PACKAGE_WEIGHT";
    static final String HEIGHT = "SELLER_PACKAGE_HEIGHT";
    static final String WIDTH = "SELLER_PACKAGE_WIDTH";
    static final String LENGTH = "SELLER_PACKAGE_LENGTH";
    // Mercado Livre's boolean value ids, for attributes whose answer omits the value list.
    private static final String YES_ID = "242085";
    private static final String NO_ID = "242084";

    private final RequirementSources sources;

    /** Reads the shipped snapshot, cached with {@link CacheSettings#defaults()}. */
    public MercadoLivreMapper() {
        this(snapshotProvider());
    }

    /**
     * Reads requirements from the host's provider (e.g. {@link MercadoLivreRequirements} over a fetcher).
     *
     * @param requirements the provider
     */
    public MercadoLivreMapper(RequirementsProvider requirements) {
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
    public MercadoLivreMapper(RequirementsProvider fallback, StoreRequirements live) {
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
    public static MercadoLivreMapper live(StoreRequirements live) {
        return new MercadoLivreMapper(snapshotProvider(), live);
    }

    /**
     * The shipped snapshot, labelled {@link RequirementSource.Snapshot} with its version and cached
     * with {@link CacheSettings#defaults()}.
     *
     * @return the provider
     */
    public static RequirementsProvider snapshotProvider() {
        return RequirementsProvider.cached(RequirementSources.labelled(new MercadoLivreRequirements(MercadoLivreRequirements.snapshot()),
                new RequirementSource.Snapshot(ID, MercadoLivreRequirements.SNAPSHOT_VERSION)), CacheSettings.defaults());
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
        return "Mercado Livre";
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
        payload.put("category_id", categoryId);
        payload.put("title", request.listingTitle());
        Optional<CategoryRequirements> listable = f.listableCategory(sources.forStore(request.store(), f), "Mercado Livre", categoryId);
        if (listable.isEmpty()) {
            return done(request, f, payload);
        }
        CategoryRequirements category = listable.get();
        String title = request.listingTitle();
        if (title.length() > category.limits().titleMaxLength()) {
            f.violation("title", Violation.Code.TOO_LONG, "the title has " + title.length()
                    + " characters; Mercado Livre takes at most " + category.limits().titleMaxLength()
                    + " in " + categoryId + " and would cut it: supply a shorter listing title");
        }
        for (String supplied : request.suppliedValues().keySet()) {
            if (category.attribute(supplied).isEmpty()) {
                f.warning(supplied, Warning.Code.UNUSED_VALUE, "category " + categoryId + " has no attribute " + supplied);
            }
        }
        ArrayNode attributes = payload.putArray("attributes");
        for (AttributeRequirement a : category.attributes()) {
            if (!a.writable()) {
                if (request.suppliedValues().containsKey(a.id())) {
                    f.warning(a.id(), Warning.Code.NOT_WRITABLE, a.name() + " is " + a.flags().stream()
                            .filter(AttributeFlag::preventsWriting).map(fl -> fl.name().toLowerCase())
                            .collect(Collectors.joining(", ")) + " in Mercado Livre: not sent");
                }
                continue;
            }
            if (a.id().equals(MercadoLivreRequirements.GTIN) || a.id().equals(MercadoLivreRequirements.EMPTY_GTIN_REASON)) {
                continue;
            }
            if (io.cathalog.marketplaces.internal.FamilyRules.varies(request, a)
                    && request.product().attribute(a.name()).isEmpty()) {
                // Given per variation (COLOR, SIZE): the family rules check it.
                continue;
            }
            Optional<Candidate> candidate = candidate(a, request, f);
            if (candidate.isEmpty()) {
                missing(a, request, f);
                continue;
            }
            write(a, candidate.get(), request, f, attributes);
        }
        if (!request.product().isFamily()) {
            // A family's GTINs are per variation: the family rules check them.
            gtin(category, request, f, attributes);
        }
        io.cathalog.marketplaces.internal.FamilyRules.mercadoLivre(request, category, f);
        return done(request, f, payload);
    }

    private record Candidate(AttributeValue value, ValueOrigin origin, ProductSlot slot) {
    }

    private Optional<Candidate> candidate(AttributeRequirement a, NormalisationRequest request, Findings f) {
        Product p = request.product();
        AttributeValue supplied = request.suppliedValues().get(a.id());
        ProductSlot slot = switch (a.id()) {
            case BRAND -> ProductSlot.BRAND;
            case SELLER_SKU -> ProductSlot.SKU;
            case WEIGHT -> ProductSlot.PACKAGE_WEIGHT;
            case HEIGHT -> ProductSlot.PACKAGE_HEIGHT;
            case WIDTH -> ProductSlot.PACKAGE_WIDTH;
            case LENGTH -> ProductSlot.PACKAGE_LENGTH;
            default -> ProductSlot.ATTRIBUTE;
        };
        if (supplied != null) {
            return Optional.of(new Candidate(supplied, ValueOrigin.SUPPLIED, slot));
        }
        Optional<AttributeValue> field = switch (a.id()) {
            case BRAND -> p.brand().map(AttributeValue::text);
            case SELLER_SKU -> Optional.of(AttributeValue.text(p.sku()));
            case HEIGHT -> p.dimensions().map(Dimensions::height).map(MercadoLivreMapper::number);
            case WIDTH -> p.dimensions().map(Dimensions::width).map(MercadoLivreMapper::number);
            case LENGTH -> p.dimensions().map(Dimensions::depth).map(MercadoLivreMapper::number);
            case WEIGHT -> packageWeight(p, a, f).map(w -> AttributeValue.number(w.amount(), w.unit().symbol()));
            default -> Optional.empty();
        };
        if (field.isPresent()) {
            return Optional.of(new Candidate(field.get(), ValueOrigin.PRODUCT_FIELD, slot));
        }
        return request.valueFor(a).map(s -> new Candidate(s.value(), s.origin(), slot));
    }

    private static Optional<Weight> packageWeight(Product p, AttributeRequirement a, Findings f) {
        if (p.grossWeight().isPresent()) {
            return p.grossWeight();
        }
        if (p.netWeight().isPresent()) {
            f.warning(a.id(), Warning.Code.FALLBACK, "no gross (package) weight; sent the net weight "
                    + p.netWeight().get() + " as the package weight");
        }
        return p.netWeight();
    }

    private static AttributeValue number(Length length) {
        return AttributeValue.number(length.amount(), length.unit().symbol());
    }

    private static void missing(AttributeRequirement a, NormalisationRequest request, Findings f) {
        boolean required = a.level() == RequirementLevel.REQUIRED
                || a.level() == RequirementLevel.REQUIRED_IF_NEW && request.condition() == ItemCondition.NEW;
        if (required) {
            f.violation(a.id(), Violation.Code.MISSING_REQUIRED, a.name() + " (" + a.id()
                    + ") is required by Mercado Livre in category " + request.categoryId() + hint(a));
        } else if (a.has(AttributeFlag.CATALOG_REQUIRED)) {
            f.warning(a.id(), Warning.Code.RECOMMENDED, a.name() + " (" + a.id() + ") is needed for Mercado Livre's catalog");
        }
    }

    private static String hint(AttributeRequirement a) {
        return switch (a.id()) {
            case BRAND -> ": set the product's brand or supply BRAND";
            case WEIGHT -> ": set the product's gross weight";
            case HEIGHT, WIDTH, LENGTH -> ": set the product's package dimensions";
            default -> "";
        };
    }

    private void write(AttributeRequirement a, Candidate c, NormalisationRequest request, Findings f, ArrayNode out) {
        Optional<String> preferred = switch (a.id()) {
            case WEIGHT -> Optional.of("g");
            case HEIGHT, WIDTH, LENGTH -> Optional.of("cm");
            default -> Optional.empty();
        };
        // Package sizes go in cm and weights in g whatever else the attribute allows.
        AttributeValue given = preferred.map(unit -> inUnit(c.value(), unit)).orElse(c.value());
        ValueConverter.Result result = ValueConverter.convert(a, given, request.matcher(), preferred);
        if (result instanceof ValueConverter.Rejected r) {
            f.violation(a.id(), r.code(), r.message());
            return;
        }
        ValueConverter.Converted v = (ValueConverter.Converted) result;
        if (a.type() == ValueType.UNKNOWN) {
            f.warning(a.id(), Warning.Code.UNKNOWN_TYPE, a.name() + " has value type '" + a.marketplaceType()
                    + "', unknown to this plugin: sent as text '" + v.text() + "'");
        }
        if (a.id().equals(WEIGHT)) {
            v = integerGrams(a, v, f);
        }
        if (a.type() == ValueType.BOOLEAN && v.valueIds().isEmpty() && v.value() instanceof AttributeValue.BooleanValue b) {
            String id = b.value() ? YES_ID : NO_ID;
            v = new ValueConverter.Converted(v.value(), List.of(new ValueConverter.Entry(Optional.of(id), v.text(),
                    Optional.empty())), v.text());
        }
        f.value(new ResolvedValue(a.id(), a.name(), v.value(), v.valueIds(), v.text(), c.slot(), c.origin()));
        ObjectNode entry = out.addObject();
        entry.put("id", a.id());
        if (!v.valueIds().isEmpty()) {
            entry.put("value_id", String.join(",", v.valueIds()));
        }
        entry.put("value_name", v.text());
    }

    private static AttributeValue inUnit(AttributeValue value, String unit) {
        Optional<UnitConverter.Quantity> q = value instanceof AttributeValue.NumberValue n
                ? Optional.of(new UnitConverter.Quantity(n.amount(), n.unit()))
                : value instanceof AttributeValue.TextValue t ? UnitConverter.parse(t.value()) : Optional.empty();
        if (q.isEmpty() || q.get().unit().isEmpty()) {
            return value;
        }
        return UnitConverter.convert(q.get().amount(), q.get().unit().get(), unit)
                .<AttributeValue>map(amount -> AttributeValue.number(amount, unit)).orElse(value);
    }

    // Mercado Livre refuses fractions of a gram: round up (a heavier declared box is safe) and say so.
    private static ValueConverter.Converted integerGrams(AttributeRequirement a, ValueConverter.Converted v, Findings f) {
        if (!(v.value() instanceof AttributeValue.NumberValue n) || n.unit().isEmpty() || !n.unit().get().equals("g")) {
            return v;
        }
        if (n.amount().scale() <= 0) {
            return v;
        }
        BigDecimal grams = n.amount().setScale(0, RoundingMode.CEILING);
        f.warning(a.id(), Warning.Code.ROUNDED, "package weight " + n.amount().toPlainString()
                + " g rounded up to " + grams.toPlainString() + " g: Mercado Livre takes integer grams");
        String text = grams.toPlainString() + " g";
        return new ValueConverter.Converted(AttributeValue.number(grams, "g"),
                List.of(new ValueConverter.Entry(Optional.empty(), grams.toPlainString(), Optional.of("g"))), text);
    }

    private void gtin(CategoryRequirements category, NormalisationRequest request, Findings f, ArrayNode out) {
        Optional<AttributeRequirement> gtinAttribute = category.attribute(MercadoLivreRequirements.GTIN)
                .filter(AttributeRequirement::writable);
        Optional<AttributeRequirement> reasonAttribute = category.attribute(MercadoLivreRequirements.EMPTY_GTIN_REASON)
                .filter(AttributeRequirement::writable);
        GtinPolicy policy = category.limits().gtin();
        if (policy == GtinPolicy.MANDATORY_OR_EXEMPTION && request.condition() == ItemCondition.USED
                && gtinAttribute.map(a -> a.level() == RequirementLevel.REQUIRED_IF_NEW).orElse(false)) {
            policy = GtinPolicy.OPTIONAL;
        }
        Optional<Gtin> gtin = request.product().gtin();
        ValueOrigin origin = ValueOrigin.PRODUCT_FIELD;
        AttributeValue suppliedGtin = request.suppliedValues().get(MercadoLivreRequirements.GTIN);
        if (suppliedGtin != null) {
            String text = suppliedGtin.asText().strip();
            if (!Gtin.isValid(text)) {
                f.violation(MercadoLivreRequirements.GTIN, Violation.Code.INVALID_GTIN, "'" + text
                        + "' is not a valid GTIN-8/12/13/14 (check digit, length)");
                return;
            }
            gtin = Optional.of(Gtin.of(text));
            origin = ValueOrigin.SUPPLIED;
        }
        if (gtin.isPresent() && gtinAttribute.isPresent()) {
            AttributeRequirement a = gtinAttribute.get();
            String digits = gtin.get().digits();
            f.value(new ResolvedValue(a.id(), a.name(), AttributeValue.text(digits), List.of(), digits,
                    ProductSlot.GTIN, origin));
            ObjectNode entry = out.addObject();
            entry.put("id", a.id());
            entry.put("value_name", digits);
            if (request.suppliedValues().containsKey(MercadoLivreRequirements.EMPTY_GTIN_REASON)) {
                f.warning(MercadoLivreRequirements.EMPTY_GTIN_REASON, Warning.Code.UNUSED_VALUE,
                        "not sent: the product has a GTIN, and Mercado Livre takes one or the other");
            }
            return;
        }
        if (gtin.isPresent()) {
            return;
        }
        Optional<NormalisationRequest.Sourced> reason = reasonAttribute.flatMap(request::valueFor);
        if (reason.isPresent()) {
            AttributeRequirement a = reasonAttribute.get();
            ValueConverter.Result r = ValueConverter.convert(a, reason.get().value(), request.matcher(), Optional.empty());
            if (r instanceof ValueConverter.Rejected rejected) {
                f.violation(a.id(), rejected.code(), rejected.message());
                return;
            }
            ValueConverter.Converted v = (ValueConverter.Converted) r;
            f.value(new ResolvedValue(a.id(), a.name(), v.value(), v.valueIds(), v.text(), ProductSlot.ATTRIBUTE,
                    reason.get().origin()));
            ObjectNode entry = out.addObject();
            entry.put("id", a.id());
            if (!v.valueIds().isEmpty()) {
                entry.put("value_id", String.join(",", v.valueIds()));
            }
            entry.put("value_name", v.text());
            return;
        }
        if (policy == GtinPolicy.MANDATORY || policy == GtinPolicy.MANDATORY_OR_EXEMPTION) {
            String reasons = reasonAttribute.map(a -> a.allowedValues().stream()
                    .map(v -> v.id() + " \"" + v.name() + "\"").collect(Collectors.joining(", "))).orElse("");
            f.violation(MercadoLivreRequirements.GTIN, Violation.Code.MISSING_GTIN, "Mercado Livre requires a GTIN in "
                    + request.categoryId() + (policy == GtinPolicy.MANDATORY_OR_EXEMPTION && reasonAttribute.isPresent()
                    ? ", or an EMPTY_GTIN_REASON (" + reasons + ")" : ""));
        }
    }

    private static Normalisation done(NormalisationRequest request, Findings f, ObjectNode payload) {
        return f.normalisation(ID, request.categoryId(), payload);
    }
}
