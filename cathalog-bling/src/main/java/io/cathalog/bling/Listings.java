package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.dto.BlingListing;
import io.cathalog.bling.dto.BlingListingAttributeSpec;
import io.cathalog.bling.dto.BlingListingBody;
import io.cathalog.bling.dto.BlingListingCategory;
import io.cathalog.bling.dto.BlingListingSituation;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.bling.internal.Pager;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.TransportException;
import io.cathalog.core.marketplace.DesiredListing;
import io.cathalog.bling.dto.BlingListingSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Listings (anúncios) of the account's marketplace stores, and the marketplace categories Bling
 * serves for them ({@code /anuncios}, {@code /anuncios/categorias}). Every route but the writes'
 * bodies takes the integration type ({@code tipoIntegracao}: {@code MercadoLivre}, {@code Shopee})
 * and the store ({@code idLoja}), which the spec requires.
 */
public final class Listings {
    private static final String LIST = "GET /anuncios";
    private final BlingClient client;

    Listings(BlingClient client) {
        this.client = client;
    }

    /**
     * The store's listings in one situation. The spec's default situation is {@code 1} (published):
     * this method always says which one it asks for; {@link #listAll} asks for each.
     *
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     * @param situacao       the situation asked for
     * @param idProduto      only the listings of this product, when given
     * @return the listings, page by page as the stream is read
     */
    public Stream<BlingListingSummary> list(String tipoIntegracao, long idLoja, BlingListingSituation situacao,
                                            OptionalLong idProduto) {
        Query base = scope(tipoIntegracao, idLoja).add("situacao", situacao.code());
        idProduto.ifPresent(p -> base.add("idProduto", p));
        return Pager.stream(LIST, n -> {
            List<JsonNode> data = BlingClient.items(LIST, client.call("GET", "/anuncios", "/anuncios",
                    base.copy().add("pagina", n).add("limite", Pager.PAGE_SIZE), null), "titulo");
            List<BlingListingSummary> out = new ArrayList<>();
            data.forEach(d -> out.add(BlingListingSummary.from(d)));
            return out;
        }, BlingListingSummary::id);
    }

    /**
     * The store's listings in every situation (one listing per situation asked).
     *
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     * @param idProduto      only the listings of this product, when given
     * @return the listings, situation by situation
     */
    public Stream<BlingListingSummary> listAll(String tipoIntegracao, long idLoja, OptionalLong idProduto) {
        return Stream.of(BlingListingSituation.values()).flatMap(s -> list(tipoIntegracao, idLoja, s, idProduto));
    }

    /**
     * The listings of one product in a store, in every situation: what a create looks up first,
     * since Bling takes a second listing of the same product (a creation whose answer was lost is
     * found here, not made twice). Costs one request per situation (four).
     *
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     * @param idProduto      the Bling product
     * @return the product's listings in that store, by situation then id
     */
    public List<BlingListingSummary> findByProduct(String tipoIntegracao, long idLoja, long idProduto) {
        return listAll(tipoIntegracao, idLoja, OptionalLong.of(idProduto)).toList();
    }

    /**
     * The body that makes a listing what a {@link DesiredListing} says (its status is set apart, by
     * {@link #publish} or {@link #pause}).
     *
     * @param desired        the desired listing
     * @param idProduto      the Bling product it lists
     * @param tipoIntegracao Bling's integration of the desired listing's marketplace ({@code MercadoLivre})
     * @return the body for {@link #create} or {@link #update}
     */
    public static BlingListingBody body(DesiredListing desired, long idProduto, String tipoIntegracao) {
        BlingListingBody.Builder b = BlingListingBody.builder(idProduto, tipoIntegracao, desired.storeId())
                .nome(desired.title()).preco(desired.price()).categoria(desired.categoryId())
                .atributos(desired.attributes());
        desired.listingType().ifPresent(b::modalidade);
        if (desired.freeShipping() || desired.listingType().isPresent()) {
            b.freteGratis(desired.freeShipping());
        }
        return b.build();
    }

    /**
     * One listing.
     *
     * @param idAnuncio      the listing's id
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     * @return the listing, or empty when Bling does not know it (404)
     */
    public Optional<BlingListing> get(long idAnuncio, String tipoIntegracao, long idLoja) {
        try {
            return Optional.of(BlingListing.from(BlingClient.data(client.call("GET", "/anuncios/{idAnuncio}",
                    "/anuncios/" + idAnuncio, scope(tipoIntegracao, idLoja), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a listing ({@code POST /anuncios}).
     *
     * @param body the listing
     * @return the new listing's id
     * @throws io.cathalog.core.RemoteValidationException when Bling refuses it (a required
     *                                                    attribute missing names the attribute)
     */
    public long create(BlingListingBody body) {
        return save(body).id();
    }

    /**
     * Creates a listing ({@code POST /anuncios}) and gives its variations' ids too.
     *
     * @param body the listing
     * @return the new listing's id and its variations' ids ({@code idsVariacoes}), in the body's order
     * @throws io.cathalog.core.RemoteValidationException when Bling refuses it (a required
     *                                                    attribute missing names the attribute,
     *                                                    and the variation when it is a variation's)
     */
    public Created save(BlingListingBody body) {
        com.fasterxml.jackson.databind.JsonNode data = BlingClient.data(client.call("POST", "/anuncios", "/anuncios",
                new Query(), body.toJson()));
        List<Long> ids = new java.util.ArrayList<>();
        data.path("idsVariacoes").forEach(n -> ids.add(n.asLong()));
        return new Created(Nodes.integer(data, "id").orElseThrow(), ids);
    }

    /**
     * What creating a listing gives ({@code AnunciosSaveResponseDTO}).
     *
     * @param id           the listing's id
     * @param idsVariacoes its variations' ids, in the body's order
     */
    public record Created(long id, List<Long> idsVariacoes) {
        /**
         * Copies the ids.
         *
         * @param id           as described above
         * @param idsVariacoes as described above
         */
        public Created {
            idsVariacoes = List.copyOf(idsVariacoes);
        }
    }

    /**
     * Replaces a listing ({@code PUT /anuncios/{idAnuncio}}, the whole body).
     *
     * @param idAnuncio the listing's id
     * @param body      the listing
     */
    public void update(long idAnuncio, BlingListingBody body) {
        client.call("PUT", "/anuncios/{idAnuncio}", "/anuncios/" + idAnuncio, new Query(), body.toJson());
    }

    /**
     * Removes a listing.
     *
     * @param idAnuncio      the listing's id
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     */
    public void delete(long idAnuncio, String tipoIntegracao, long idLoja) {
        client.call("DELETE", "/anuncios/{idAnuncio}", "/anuncios/" + idAnuncio, scope(tipoIntegracao, idLoja), null);
    }

    /**
     * Publishes a listing ({@code POST /anuncios/{idAnuncio}/publicar}, 204).
     *
     * @param idAnuncio      the listing's id
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     */
    public void publish(long idAnuncio, String tipoIntegracao, long idLoja) {
        client.action("/anuncios/{idAnuncio}/publicar", "/anuncios/" + idAnuncio + "/publicar",
                scope(tipoIntegracao, idLoja));
    }

    /**
     * Pauses a listing ({@code POST /anuncios/{idAnuncio}/pausar}, 204).
     *
     * @param idAnuncio      the listing's id
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     */
    public void pause(long idAnuncio, String tipoIntegracao, long idLoja) {
        client.action("/anuncios/{idAnuncio}/pausar", "/anuncios/" + idAnuncio + "/pausar",
                scope(tipoIntegracao, idLoja));
    }

    /**
     * The marketplace categories Bling serves for the store ({@code GET /anuncios/categorias}).
     *
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     * @param idCategoria    the parent whose subcategories are listed; the roots when empty
     * @return the categories
     */
    public List<BlingListingCategory> categories(String tipoIntegracao, long idLoja, OptionalLong idCategoria) {
        Query q = scope(tipoIntegracao, idLoja);
        idCategoria.ifPresent(c -> q.add("idCategoria", c));
        JsonNode data = BlingClient.data(client.call("GET", "/anuncios/categorias", "/anuncios/categorias", q, null));
        if (!data.isArray()) {
            throw new TransportException("GET /anuncios/categorias", "Bling answered a list whose 'data' is "
                    + data.getNodeType().toString().toLowerCase(Locale.ROOT), null);
        }
        List<BlingListingCategory> out = new ArrayList<>();
        data.forEach(c -> out.add(BlingListingCategory.from(c)));
        return out;
    }

    /**
     * A marketplace category's attributes ({@code GET /anuncios/categorias/{idCategoria}}).
     *
     * @param idCategoria    Bling's id of the marketplace category (see {@link #categoryPathId})
     * @param tipoIntegracao the integration
     * @param idLoja         the store
     * @return the attributes in Bling's order
     * @throws NotFoundException when the store's integration has no such category
     */
    public List<BlingListingAttributeSpec> categoryAttributes(long idCategoria, String tipoIntegracao, long idLoja) {
        JsonNode data = BlingClient.data(client.call("GET", "/anuncios/categorias/{idCategoria}",
                "/anuncios/categorias/" + idCategoria, scope(tipoIntegracao, idLoja), null));
        // The spec describes one attribute object; Bling's listing forms show a list. Take both.
        List<BlingListingAttributeSpec> out = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(a -> {
                if (a.isObject()) {
                    out.add(BlingListingAttributeSpec.from(a));
                }
            });
        } else if (data.isObject() && data.has("id")) {
            out.add(BlingListingAttributeSpec.from(data));
        }
        return out;
    }

    /**
     * The id of a marketplace category in Bling's {@code /anuncios/categorias} paths, which the spec
     * types as an integer: a numeric id as it is ({@code 100416}), a Mercado Livre id without its
     * site prefix ({@code MLB196208} becomes {@code 196208}).
     *
     * @param marketplaceCategoryId the marketplace's id
     * @return Bling's id, or empty when the id has no digits to give
     */
    public static OptionalLong categoryPathId(String marketplaceCategoryId) {
        Objects.requireNonNull(marketplaceCategoryId, "marketplaceCategoryId");
        String digits = marketplaceCategoryId.strip().replaceFirst("^[A-Z]{3}(?=\\d)", "");
        if (!digits.matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    private static Query scope(String tipoIntegracao, long idLoja) {
        Objects.requireNonNull(tipoIntegracao, "tipoIntegracao");
        if (tipoIntegracao.isBlank() || idLoja <= 0) {
            throw new IllegalArgumentException("listings need the integration type and a positive store id, got '"
                    + tipoIntegracao + "', " + idLoja);
        }
        return new Query().add("tipoIntegracao", tipoIntegracao).add("idLoja", idLoja);
    }
}
