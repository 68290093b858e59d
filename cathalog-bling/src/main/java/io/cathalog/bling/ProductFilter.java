package io.cathalog.bling;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The filters of {@code GET /produtos}. Unlike Bling, whose default {@code criterio} is "latest
 * added", {@link #all()} lists every product that is not deleted ({@code criterio=5}), which is
 * what a reconciliation needs. Empty criteria do not filter; given criteria all apply.
 *
 * @param criterion   Bling's {@code criterio}: which situations are listed
 * @param tipo        Bling's product type code ({@code T}, {@code P}, {@code S}, {@code E},
 *                    {@code PS}, {@code C}, {@code V})
 * @param idCategoria only products in this product category
 * @param idLoja      only products linked to this store
 * @param nome        only products of this name ({@code nome})
 * @param idsProdutos only these Bling product ids
 * @param codigos     only these SKUs ({@code codigo})
 * @param gtins       only these GTINs
 * @param changedFrom only products changed at or after this instant
 * @param changedTo   only products changed at or before this instant; needs {@code changedFrom}
 */
public record ProductFilter(Criterion criterion, Optional<String> tipo, OptionalLong idCategoria, OptionalLong idLoja,
                            Optional<String> nome, List<Long> idsProdutos, List<String> codigos, List<String> gtins,
                            Optional<Instant> changedFrom, Optional<Instant> changedTo) {

    /** Bling's {@code criterio}. */
    public enum Criterion {
        /** {@code 1}: the latest added, Bling's default. */
        LATEST_ADDED(1),
        /** {@code 2}: active products. */
        ACTIVE(2),
        /** {@code 3}: inactive products. */
        INACTIVE(3),
        /** {@code 4}: products marked deleted. */
        DELETED(4),
        /** {@code 5}: every product, active or inactive. */
        ALL(5);

        private final int code;

        Criterion(int code) {
            this.code = code;
        }

        /**
         * Bling's number for this criterion.
         *
         * @return the value of {@code criterio}
         */
        public int code() {
            return code;
        }
    }

    /**
     * @param criterion   Bling's {@code criterio}: which situations are listed
     * @param tipo        Bling's product type code ({@code T}, {@code P}, {@code S}, {@code E},
     *                    {@code PS}, {@code C}, {@code V})
     * @param idCategoria only products in this product category
     * @param idLoja      only products linked to this store
     * @param nome        only products of this name ({@code nome})
     * @param idsProdutos only these Bling product ids
     * @param codigos     only these SKUs ({@code codigo})
     * @param gtins       only these GTINs
     * @param changedFrom only products changed at or after this instant
     * @param changedTo   only products changed at or before this instant; needs {@code changedFrom}
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code changedTo} is given without {@code changedFrom}, or
     *                                  before it
     */
    public ProductFilter {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(tipo, "tipo");
        Objects.requireNonNull(idCategoria, "idCategoria");
        Objects.requireNonNull(idLoja, "idLoja");
        Objects.requireNonNull(nome, "nome");
        idsProdutos = List.copyOf(idsProdutos);
        codigos = List.copyOf(codigos);
        gtins = List.copyOf(gtins);
        Objects.requireNonNull(changedFrom, "changedFrom");
        Objects.requireNonNull(changedTo, "changedTo");
        if (changedTo.isPresent() && changedFrom.isEmpty()) {
            throw new IllegalArgumentException("a change window needs its start");
        }
        if (changedFrom.isPresent() && changedTo.isPresent() && changedTo.get().isBefore(changedFrom.get())) {
            throw new IllegalArgumentException("a change window ends after it starts");
        }
    }

    /**
     * Every product, active or inactive (not those marked deleted).
     *
     * @return a filter with {@link Criterion#ALL} and nothing else
     */
    public static ProductFilter all() {
        return new ProductFilter(Criterion.ALL, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * Lists other situations.
     *
     * @param c the criterion
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter criterion(Criterion c) {
        return new ProductFilter(c, tipo, idCategoria, idLoja, nome, idsProdutos, codigos, gtins, changedFrom, changedTo);
    }

    /**
     * Only products of one of Bling's types.
     *
     * @param t Bling's {@code tipo}: T, P, S, E, PS, C, V
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter tipo(String t) {
        return new ProductFilter(criterion, Optional.of(t), idCategoria, idLoja, nome, idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    /**
     * Only products in one product category.
     *
     * @param id Bling's category id
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter inCategory(long id) {
        return new ProductFilter(criterion, tipo, OptionalLong.of(id), idLoja, nome, idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    /**
     * Only products linked to one store.
     *
     * @param id Bling's store (sales channel) id
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter inStore(long id) {
        return new ProductFilter(criterion, tipo, idCategoria, OptionalLong.of(id), nome, idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    /**
     * Only products of a name.
     *
     * @param n the name Bling's {@code nome} filter is given
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter named(String n) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, Optional.of(n), idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    /**
     * Only some products, by id; replaces any ids given before.
     *
     * @param ids Bling's product ids
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter ids(List<Long> ids) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, ids, codigos, gtins, changedFrom, changedTo);
    }

    /**
     * Only some products, by SKU; replaces any SKUs given before.
     *
     * @param skus the products' codes
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter skus(List<String> skus) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, idsProdutos, skus, gtins, changedFrom,
                changedTo);
    }

    /**
     * Only some products, by GTIN; replaces any GTINs given before.
     *
     * @param codes the GTINs
     * @return a copy with that criterion; the others are kept
     */
    public ProductFilter gtins(List<String> codes) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, idsProdutos, codigos, codes, changedFrom,
                changedTo);
    }

    /**
     * Products changed in {@code [from, to]}. Bling refuses windows over a year; the client splits
     * longer ones. Without {@code to}, the window ends now.
     *
     * @param from the window's start
     * @param to   the window's end; empty for now
     * @return a copy with that window; the other criteria are kept
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public ProductFilter changedBetween(Instant from, Optional<Instant> to) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, idsProdutos, codigos, gtins,
                Optional.of(from), to);
    }
}
