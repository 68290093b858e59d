package io.cathalog.marketplaces.internal;

import io.cathalog.core.marketplace.AttributeFlag;
import io.cathalog.core.marketplace.AttributeRequirement;
import io.cathalog.core.marketplace.CategoryRequirements;
import io.cathalog.core.marketplace.GtinPolicy;
import io.cathalog.core.marketplace.NormalisationRequest;
import io.cathalog.core.marketplace.VariationLimits;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.Variation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The marketplaces' rules for a product family (a parent with variations). Each violation is on
 * the {@code variations} attribute and names the family, the variation (when one is to blame) and
 * the rule, so a person can find and fix it.
 */
public final class FamilyRules {
    /** The attribute every family violation is reported on. */
    public static final String ATTRIBUTE = "variations";

    private FamilyRules() {
    }

    /**
     * Whether a family's variations give this attribute (an option of the family names it): its
     * value is then per variation, not the parent's.
     *
     * @param request   the normalisation request
     * @param attribute the category's attribute
     * @return true when the family varies on it
     */
    public static boolean varies(NormalisationRequest request, AttributeRequirement attribute) {
        Product p = request.product();
        if (!p.isFamily()) {
            return false;
        }
        for (String option : p.variations().get(0).options().keySet()) {
            if (attribute.id().equalsIgnoreCase(option) || request.matcher().matches(option, attribute.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Mercado Livre: options only on attributes the category lets vary ({@code allow_variations}),
     * each variation distinct on them, at most {@code max_variations_allowed}, a GTIN per variation
     * when the category requires GTINs (and not also on the parent), one price for all (classic).
     *
     * @param request the family's normalisation request
     * @param category the category's requirements
     * @param f       where violations go
     */
    public static void mercadoLivre(NormalisationRequest request, CategoryRequirements category, Findings f) {
        Product p = request.product();
        if (!p.isFamily()) {
            return;
        }
        VariationLimits limits = category.limits().variations();
        String family = "family " + p.sku();
        List<String> names = new ArrayList<>(p.variations().get(0).options().keySet());
        Map<String, String> attributeOf = new LinkedHashMap<>();
        for (String option : names) {
            Optional<AttributeRequirement> a = category.attributes().stream()
                    .filter(r -> r.id().equalsIgnoreCase(option) || request.matcher().matches(option, r.name()))
                    .findFirst();
            if (a.isEmpty() || !a.get().flags().contains(AttributeFlag.ALLOWS_VARIATIONS)) {
                f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + ": option '" + option + "' (variation "
                        + p.variations().get(0).sku() + " and the others) is not an attribute Mercado Livre lets vary in "
                        + category.categoryId() + " (rule allow_variations" + (a.isPresent() ? "; " + a.get().id()
                        + " does not allow variations" : "") + ")");
            } else {
                attributeOf.put(option, a.get().id());
            }
        }
        if (p.variations().size() > limits.maxVariations()) {
            f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + " has " + p.variations().size()
                    + " variations; Mercado Livre takes at most " + limits.maxVariations() + " in "
                    + category.categoryId() + " (rule max_variations_allowed)");
        }
        // Distinct on what Mercado Livre sees: the options that land on attributes allowed to vary.
        if (!attributeOf.isEmpty() && attributeOf.size() < names.size()) {
            Map<Map<String, String>, String> seen = new HashMap<>();
            for (Variation v : p.variations()) {
                Map<String, String> key = new LinkedHashMap<>();
                attributeOf.keySet().forEach(o -> key.put(o, v.options().get(o)));
                String other = seen.putIfAbsent(key, v.sku());
                if (other != null) {
                    f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + ": variation " + v.sku()
                            + " is the same as " + other + " on " + attributeOf.values()
                            + " (rule distinct variations)");
                }
            }
        }
        GtinPolicy gtin = category.limits().gtin();
        boolean required = gtin == GtinPolicy.MANDATORY || gtin == GtinPolicy.MANDATORY_OR_EXEMPTION;
        for (Variation v : p.variations()) {
            if (required && v.gtin().isEmpty()) {
                f.violation(ATTRIBUTE, Violation.Code.MISSING_GTIN, family + ": variation " + v.sku()
                        + " has no GTIN; Mercado Livre requires one per variation in " + category.categoryId()
                        + " (rule GTIN per variation)");
            }
        }
        if (p.gtin().isPresent() && p.variations().stream().anyMatch(v -> v.gtin().isPresent())) {
            f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + " has a GTIN of its own and its variations"
                    + " have theirs; Mercado Livre takes it at item level or per variation, not both (rule GTIN placement)");
        }
        if (limits.samePrice()) {
            Set<BigDecimal> prices = new LinkedHashSet<>();
            Map<BigDecimal, String> first = new LinkedHashMap<>();
            for (Variation v : p.variations()) {
                Optional<BigDecimal> price = v.price().or(p::price);
                price.ifPresent(x -> {
                    BigDecimal k = x.stripTrailingZeros();
                    prices.add(k);
                    first.putIfAbsent(k, v.sku());
                });
            }
            if (prices.size() > 1) {
                List<String> which = new ArrayList<>();
                first.forEach((price, sku) -> which.add(sku + " " + price.toPlainString()));
                f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + ": variations have different prices ("
                        + String.join(", ", which) + "); Mercado Livre's classic listings take one price for every"
                        + " variation unless the seller is set up for price per variation (rule same price)");
            }
        }
    }

    /**
     * Shopee: at most two tiers (option names), names and values within the tier limits, and
     * every combination of the tiers' options present or declared absent by the family
     * ({@link Product#absentCombinations()}; Shopee's grid has a model for each other one).
     *
     * @param request the family's normalisation request
     * @param category the category's requirements
     * @param f       where violations go
     */
    public static void shopee(NormalisationRequest request, CategoryRequirements category, Findings f) {
        Product p = request.product();
        if (!p.isFamily()) {
            return;
        }
        VariationLimits limits = category.limits().variations();
        String family = "family " + p.sku();
        List<String> names = new ArrayList<>(p.variations().get(0).options().keySet());
        if (names.size() > limits.maxTiers()) {
            f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + " varies on " + names.size() + " options "
                    + names + "; Shopee takes at most " + limits.maxTiers() + " tiers (rule tier count)");
        }
        for (String name : names) {
            if (name.length() > limits.nameMaxLength()) {
                f.violation(ATTRIBUTE, Violation.Code.TOO_LONG, family + ": option name '" + name + "' has "
                        + name.length() + " characters; Shopee takes at most " + limits.nameMaxLength()
                        + " (rule tier name length)");
            }
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        names.forEach(n -> values.put(n, new LinkedHashSet<>()));
        for (Variation v : p.variations()) {
            for (Map.Entry<String, String> o : v.options().entrySet()) {
                values.get(o.getKey()).add(o.getValue());
                if (o.getValue().length() > limits.optionMaxLength()) {
                    f.violation(ATTRIBUTE, Violation.Code.TOO_LONG, family + ": variation " + v.sku() + " has "
                            + o.getKey() + " '" + o.getValue() + "' of " + o.getValue().length()
                            + " characters; Shopee takes at most " + limits.optionMaxLength() + " (rule tier option length)");
                }
            }
        }
        if (category.limits().gtin() == GtinPolicy.MANDATORY) {
            for (Variation v : p.variations()) {
                if (v.gtin().isEmpty()) {
                    f.violation(ATTRIBUTE, Violation.Code.MISSING_GTIN, family + ": variation " + v.sku()
                            + " has no GTIN; Shopee requires one per model in " + category.categoryId()
                            + " (rule GTIN per variation)");
                }
            }
        }
        if (p.variations().size() > limits.maxVariations()) {
            f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + " has " + p.variations().size()
                    + " variations; Shopee takes at most " + limits.maxVariations() + " models (rule model count)");
        }
        if (limits.everyCombination() && names.size() <= limits.maxTiers()) {
            Set<Map<String, String>> have = new java.util.HashSet<>();
            p.variations().forEach(v -> have.add(new HashMap<>(v.options())));
            // A combination the family declares absent is a deliberate gap, not a missing model.
            p.absentCombinations().forEach(c -> have.add(new HashMap<>(c)));
            List<Map<String, String>> all = new ArrayList<>();
            all.add(new LinkedHashMap<>());
            for (String name : names) {
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> partial : all) {
                    for (String value : values.get(name)) {
                        Map<String, String> m = new LinkedHashMap<>(partial);
                        m.put(name, value);
                        next.add(m);
                    }
                }
                all = next;
            }
            List<String> missing = new ArrayList<>();
            for (Map<String, String> combo : all) {
                if (!have.contains(new HashMap<>(combo))) {
                    StringBuilder b = new StringBuilder();
                    combo.forEach((k, v) -> b.append(b.length() > 0 ? ";" : "").append(k).append(':').append(v));
                    missing.add(b.toString());
                }
            }
            if (!missing.isEmpty()) {
                f.violation(ATTRIBUTE, Violation.Code.VARIATION_RULE, family + " lacks the combinations " + missing
                        + "; Shopee's tier grid has a model for every combination: add them, declare them absent"
                        + " (absent_combinations), or drop the option values that make them (rule every combination)");
            }
        }
    }
}
