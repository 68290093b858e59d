package io.cathalog.core.sync.internal;

import io.cathalog.core.internal.Text;
import io.cathalog.core.model.AttributeRule;
import io.cathalog.core.model.AttributeSource;
import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.CategorisationRule;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Length;
import io.cathalog.core.model.LengthUnit;
import io.cathalog.core.model.Product;
import io.cathalog.core.model.ProductField;
import io.cathalog.core.model.Variation;
import io.cathalog.core.model.Weight;
import io.cathalog.core.model.WeightUnit;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.sync.AttentionItem;
import io.cathalog.core.sync.EntityKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out what each product should be: its category from the categorisation rules (first match
 * wins), its fields and free attributes from the attribute rules. Precedence for an attribute:
 * a per-product override, then a constant, then the product's own value (declared, else what the
 * ERP holds), then a value derived from the name, then a default. Pure and deterministic.
 */
final class Resolver {
    private final Catalog catalog;
    private final Optional<String> invalidGtinRefusal;
    /** The ERP's category id to the source-of-truth key it is mapped to. */
    private final Map<Long, String> keyOfRemoteCategory;
    /** The ERP's category id to its path of names, for rules on the current category. */
    private final Map<Long, String> remotePath;
    /** The ERP's custom field id to its name. */
    private final Map<Long, String> customFieldNames;
    private final Map<String, Set<String>> ancestorsOrSelf = new HashMap<>();
    private final Map<String, List<AttributeRule>> rulesByAttribute = new TreeMap<>();
    private final Map<String, Pattern> fromNamePatterns = new HashMap<>();
    /** Rules of an attribute that apply in a category's scope, by attribute and scope. */
    private final Map<String, List<AttributeRule>> applicable = new HashMap<>();

    /** Free attributes some rule fills, in name order. */
    private final Set<String> ruleAttributes;

    Resolver(Catalog catalog, Map<Long, String> keyOfRemoteCategory, Map<Long, String> remotePath,
             Map<Long, String> customFieldNames) {
        this(catalog, keyOfRemoteCategory, remotePath, customFieldNames, Optional.empty());
    }

    /**
     * @param invalidGtinRefusal how the ERP words its refusal of any change to a product with an
     *                           invalid GTIN; empty for an ERP that saves regardless
     */
    Resolver(Catalog catalog, Map<Long, String> keyOfRemoteCategory, Map<Long, String> remotePath,
             Map<Long, String> customFieldNames, Optional<String> invalidGtinRefusal) {
        this.invalidGtinRefusal = invalidGtinRefusal;
        this.catalog = catalog;
        this.keyOfRemoteCategory = keyOfRemoteCategory;
        this.remotePath = remotePath;
        this.customFieldNames = customFieldNames;
        for (Category c : catalog.tree().categories()) {
            Set<String> up = new HashSet<>();
            catalog.tree().path(c.key()).forEach(a -> up.add(a.key()));
            ancestorsOrSelf.put(c.key(), up);
        }
        for (AttributeRule r : catalog.attributeRules()) {
            rulesByAttribute.computeIfAbsent(r.attribute(), a -> new ArrayList<>()).add(r);
            if (r.source() instanceof AttributeSource.FromName n) {
                fromNamePatterns.put(r.id(), Pattern.compile(n.pattern()));
            }
        }
        Set<String> free = new LinkedHashSet<>();
        rulesByAttribute.keySet().stream().filter(a -> ProductField.byAttributeName(a).isEmpty()).forEach(free::add);
        this.ruleAttributes = java.util.Collections.unmodifiableSet(free);
    }

    /** Free attribute names any rule or declared product fills, in name order. */
    Set<String> freeAttributes(Optional<Product> declared) {
        if (declared.isEmpty() || declared.get().attributes().isEmpty()) {
            return ruleAttributes;
        }
        Set<String> names = new LinkedHashSet<>(ruleAttributes);
        names.addAll(declared.get().attributes().keySet());
        return names;
    }

    DesiredProduct resolve(String sku, Optional<RemoteProduct> observed, Optional<Product> declared) {
        List<AttentionItem> attention = new ArrayList<>();
        String name = declared.map(Product::name).orElseGet(() -> observed.map(RemoteProduct::name).orElse(sku));
        var status = declared.map(Product::status).orElseGet(() -> observed.get().status());
        Optional<String> ownBrand = declared.flatMap(Product::brand).or(() -> observed.flatMap(RemoteProduct::brand));
        Optional<Gtin> gtin = declared.flatMap(Product::gtin);
        Optional<String> remoteGtin = observed.flatMap(RemoteProduct::gtin);
        boolean invalidRemoteGtin = false;
        if (gtin.isEmpty() && remoteGtin.isPresent()) {
            if (Gtin.isValid(remoteGtin.get())) {
                gtin = Optional.of(Gtin.of(remoteGtin.get()));
            } else {
                invalidRemoteGtin = true;
            }
        }
        Optional<BigDecimal> price = declared.flatMap(Product::price);

        Optional<String> currentPath = observed.flatMap(p -> p.categoryId().isPresent()
                ? Optional.ofNullable(remotePath.get(p.categoryId().getAsLong())) : Optional.empty());
        Optional<Decided<String>> category = categorise(sku, name, ownBrand, gtin.map(Gtin::digits).or(() -> remoteGtin),
                currentPath, observed, declared);
        if (category.isEmpty()) {
            attention.add(new AttentionItem(EntityKind.PRODUCT, sku, Optional.empty(), currentPath.isEmpty()
                    ? "no rule categorises it and it has no category"
                    : "no rule categorises it and its category in the ERP ('" + currentPath.get()
                    + "') is not one of the catalog's"));
        }
        Set<String> scope = category.map(c -> ancestorsOrSelf.getOrDefault(c.value(), Set.of(c.value()))).orElse(Set.of());
        boolean family = declared.map(Product::isFamily).orElse(false);
        Optional<String> gtinRule = Optional.empty();
        if (!family && rulesByAttribute.containsKey(ProductField.GTIN.attributeName())) {
            // A GTIN is per item: a rule fills a simple product's, and a family's variations' (below).
            Optional<Decided<Gtin>> ruled = gtin(sku, "", name, List.of(sku), scope, gtin, attention);
            if (ruled.isPresent()) {
                gtin = Optional.of(ruled.get().value());
                gtinRule = ruled.get().by();
            }
        }
        if (gtin.isEmpty() && invalidRemoteGtin) {
            attention.add(new AttentionItem(EntityKind.PRODUCT, sku, Optional.empty(),
                    "the GTIN in the ERP, '" + remoteGtin.get() + "', is invalid and the catalog gives none"
                            + invalidGtinRefusal.map(r -> "; " + r).orElse("")));
        }

        Optional<Decided<String>> brand = resolve(ProductField.BRAND.attributeName(), sku, name, scope,
                ownBrand.map(AttributeValue::text)).map(d -> new Decided<>(d.value().asText(), d.by()));
        Optional<Decided<Weight>> net = weight(ProductField.NET_WEIGHT, sku, name, scope,
                declared.flatMap(Product::netWeight).or(() -> observed.flatMap(RemoteProduct::netWeight)), attention);
        Optional<Decided<Weight>> gross = weight(ProductField.GROSS_WEIGHT, sku, name, scope,
                declared.flatMap(Product::grossWeight).or(() -> observed.flatMap(RemoteProduct::grossWeight)), attention);
        Optional<Dimensions> ownDims = declared.flatMap(Product::dimensions).or(() -> observed.flatMap(RemoteProduct::dimensions));
        Optional<Decided<Dimensions>> dims = dimensions(sku, name, scope, ownDims, attention);

        SortedMap<String, Decided<AttributeValue>> custom = new TreeMap<>();
        Map<String, String> remoteCustom = new HashMap<>();
        observed.ifPresent(p -> {
            for (CustomFieldValue v : p.customFields()) {
                String field = customFieldNames.get(v.fieldId());
                if (field != null) {
                    remoteCustom.putIfAbsent(field, v.value());
                }
            }
        });
        for (String attribute : freeAttributes(declared)) {
            Optional<AttributeValue> own = declared.flatMap(p -> p.attribute(attribute))
                    .or(() -> Optional.ofNullable(remoteCustom.get(attribute)).filter(v -> !v.isBlank())
                            .map(AttributeValue::text));
            resolve(attribute, sku, name, scope, own).ifPresent(d -> custom.put(attribute, d));
        }
        List<DesiredVariation> variations = List.of();
        if (family) {
            Optional<Weight> ownNet = declared.flatMap(Product::netWeight).or(() -> observed.flatMap(RemoteProduct::netWeight));
            Optional<Weight> ownGross = declared.flatMap(Product::grossWeight)
                    .or(() -> observed.flatMap(RemoteProduct::grossWeight));
            Parent parent = new Parent(sku, name, scope, ownNet, ownGross, ownDims, attribute -> declared.get()
                    .attribute(attribute).or(() -> Optional.ofNullable(remoteCustom.get(attribute))
                            .filter(v -> !v.isBlank()).map(AttributeValue::text)), net, gross, dims, custom);
            variations = variations(declared.get(), parent, observed, attention);
        }
        return new DesiredProduct(sku, observed, declared.isPresent(), name, status, brand, gtin, gtinRule, price,
                category, dims, net, gross, custom, attention, variations);
    }

    /** A family's parent as its variations inherit from it: its own values and its resolved ones. */
    private record Parent(String sku, String name, Set<String> scope, Optional<Weight> ownNet,
                          Optional<Weight> ownGross, Optional<Dimensions> ownDims,
                          java.util.function.Function<String, Optional<AttributeValue>> ownAttribute,
                          Optional<Decided<Weight>> net, Optional<Decided<Weight>> gross,
                          Optional<Decided<Dimensions>> dims, SortedMap<String, Decided<AttributeValue>> custom) {
    }

    /**
     * The attributes a family resolves per variation: its GTIN always; its option names; what any
     * of its variations declares; what an {@code overrides} rule names one of its variations for.
     * Everything else (its brand among them) is the parent's, and every variation has the parent's
     * value.
     */
    private Set<String> perVariation(Product family) {
        Set<String> out = new HashSet<>();
        out.add(ProductField.GTIN.attributeName());
        Set<String> skus = new HashSet<>();
        for (Variation v : family.variations()) {
            skus.add(v.sku());
            out.addAll(v.options().keySet());
            out.addAll(v.attributes().keySet());
            v.netWeight().ifPresent(w -> out.add(ProductField.NET_WEIGHT.attributeName()));
            v.grossWeight().ifPresent(w -> out.add(ProductField.GROSS_WEIGHT.attributeName()));
            if (v.dimensions().isPresent()) {
                out.add(ProductField.WIDTH.attributeName());
                out.add(ProductField.HEIGHT.attributeName());
                out.add(ProductField.DEPTH.attributeName());
            }
        }
        for (AttributeRule r : catalog.attributeRules()) {
            if (r.source() instanceof AttributeSource.Overrides o
                    && o.bySku().keySet().stream().anyMatch(skus::contains)) {
                out.add(r.attribute());
            }
        }
        out.remove(ProductField.BRAND.attributeName());
        return out;
    }

    /**
     * Each variation of a declared family, by the same precedence as a product's attribute: an
     * override of the variation's SKU (then, except for a GTIN or an option, of its family's), a
     * constant, the variation's own value (declared; else for a GTIN the one the ERP holds on it,
     * for an option its value, for anything else its parent's own), a value derived from the
     * variation's name, a default.
     */
    private List<DesiredVariation> variations(Product family, Parent parent, Optional<RemoteProduct> observed,
                                              List<AttentionItem> attention) {
        Set<String> per = perVariation(family);
        Map<String, io.cathalog.core.remote.RemoteVariation> held = new HashMap<>();
        observed.ifPresent(o -> o.variations().forEach(v -> v.sku().ifPresent(s -> held.putIfAbsent(s, v))));
        Set<String> optionNames = family.variations().get(0).options().keySet();
        List<DesiredVariation> out = new ArrayList<>();
        for (Variation v : family.variations()) {
            String name = Planner.variationName(parent.name(), v);
            String prefix = "variation " + v.sku() + ": ";
            List<String> own = List.of(v.sku());
            List<String> inherited = List.of(v.sku(), parent.sku());
            Optional<Gtin> ownGtin = v.gtin().or(() -> Optional.ofNullable(held.get(v.sku()))
                    .flatMap(io.cathalog.core.remote.RemoteVariation::gtin).filter(Gtin::isValid).map(Gtin::of));
            Optional<Decided<Gtin>> gtin = gtin(parent.sku(), prefix, name, own, parent.scope(), ownGtin, attention);
            Optional<Decided<Weight>> net = per.contains(ProductField.NET_WEIGHT.attributeName())
                    ? weight(ProductField.NET_WEIGHT, inherited, parent.sku(), prefix, name, parent.scope(),
                    v.netWeight().or(parent::ownNet), attention)
                    : v.netWeight().map(Decided::own).or(parent::net);
            Optional<Decided<Weight>> gross = per.contains(ProductField.GROSS_WEIGHT.attributeName())
                    ? weight(ProductField.GROSS_WEIGHT, inherited, parent.sku(), prefix, name, parent.scope(),
                    v.grossWeight().or(parent::ownGross), attention)
                    : v.grossWeight().map(Decided::own).or(parent::gross);
            boolean perDims = per.contains(ProductField.WIDTH.attributeName()) || per.contains(ProductField.HEIGHT.attributeName())
                    || per.contains(ProductField.DEPTH.attributeName());
            Optional<Decided<Dimensions>> dims = perDims
                    ? dimensions(inherited, parent.sku(), prefix, name, parent.scope(), v.dimensions().or(parent::ownDims),
                    attention)
                    : v.dimensions().map(Decided::own).or(parent::dims);
            SortedMap<String, Decided<AttributeValue>> attributes = new TreeMap<>();
            Set<String> names = new java.util.TreeSet<>(v.attributes().keySet());
            ruleAttributes.stream().filter(per::contains).forEach(names::add);
            for (String attribute : names) {
                boolean option = optionNames.contains(attribute);
                Optional<AttributeValue> ownValue = Optional.ofNullable(v.attributes().get(attribute)).or(() -> option
                        ? Optional.of(AttributeValue.text(v.options().get(attribute)))
                        : parent.ownAttribute().apply(attribute));
                resolve(attribute, option ? own : inherited, name, parent.scope(), ownValue)
                        .ifPresent(d -> attributes.put(attribute, d));
            }
            out.add(new DesiredVariation(v, name, gtin, v.price().or(() -> family.price()), net, gross, dims, attributes));
        }
        return out;
    }

    /**
     * A GTIN by the rules on {@code gtin}: checked like the catalog checks one; an invalid value
     * needs attention (naming the variation) and gives none.
     */
    private Optional<Decided<Gtin>> gtin(String sku, String prefix, String name, List<String> keys, Set<String> scope,
                                         Optional<Gtin> own, List<AttentionItem> attention) {
        Optional<Decided<AttributeValue>> d = resolve(ProductField.GTIN.attributeName(), keys, name, scope,
                own.map(g -> AttributeValue.text(g.digits())));
        if (d.isEmpty()) {
            return Optional.empty();
        }
        if (d.get().by().isEmpty() && own.isPresent()) {
            return Optional.of(Decided.own(own.get()));
        }
        Optional<String> digits = AttributeRule.gtinText(d.get().value());
        if (digits.isPresent() && Gtin.isValid(digits.get())) {
            return Optional.of(new Decided<>(Gtin.of(digits.get()), d.get().by()));
        }
        attention.add(new AttentionItem(EntityKind.PRODUCT, sku, Optional.empty(), prefix + "GTIN '"
                + d.get().value().asText() + "'" + d.get().by().map(r -> " from rule '" + r + "'").orElse("")
                + " is invalid: a GTIN is 8, 12, 13 or 14 digits with a correct check digit"));
        return Optional.empty();
    }

    private Optional<Decided<String>> categorise(String sku, String name, Optional<String> brand, Optional<String> gtin,
                                                 Optional<String> currentPath, Optional<RemoteProduct> observed,
                                                 Optional<Product> declared) {
        if (declared.flatMap(Product::categoryKey).isPresent()) {
            return Optional.of(Decided.own(declared.get().categoryKey().get()));
        }
        for (CategorisationRule rule : catalog.categorisationRules()) {
            if (rule.match().matches(sku, name, brand, gtin, currentPath)) {
                return Optional.of(Decided.rule(rule.categoryKey(), rule.id()));
            }
        }
        return observed.flatMap(p -> p.categoryId().isPresent()
                ? Optional.ofNullable(keyOfRemoteCategory.get(p.categoryId().getAsLong())) : Optional.empty())
                .map(Decided::own);
    }

    /** The attribute's value by the precedence above; empty when nothing gives one. */
    private Optional<Decided<AttributeValue>> resolve(String attribute, String sku, String name, Set<String> scope,
                                                      Optional<AttributeValue> own) {
        return resolve(attribute, List.of(sku), name, scope, own);
    }

    /**
     * As above, with the SKUs whose overrides count, first first (a variation's own, then its
     * family's).
     */
    private Optional<Decided<AttributeValue>> resolve(String attribute, List<String> keys, String name, Set<String> scope,
                                                      Optional<AttributeValue> own) {
        List<AttributeRule> all = rulesByAttribute.getOrDefault(attribute, List.of());
        if (all.isEmpty()) {
            return own.map(Decided::own);
        }
        List<AttributeRule> rules = applicable.computeIfAbsent(attribute + "\u0000" + scopeKey(scope),
                k -> all.stream().filter(r -> r.categoryKey().map(scope::contains).orElse(true)).toList());
        for (String sku : keys) {
            for (AttributeRule r : rules) {
                if (r.source() instanceof AttributeSource.Overrides o && o.bySku().containsKey(sku)) {
                    return Optional.of(Decided.rule(o.bySku().get(sku), r.id()));
                }
            }
        }
        for (AttributeRule r : rules) {
            if (r.source() instanceof AttributeSource.Constant c) {
                return Optional.of(Decided.rule(c.value(), r.id()));
            }
        }
        if (own.isPresent()) {
            return own.map(Decided::own);
        }
        String folded = null;
        for (AttributeRule r : rules) {
            if (r.source() instanceof AttributeSource.FromName n) {
                folded = folded == null ? Text.fold(name) : folded;
                Matcher m = fromNamePatterns.get(r.id()).matcher(folded);
                if (m.find()) {
                    Optional<AttributeValue> v = fromMatch(m, n);
                    if (v.isPresent()) {
                        return Optional.of(Decided.rule(v.get(), r.id()));
                    }
                }
            }
        }
        for (AttributeRule r : rules) {
            if (r.source() instanceof AttributeSource.Default d) {
                return Optional.of(Decided.rule(d.value(), r.id()));
            }
        }
        return Optional.empty();
    }

    /** A scope is a category and its ancestors; the category's key names it (the empty set: none). */
    private final Map<Set<String>, String> scopeKeys = new java.util.IdentityHashMap<>();

    private String scopeKey(Set<String> scope) {
        return scopeKeys.computeIfAbsent(scope, s -> String.join(",", new java.util.TreeSet<>(s)));
    }

    private static Optional<AttributeValue> fromMatch(Matcher m, AttributeSource.FromName n) {
        String raw;
        if (n.value().isPresent()) {
            raw = n.value().get();
        } else {
            try {
                raw = m.group("value");
            } catch (IllegalArgumentException noNamedGroup) {
                raw = m.group(1);
            }
        }
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        return switch (n.kind()) {
            case TEXT -> Optional.of(AttributeValue.text(text));
            case CHOICE -> Optional.of(AttributeValue.choice(text));
            case NUMBER -> {
                try {
                    BigDecimal amount = new BigDecimal(text.replace(',', '.'));
                    yield Optional.of(n.unit().map(u -> AttributeValue.number(amount, u))
                            .orElseGet(() -> AttributeValue.number(amount)));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    private Optional<Decided<Weight>> weight(ProductField field, String sku, String name, Set<String> scope,
                                             Optional<Weight> own, List<AttentionItem> attention) {
        return weight(field, List.of(sku), sku, "", name, scope, own, attention);
    }

    private Optional<Decided<Weight>> weight(ProductField field, List<String> keys, String sku, String prefix,
                                             String name, Set<String> scope,
                                             Optional<Weight> own, List<AttentionItem> attention) {
        return resolve(field.attributeName(), keys, name, scope, own.map(w -> AttributeValue.number(w.amount(),
                w.unit().symbol()))).flatMap(d -> {
                    if (d.by().isEmpty() && own.isPresent()) {
                        return Optional.of(Decided.own(own.get()));
                    }
                    if (d.value() instanceof AttributeValue.NumberValue n && n.unit().isPresent()) {
                        Optional<WeightUnit> unit = WeightUnit.fromSymbol(n.unit().get());
                        if (unit.isPresent()) {
                            return Optional.of(new Decided<>(Weight.of(n.amount(), unit.get()), d.by()));
                        }
                    }
                    attention.add(new AttentionItem(EntityKind.PRODUCT, sku, Optional.empty(),
                            prefix + field.attributeName() + " '" + d.value().asText() + "' is not a weight"));
                    return Optional.empty();
                });
    }

    private Optional<Decided<Dimensions>> dimensions(String sku, String name, Set<String> scope, Optional<Dimensions> own,
                                                     List<AttentionItem> attention) {
        return dimensions(List.of(sku), sku, "", name, scope, own, attention);
    }

    private Optional<Decided<Dimensions>> dimensions(List<String> keys, String sku, String prefix, String name,
                                                     Set<String> scope, Optional<Dimensions> own,
                                                     List<AttentionItem> attention) {
        Optional<Decided<Length>> w = length(ProductField.WIDTH, keys, name, scope, own.map(Dimensions::width));
        Optional<Decided<Length>> h = length(ProductField.HEIGHT, keys, name, scope, own.map(Dimensions::height));
        Optional<Decided<Length>> d = length(ProductField.DEPTH, keys, name, scope, own.map(Dimensions::depth));
        if (w.isEmpty() && h.isEmpty() && d.isEmpty()) {
            return Optional.empty();
        }
        if (w.isEmpty() || h.isEmpty() || d.isEmpty()) {
            attention.add(new AttentionItem(EntityKind.PRODUCT, sku, Optional.empty(),
                    prefix + "dimensions are incomplete: width, height and depth are all needed"));
            return Optional.empty();
        }
        Optional<String> by = w.get().by().or(() -> h.get().by()).or(() -> d.get().by());
        return Optional.of(new Decided<>(new Dimensions(w.get().value(), h.get().value(), d.get().value()), by));
    }

    private Optional<Decided<Length>> length(ProductField field, List<String> keys, String name, Set<String> scope,
                                             Optional<Length> own) {
        return resolve(field.attributeName(), keys, name, scope, own.map(l -> AttributeValue.number(l.amount(),
                l.unit().symbol()))).flatMap(d -> {
                    if (d.value() instanceof AttributeValue.NumberValue n && n.unit().isPresent()) {
                        return LengthUnit.fromSymbol(n.unit().get())
                                .map(u -> new Decided<>(Length.of(n.amount(), u), d.by()));
                    }
                    return Optional.empty();
                });
    }
}
