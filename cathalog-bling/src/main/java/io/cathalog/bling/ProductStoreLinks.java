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

    /** The filters of {@code GET /produtos/lojas}; each optional. */
    public record Filter(OptionalLong idProduto, OptionalLong idLoja, OptionalLong idCategoriaProduto,
                         Optional<Instant> changedFrom, Optional<Instant> changedTo) {
        public static Filter all() {
            return new Filter(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                    Optional.empty());
        }

        public Filter product(long id) {
            return new Filter(OptionalLong.of(id), idLoja, idCategoriaProduto, changedFrom, changedTo);
        }

        public Filter store(long id) {
            return new Filter(idProduto, OptionalLong.of(id), idCategoriaProduto, changedFrom, changedTo);
        }

        public Filter category(long id) {
            return new Filter(idProduto, idLoja, OptionalLong.of(id), changedFrom, changedTo);
        }

        /** Links changed in {@code [from, to]} (at most a year apart, as Bling requires). */
        public Filter changedBetween(Instant from, Instant to) {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a change window ends after it starts");
            }
            return new Filter(idProduto, idLoja, idCategoriaProduto, Optional.of(from), Optional.of(to));
        }
    }

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

    public Optional<BlingProductStoreLink> get(long id) {
        try {
            return Optional.of(BlingProductStoreLink.from(BlingClient.data(client.call("GET",
                    "/produtos/lojas/{idProdutoLoja}", "/produtos/lojas/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** {@code POST /produtos/lojas}; never retried after a lost response (look the link up instead). */
    public BlingWriteResult create(BlingProductStoreLink link) {
        return BlingWriteResult.from(BlingClient.data(client.call("POST", "/produtos/lojas", "/produtos/lojas",
                new Query(), link.toJson())));
    }

    /** {@code PUT /produtos/lojas/{id}}: the link becomes exactly {@code link}. */
    public BlingWriteResult replace(long id, BlingProductStoreLink link) {
        return BlingWriteResult.from(BlingClient.data(client.call("PUT", "/produtos/lojas/{idProdutoLoja}",
                "/produtos/lojas/" + id, new Query(), link.toJson())));
    }

    public void delete(long id) {
        client.call("DELETE", "/produtos/lojas/{idProdutoLoja}", "/produtos/lojas/" + id, new Query(), null);
    }
}
