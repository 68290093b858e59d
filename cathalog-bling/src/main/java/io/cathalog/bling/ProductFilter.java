package io.cathalog.bling;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The filters of {@code GET /produtos}. Unlike Bling, whose default {@code criterio} is "latest
 * added", {@link #all()} lists every product that is not deleted ({@code criterio=5}), which is
 * what a reconciliation needs.
 */
public record ProductFilter(Criterion criterion, Optional<String> tipo, OptionalLong idCategoria, OptionalLong idLoja,
                            Optional<String> nome, List<Long> idsProdutos, List<String> codigos, List<String> gtins,
                            Optional<Instant> changedFrom, Optional<Instant> changedTo) {

    /** Bling's {@code criterio}. */
    public enum Criterion {
        LATEST_ADDED(1), ACTIVE(2), INACTIVE(3), DELETED(4), ALL(5);

        private final int code;

        Criterion(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

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

    /** Every product, active or inactive (not those marked deleted). */
    public static ProductFilter all() {
        return new ProductFilter(Criterion.ALL, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    public ProductFilter criterion(Criterion c) {
        return new ProductFilter(c, tipo, idCategoria, idLoja, nome, idsProdutos, codigos, gtins, changedFrom, changedTo);
    }

    /** Bling's {@code tipo}: T, P, S, E, PS, C, V. */
    public ProductFilter tipo(String t) {
        return new ProductFilter(criterion, Optional.of(t), idCategoria, idLoja, nome, idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    public ProductFilter inCategory(long id) {
        return new ProductFilter(criterion, tipo, OptionalLong.of(id), idLoja, nome, idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    public ProductFilter inStore(long id) {
        return new ProductFilter(criterion, tipo, idCategoria, OptionalLong.of(id), nome, idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    public ProductFilter named(String n) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, Optional.of(n), idsProdutos, codigos, gtins,
                changedFrom, changedTo);
    }

    public ProductFilter ids(List<Long> ids) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, ids, codigos, gtins, changedFrom, changedTo);
    }

    public ProductFilter skus(List<String> skus) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, idsProdutos, skus, gtins, changedFrom,
                changedTo);
    }

    public ProductFilter gtins(List<String> codes) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, idsProdutos, codigos, codes, changedFrom,
                changedTo);
    }

    /**
     * Products changed in {@code [from, to]}. Bling refuses windows over a year; the client splits
     * longer ones. Without {@code to}, the window ends now.
     */
    public ProductFilter changedBetween(Instant from, Optional<Instant> to) {
        return new ProductFilter(criterion, tipo, idCategoria, idLoja, nome, idsProdutos, codigos, gtins,
                Optional.of(from), to);
    }
}
