package io.cathalog.core.remote;

import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Weight;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A variation as the ERP holds it, read with its parent (Bling's {@code variacoes} of
 * {@code GET /produtos/{id}}): its own id and SKU, its options ({@code "Tamanho:G;Cor:Verde"}
 * parsed, in order) and the fields the engine manages on it.
 *
 * @param id          the variation's own id in the ERP
 * @param sku         its code; empty when it has none
 * @param name        its name in the ERP
 * @param options     option name to value, in the ERP's order
 * @param gtin        its GTIN as raw text
 * @param price       its price
 * @param dimensions  its dimensions
 * @param netWeight   its net weight
 * @param grossWeight its gross weight
 */
public record RemoteVariation(
        long id,
        Optional<String> sku,
        String name,
        Map<String, String> options,
        Optional<String> gtin,
        Optional<BigDecimal> price,
        Optional<Dimensions> dimensions,
        Optional<Weight> netWeight,
        Optional<Weight> grossWeight) {

    /**
     * Checks for nulls and copies the options, keeping their order.
     *
     * @param id          the variation's own id in the ERP
     * @param sku         its code; empty when it has none
     * @param name        its name in the ERP
     * @param options     option name to value, in the ERP's order
     * @param gtin        its GTIN as raw text
     * @param price       its price
     * @param dimensions  its dimensions
     * @param netWeight   its net weight
     * @param grossWeight its gross weight
     * @throws NullPointerException if a component is null
     */
    public RemoteVariation {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(options, "options")));
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(netWeight, "netWeight");
        Objects.requireNonNull(grossWeight, "grossWeight");
    }
}
