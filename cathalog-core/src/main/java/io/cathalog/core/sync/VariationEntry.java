package io.cathalog.core.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One variation in a family's change ({@link Change.CreateProduct} of a family,
 * {@link Change.UpdateVariations}): what happens to it, its options and the typed values written
 * on it. A family's write carries every variation it keeps, {@link Action#KEEP} ones included,
 * because the ERP deletes those a write leaves out; only {@link Action#REMOVE} ones are left out.
 *
 * @param sku           the variation's SKU (its key)
 * @param id            its id in the ERP; empty for one to add
 * @param action        what happens to it
 * @param options       its options after the change (option name to value, in order); empty
 *                      only for one kept or removed that has none in the ERP
 * @param optionsBefore its options in the ERP now, as Bling names them ("Cor:Azul;Tamanho:M");
 *                      empty for one to add
 * @param values        what is written on it (its name, GTIN, price, weights, dimensions); empty
 *                      for one kept or removed
 */
public record VariationEntry(String sku, OptionalLong id, Action action, Map<String, String> options,
                             Optional<String> optionsBefore, ProductFields values) {

    /** What happens to a variation. */
    public enum Action {
        /** Created with the family's write. */
        ADD,
        /** Changed by the family's write (its options or values). */
        CHANGE,
        /** Carried unchanged, so the write does not delete it. */
        KEEP,
        /** Left out of the family's write: the ERP deletes it. Only with prune. */
        REMOVE
    }

    /**
     * Checks the entry.
     *
     * @param sku           the variation's SKU; not empty
     * @param id            its id in the ERP; present for every action but {@link Action#ADD}
     * @param action        what happens to it
     * @param options       its options after the change, in order; copied. Not empty for one to
     *                      add or change
     * @param optionsBefore its options in the ERP now, as Bling names them; empty for one to add
     * @param values        what is written on it
     * @throws IllegalArgumentException when the SKU is empty, an entry to add has an id, another has
     *                                  none, or one to add or change has no options
     * @throws NullPointerException     when a component is null
     */
    public VariationEntry {
        Objects.requireNonNull(sku, "sku");
        if (sku.isEmpty()) {
            throw new IllegalArgumentException("sku is empty");
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        if ((action == Action.ADD) == id.isPresent()) {
            throw new IllegalArgumentException("variation " + sku + ": only a variation to add has no id");
        }
        options = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(options, "options")));
        if (options.isEmpty() && (action == Action.ADD || action == Action.CHANGE)) {
            // One kept or removed may have none in the ERP (a messy account): it is carried as it is.
            throw new IllegalArgumentException("variation " + sku + " has no options");
        }
        Objects.requireNonNull(optionsBefore, "optionsBefore");
        Objects.requireNonNull(values, "values");
    }

    /**
     * Bling's name of the options after the change ("Cor:Azul;Tamanho:M").
     *
     * @return the options as one text
     */
    public String optionsText() {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(b.length() > 0 ? ";" : "").append(k).append(':').append(v));
        return b.toString();
    }

    /**
     * The entry as people read it in a plan: one line per changed value, named after the variation.
     *
     * @return the field changes (none for one kept)
     */
    public List<FieldChange> describe() {
        String field = "variation " + sku;
        List<FieldChange> out = new ArrayList<>();
        switch (action) {
            case ADD -> {
                out.add(new FieldChange(field, Optional.empty(), Optional.of(optionsText()), Optional.empty()));
                values.describe().forEach(f -> out.add(new FieldChange(field + " " + f.field(), f.before(), f.after(),
                        f.decidedBy())));
            }
            case REMOVE -> out.add(new FieldChange(field, optionsBefore.or(() -> Optional.of(optionsText())),
                    Optional.of("(removed)"), Optional.empty()));
            case CHANGE -> {
                if (!optionsBefore.equals(Optional.of(optionsText()))) {
                    out.add(new FieldChange(field + " options", optionsBefore, Optional.of(optionsText()),
                            Optional.empty()));
                }
                values.describe().forEach(f -> out.add(new FieldChange(field + " " + f.field(), f.before(), f.after(),
                        f.decidedBy())));
            }
            case KEEP -> {
            }
        }
        return out;
    }
}
