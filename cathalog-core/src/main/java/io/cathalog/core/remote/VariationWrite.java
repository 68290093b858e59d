package io.cathalog.core.remote;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One variation in a write of a family ({@link CatalogRemote#writeVariations}): an existing one
 * (with its id) kept, changed by {@code fields}, or a new one (no id). Such a write carries every
 * variation the family keeps: the ERP deletes those it leaves out.
 *
 * @param id      the variation's id in the ERP; empty for a new variation
 * @param sku     its SKU
 * @param name    its name, for a new variation (the ERP requires one); empty to leave it
 * @param options option name to value, in order; empty to leave an existing variation's as they are
 * @param fields  what to change on it (for a new one: everything it has)
 */
public record VariationWrite(OptionalLong id, String sku, Optional<String> name, Map<String, String> options,
                             ProductChanges fields) {
    /**
     * Checks for nulls and copies the options, keeping their order.
     *
     * @param id      the variation's id in the ERP; empty for a new variation
     * @param sku     its SKU
     * @param name    its name, for a new variation (the ERP requires one); empty to leave it
     * @param options option name to value, in order; empty to leave an existing variation's as they are
     * @param fields  what to change on it (for a new one: everything it has)
     * @throws NullPointerException if a component is null
     */
    public VariationWrite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(options, "options")));
        Objects.requireNonNull(fields, "fields");
    }

    /**
     * Bling's name of the options: {@code "Cor:Azul;Tamanho:M"}.
     *
     * @return the options as one text
     */
    public String optionsText() {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(b.length() > 0 ? ";" : "").append(k).append(':').append(v));
        return b.toString();
    }
}
