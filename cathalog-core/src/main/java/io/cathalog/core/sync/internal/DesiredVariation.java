package io.cathalog.core.sync.internal;

import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.Variation;
import io.cathalog.core.model.Weight;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What one variation of a declared family should be, value by value, with the rule behind each
 * (empty: its own value, or its parent's). Attributes per variation (its GTIN, the family's option
 * names, what a variation declares, what an override names a variation for) are resolved for it;
 * the rest are its parent's resolved values.
 *
 * @param declared    the variation as the catalog declares it (its SKU and options)
 * @param name        its name in the ERP: its parent's and its option values
 * @param gtin        its GTIN (never its parent's)
 * @param price       its price, else its parent's
 * @param netWeight   its net weight
 * @param grossWeight its gross weight
 * @param dimensions  its dimensions
 * @param attributes  the free attributes resolved for it (per variation only), by name
 */
record DesiredVariation(Variation declared, String name, Optional<Decided<Gtin>> gtin, Optional<BigDecimal> price,
                        Optional<Decided<Weight>> netWeight, Optional<Decided<Weight>> grossWeight,
                        Optional<Decided<Dimensions>> dimensions, SortedMap<String, Decided<AttributeValue>> attributes) {
    DesiredVariation {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(netWeight, "netWeight");
        Objects.requireNonNull(grossWeight, "grossWeight");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(attributes, "attributes");
    }

    String sku() {
        return declared.sku();
    }

    /** The variation as the marketplaces see it: the catalog's, with the resolved values. */
    Variation toModel() {
        Variation.Builder b = Variation.builder(declared.sku());
        declared.options().forEach(b::option);
        gtin.ifPresent(g -> b.gtin(g.value()));
        declared.price().ifPresent(b::price);
        netWeight.ifPresent(w -> b.netWeight(w.value()));
        grossWeight.ifPresent(w -> b.grossWeight(w.value()));
        dimensions.ifPresent(d -> b.dimensions(d.value()));
        declared.attributes().forEach(b::attribute);
        attributes.forEach((k, v) -> b.attribute(k, v.value()));
        return b.build();
    }
}
