package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.dto.BlingProductStoreLink;
import io.cathalog.bling.dto.BlingWriteResult;
import io.cathalog.bling.internal.Pager;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Products linked to stores ({@code /produtos/lojas}, "multiloja"). There is no PATCH: change a
 * link by reading it, changing the record and {@link #replace replacing} it whole.
 */
public final class ProductStoreLinks {
    private final BlingClient client;

    ProductStoreLinks(BlingClient client) {
        this.client = client;
    }

    /**
     * The filters of {@code GET /produtos/lojas}; each optional.
     *
     * @param idProduto          only the links of this product
     * @param idLoja             only the links to this store
     * @param idCategoriaProduto only the links of products of this category
     * @param changedFrom        only links changed at or after this instant
     * @param changedTo          only links changed at or before this instant
     */
    public record Filter(OptionalLong idProduto, OptionalLong idLoja, OptionalLong idCategoriaProduto,
                         Optional<Instant> changedFrom, Optional<Instant> changedTo) {
        /**
         * No filter: every link of the account.
         *
         * @return the empty filter
         */
        public static Filter all() {
            return new Filter(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                    Optional.empty());
        }

        /**
         * This filter, narrowed to one product.
         *
         * @param id the product's id
         * @return a new filter
         */
        public Filter product(long id) {
            return new Filter(OptionalLong.of(id), idLoja, idCategoriaProduto, changedFrom, changedTo);
        }

        /**
         * This filter, narrowed to one store.
         *
         * @param id the store's id (the sales channel's)
         * @return a new filter
         */
        public Filter store(long id) {
            return new Filter(idProduto, OptionalLong.of(id), idCategoriaProduto, changedFrom, changedTo);
        }

        /**
         * This filter, narrowed to the products of one category.
         *
         * @param id the product category's id
         * @return a new filter
         */
        public Filter category(long id) {
            return new Filter(idProduto, idLoja, OptionalLong.of(id), changedFrom, changedTo);
        }

        /**
         * This filter, narrowed to links changed in {@code [from, to]}.
         *
         * @param from the window's start
         * @param to   the window's end; at most a year after {@code from}, as Bling requires
         * @return a new filter
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public Filter changedBetween(Instant from, Instant to) {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a change window ends after it starts");
            }
            return new Filter(idProduto, idLoja, idCategoriaProduto, Optional.of(from), Optional.of(to));
        }
    }

    /**
     * The links that pass a filter.
     *
     * @param filter what to list; {@link Filter#all()} for everything
     * @return the links, read page by page as the stream is consumed
     */
    public Stream<BlingProductStoreLink> list(Filter filter) {
        Query base = new Query();
        filter.idProduto().ifPresent(v -> base.add("idProduto", v));
        filter.idLoja().ifPresent(v -> base.add("idLoja", v));
        filter.idCategoriaProduto().ifPresent(v -> base.add("idCategoriaProduto", v));
        filter.changedFrom().ifPresent(v -> base.add("dataAlteracaoInicial", client.dateTime(v)));
        filter.changedTo().ifPresent(v -> base.add("dataAlteracaoFinal", client.dateTime(v)));
        return Pager.stream("GET /produtos/lojas", n -> {
            List<JsonNode> data = BlingClient.items("GET /produtos/lojas", client.call("GET", "/produtos/lojas",
                    "/produtos/lojas", base.copy().add("pagina", n).add("limite", Pager.PAGE_SIZE), null), "codigo");
            List<BlingProductStoreLink> out = new ArrayList<>();
            data.forEach(c -> out.add(BlingProductStoreLink.from(c)));
            return out;
        }, BlingProductStoreLink::id);
    }

    /**
     * One link.
     *
     * @param id the link's id
     * @return the link; empty when Bling answers 404
     */
    public Optional<BlingProductStoreLink> get(long id) {
        try {
            return Optional.of(BlingProductStoreLink.from(BlingClient.data(client.call("GET",
                    "/produtos/lojas/{idProdutoLoja}", "/produtos/lojas/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Links a product to a store: {@code POST /produtos/lojas}; never retried after a lost
     * response (look the link up instead).
     *
     * @param link the link to create; its id is ignored
     * @return the new link's id, and Bling's warnings
     */
    public BlingWriteResult create(BlingProductStoreLink link) {
        return BlingWriteResult.from(BlingClient.data(client.call("POST", "/produtos/lojas", "/produtos/lojas",
                new Query(), link.toJson())));
    }

    /**
     * {@code PUT /produtos/lojas/{id}}: the link becomes exactly {@code link}.
     *
     * @param id   the link's id
     * @param link the link as it should be, whole
     * @return the link's id, and Bling's warnings
     */
    public BlingWriteResult replace(long id, BlingProductStoreLink link) {
        return BlingWriteResult.from(BlingClient.data(client.call("PUT", "/produtos/lojas/{idProdutoLoja}",
                "/produtos/lojas/" + id, new Query(), link.toJson())));
    }

    /**
     * Unlinks a product from a store.
     *
     * @param id the link's id
     */
    public void delete(long id) {
        client.call("DELETE", "/produtos/lojas/{idProdutoLoja}", "/produtos/lojas/" + id, new Query(), null);
    }
}
