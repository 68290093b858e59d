package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.dto.BlingProduct;
import io.cathalog.bling.dto.BlingProductBody;
import io.cathalog.bling.dto.BlingProductSummary;
import io.cathalog.bling.dto.BlingWriteResult;
import io.cathalog.bling.dto.ProductSituation;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.bling.internal.Pager;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.NotFoundException;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Products ({@code /produtos}). Lists give summaries; {@link #get} gives the product in full.
 * {@link #patch} changes only what it is given; {@link #replace} is Bling's PUT, which resets every
 * field it is not given, so it takes a whole {@link BlingProduct} as read.
 */
public final class Products {
    private static final System.Logger LOG = System.getLogger(Products.class.getName());
    /** Bling refuses change windows longer than a year; split a little inside that. */
    static final Duration MAX_WINDOW = Duration.ofDays(360);

    private final BlingClient client;

    Products(BlingClient client) {
        this.client = client;
    }

    /**
     * Every product the filter selects, as summaries, fetched page by page as the stream is read. A
     * change window longer than Bling accepts is split into windows of 360 days.
     *
     * @param filter what to select; {@link ProductFilter#all()} for every product that is not deleted
     * @return the summaries; close the stream when done if it is not read to the end
     */
    public Stream<BlingProductSummary> list(ProductFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.changedFrom().isEmpty()) {
            return page(filter, base(filter));
        }
        Instant from = filter.changedFrom().get();
        Instant to = filter.changedTo().orElseGet(() -> client.clock().instant());
        List<Query> windows = new ArrayList<>();
        for (Instant start = from; !start.isAfter(to); start = start.plus(MAX_WINDOW).plusSeconds(1)) {
            Instant end = start.plus(MAX_WINDOW);
            if (end.isAfter(to)) {
                end = to;
            }
            windows.add(base(filter).add("dataAlteracaoInicial", client.dateTime(start))
                    .add("dataAlteracaoFinal", client.dateTime(end)));
        }
        return windows.stream().flatMap(q -> page(filter, q));
    }

    private Stream<BlingProductSummary> page(ProductFilter filter, Query query) {
        return Pager.stream("GET /produtos", n -> {
            List<JsonNode> data = BlingClient.items("GET /produtos", client.call("GET", "/produtos", "/produtos",
                    query.copy().add("pagina", n).add("limite", Pager.PAGE_SIZE), null), "nome", "codigo", "situacao");
            List<BlingProductSummary> out = new ArrayList<>();
            data.forEach(p -> out.add(BlingProductSummary.from(p)));
            return out;
        }, BlingProductSummary::id);
    }

    private static Query base(ProductFilter f) {
        Query q = new Query().add("criterio", f.criterion().code());
        f.tipo().ifPresent(t -> q.add("tipo", t));
        f.idCategoria().ifPresent(id -> q.add("idCategoria", id));
        f.idLoja().ifPresent(id -> q.add("idLoja", id));
        f.nome().ifPresent(n -> q.add("nome", n));
        q.addAll("idsProdutos", f.idsProdutos());
        q.addAll("codigos", f.codigos());
        q.addAll("gtins", f.gtins());
        return q;
    }

    /**
     * {@code GET /produtos/{id}}: the product in full, with its variations.
     *
     * @param id Bling's product id
     * @return the product; empty when Bling has no product with this id
     */
    public Optional<BlingProduct> get(long id) {
        try {
            return Optional.of(BlingProduct.from(BlingClient.data(client.call("GET", "/produtos/{idProduto}",
                    "/produtos/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The product with this SKU, whatever its situation (active, inactive or marked deleted), for a
     * look-up before a create: Bling has no idempotency keys.
     *
     * @param sku the product's code ({@code codigo})
     * @return its summary; empty when no product has it
     */
    public Optional<BlingProductSummary> findBySku(String sku) {
        Objects.requireNonNull(sku, "sku");
        for (ProductFilter.Criterion c : List.of(ProductFilter.Criterion.ALL, ProductFilter.Criterion.DELETED)) {
            try (Stream<BlingProductSummary> s = list(ProductFilter.all().criterion(c).skus(List.of(sku)))) {
                Optional<BlingProductSummary> found = s.filter(p -> p.codigo().equals(sku)).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code POST /produtos}; never retried after a lost response (look the SKU up instead).
     *
     * @param body the new product, started with {@link BlingProductBody#forCreate}
     * @return the new product's id, and Bling's warnings
     */
    public BlingWriteResult create(BlingProductBody body) {
        return written("POST", "/produtos", "/produtos", body.toJson());
    }

    /**
     * {@code PATCH /produtos/{id}}: changes exactly the fields of {@code body}.
     *
     * @param id   Bling's product id
     * @param body the fields to change; not empty
     * @return the product's id, and Bling's warnings
     * @throws IllegalArgumentException if {@code body} is empty
     */
    public BlingWriteResult patch(long id, BlingProductBody body) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("an empty PATCH changes nothing; do not send it");
        }
        return written("PATCH", "/produtos/{idProduto}", "/produtos/" + id, body.toJson());
    }

    /**
     * {@code PUT /produtos/{id}}: replaces the whole product with {@code product}, which should be
     * what {@link #get} returned, modified; what it lacks Bling resets or deletes.
     *
     * @param id      Bling's product id
     * @param product the whole product as it should be
     * @return the product's id, and Bling's warnings
     */
    public BlingWriteResult replace(long id, BlingProduct product) {
        return written("PUT", "/produtos/{idProduto}", "/produtos/" + id, product.toJson());
    }

    /**
     * {@code DELETE /produtos/{id}}: removes a product for good (marking it deleted is
     * {@link #changeSituation}).
     *
     * @param id Bling's product id
     */
    public void delete(long id) {
        client.call("DELETE", "/produtos/{idProduto}", "/produtos/" + id, new Query(), null);
    }

    /**
     * {@code PATCH /produtos/{id}/situacoes}: makes a product active, inactive or marked deleted.
     *
     * @param id        Bling's product id
     * @param situation the new situation
     */
    public void changeSituation(long id, ProductSituation situation) {
        client.call("PATCH", "/produtos/{idProduto}/situacoes", "/produtos/" + id + "/situacoes", new Query(),
                Nodes.object().put("situacao", situation.code()));
    }

    private BlingWriteResult written(String method, String route, String path, ObjectNode body) {
        BlingWriteResult r = BlingWriteResult.from(BlingClient.data(client.call(method, route, path, new Query(), body)));
        if (!r.warnings().isEmpty()) {
            LOG.log(Level.INFO, () -> method + " " + route + " succeeded with Bling warnings: " + r.warnings());
        }
        return r;
    }
}
