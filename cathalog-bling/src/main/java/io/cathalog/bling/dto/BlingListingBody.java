package io.cathalog.bling.dto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.internal.Nodes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /anuncios} and {@code PUT /anuncios/{idAnuncio}}
 * ({@code AnunciosSaveRequest}). Built with {@link #builder(long, String, long)}; the three fields
 * the spec requires ({@code produto.id}, {@code integracao.tipo}, {@code loja.id}) are the
 * builder's arguments. A family's listing carries its variations ({@code variacoes}), each a body
 * of its own (its variation's product, the same integration and store, its name, price and
 * attributes).
 *
 * @param produto        the Bling product listed
 * @param tipoIntegracao the integration ({@code MercadoLivre}, {@code Shopee})
 * @param loja           the store ({@code idLoja})
 * @param nome           the listing's title
 * @param descricao      its description
 * @param preco          its price
 * @param precoPromocional its promotional price
 * @param categoria      the marketplace's category id as the marketplace writes it ({@code MLB196208})
 * @param atributos      attribute values by the marketplace's attribute id, in order
 * @param imagens        image URLs, in order
 * @param modalidade     Mercado Livre's listing type ({@code gold_special}, {@code gold_pro})
 * @param freteGratis    Mercado Livre's free shipping
 * @param variacoes      a family's variations, in order (each without variations of its own)
 */
public record BlingListingBody(long produto, String tipoIntegracao, long loja, Optional<String> nome,
                               Optional<String> descricao, Optional<BigDecimal> preco,
                               Optional<BigDecimal> precoPromocional, Optional<String> categoria,
                               Map<String, String> atributos, List<String> imagens, Optional<String> modalidade,
                               Optional<Boolean> freteGratis, List<BlingListingBody> variacoes) {
    /**
     * Checks and copies the values.
     *
     * @param produto as described above
     * @param tipoIntegracao as described above
     * @param loja as described above
     * @param nome as described above
     * @param descricao as described above
     * @param preco as described above
     * @param precoPromocional as described above
     * @param categoria as described above
     * @param atributos as described above
     * @param imagens as described above
     * @param modalidade as described above
     * @param freteGratis as described above
     * @param variacoes as described above
     * @throws IllegalArgumentException when an id is not positive, the integration is blank, or a
     *                                  price is negative
     */
    public BlingListingBody {
        if (produto <= 0 || loja <= 0) {
            throw new IllegalArgumentException("a listing needs a positive product and store id, got produto "
                    + produto + ", loja " + loja);
        }
        Objects.requireNonNull(tipoIntegracao, "tipoIntegracao");
        if (tipoIntegracao.isBlank()) {
            throw new IllegalArgumentException("a listing needs its integration type (tipoIntegracao)");
        }
        Objects.requireNonNull(nome, "nome");
        Objects.requireNonNull(descricao, "descricao");
        Objects.requireNonNull(preco, "preco");
        Objects.requireNonNull(precoPromocional, "precoPromocional");
        for (Optional<BigDecimal> p : List.of(preco, precoPromocional)) {
            if (p.isPresent() && p.get().signum() < 0) {
                throw new IllegalArgumentException("a listing's price must not be negative, got " + p.get());
            }
        }
        Objects.requireNonNull(categoria, "categoria");
        atributos = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(atributos));
        atributos.forEach((k, v) -> {
            if (k.isBlank() || v == null) {
                throw new IllegalArgumentException("attribute '" + k + "' needs an id and a value");
            }
        });
        imagens = List.copyOf(imagens);
        Objects.requireNonNull(modalidade, "modalidade");
        Objects.requireNonNull(freteGratis, "freteGratis");
        variacoes = List.copyOf(variacoes);
        if (variacoes.stream().anyMatch(v -> !v.variacoes().isEmpty())) {
            throw new IllegalArgumentException("a listing's variation has no variations of its own");
        }
    }

    /**
     * A builder with the spec's three required fields.
     *
     * @param produto        the Bling product's id
     * @param tipoIntegracao the integration, e.g. {@code MercadoLivre}
     * @param loja           the store's id ({@code idLoja})
     * @return a builder
     */
    public static Builder builder(long produto, String tipoIntegracao, long loja) {
        return new Builder(produto, tipoIntegracao, loja);
    }

    /**
     * The JSON body, fields in the spec's order; absent values are left out.
     *
     * @return a new tree
     */
    public ObjectNode toJson() {
        ObjectNode b = Nodes.object();
        b.putObject("produto").put("id", produto);
        b.putObject("integracao").put("tipo", tipoIntegracao);
        b.putObject("loja").put("id", loja);
        nome.ifPresent(v -> b.put("nome", v));
        descricao.ifPresent(v -> b.put("descricao", v));
        if (preco.isPresent() || precoPromocional.isPresent()) {
            ObjectNode p = b.putObject("preco");
            preco.ifPresent(v -> p.put("valor", v));
            precoPromocional.ifPresent(v -> p.put("promocional", v));
        }
        categoria.ifPresent(v -> b.putObject("categoria").put("id", v));
        if (!atributos.isEmpty()) {
            ArrayNode a = b.putArray("atributos");
            atributos.forEach((id, valor) -> a.addObject().put("id", id).put("valor", valor));
        }
        if (!imagens.isEmpty()) {
            ArrayNode i = b.putArray("imagens");
            for (int n = 0; n < imagens.size(); n++) {
                i.addObject().put("url", imagens.get(n)).put("ordem", n + 1);
            }
        }
        if (modalidade.isPresent() || freteGratis.isPresent()) {
            ObjectNode ml = b.putObject("mercadoLivre");
            modalidade.ifPresent(v -> ml.put("modalidade", v));
            freteGratis.ifPresent(v -> ml.putObject("frete").put("gratis", v));
        }
        if (!variacoes.isEmpty()) {
            ArrayNode v = b.putArray("variacoes");
            variacoes.forEach(x -> v.add(x.toJson()));
        }
        return b;
    }

    /** Builds a {@link BlingListingBody}; every setter replaces the value. */
    public static final class Builder {
        private final long produto;
        private final String tipoIntegracao;
        private final long loja;
        private Optional<String> nome = Optional.empty();
        private Optional<String> descricao = Optional.empty();
        private Optional<BigDecimal> preco = Optional.empty();
        private Optional<BigDecimal> precoPromocional = Optional.empty();
        private Optional<String> categoria = Optional.empty();
        private final Map<String, String> atributos = new LinkedHashMap<>();
        private final List<String> imagens = new ArrayList<>();
        private Optional<String> modalidade = Optional.empty();
        private Optional<Boolean> freteGratis = Optional.empty();
        private final List<BlingListingBody> variacoes = new ArrayList<>();

        private Builder(long produto, String tipoIntegracao, long loja) {
            this.produto = produto;
            this.tipoIntegracao = tipoIntegracao;
            this.loja = loja;
        }

        /**
         * The listing's title.
         *
         * @param nome the title
         * @return this builder
         */
        public Builder nome(String nome) {
            this.nome = Optional.of(nome);
            return this;
        }

        /**
         * The listing's description.
         *
         * @param descricao the description
         * @return this builder
         */
        public Builder descricao(String descricao) {
            this.descricao = Optional.of(descricao);
            return this;
        }

        /**
         * The price.
         *
         * @param valor the price
         * @return this builder
         */
        public Builder preco(BigDecimal valor) {
            this.preco = Optional.of(valor);
            return this;
        }

        /**
         * The promotional price.
         *
         * @param promocional the promotional price
         * @return this builder
         */
        public Builder precoPromocional(BigDecimal promocional) {
            this.precoPromocional = Optional.of(promocional);
            return this;
        }

        /**
         * The marketplace category, as the marketplace writes its id.
         *
         * @param id e.g. {@code MLB196208}
         * @return this builder
         */
        public Builder categoria(String id) {
            this.categoria = Optional.of(id);
            return this;
        }

        /**
         * One attribute value, by the marketplace's attribute id.
         *
         * @param id    e.g. {@code BRAND}
         * @param valor the value as the marketplace takes it ({@code "20 cm"})
         * @return this builder
         */
        public Builder atributo(String id, String valor) {
            this.atributos.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(valor, "valor"));
            return this;
        }

        /**
         * Several attribute values.
         *
         * @param values values by attribute id, in order
         * @return this builder
         */
        public Builder atributos(Map<String, String> values) {
            values.forEach(this::atributo);
            return this;
        }

        /**
         * One more image, after the others.
         *
         * @param url the image's URL
         * @return this builder
         */
        public Builder imagem(String url) {
            this.imagens.add(Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * Mercado Livre's listing type.
         *
         * @param modalidade e.g. {@code gold_special}
         * @return this builder
         */
        public Builder modalidade(String modalidade) {
            this.modalidade = Optional.of(modalidade);
            return this;
        }

        /**
         * Mercado Livre's free shipping.
         *
         * @param gratis whether shipping is free
         * @return this builder
         */
        public Builder freteGratis(boolean gratis) {
            this.freteGratis = Optional.of(gratis);
            return this;
        }

        /**
         * Adds a variation ({@code variacoes}): a body of its own, for the variation's product.
         *
         * @param variacao the variation's body
         * @return this builder
         */
        public Builder variacao(BlingListingBody variacao) {
            this.variacoes.add(Objects.requireNonNull(variacao, "variacao"));
            return this;
        }

        /**
         * The body.
         *
         * @return the body
         * @throws IllegalArgumentException when a value is invalid
         */
        public BlingListingBody build() {
            return new BlingListingBody(produto, tipoIntegracao, loja, nome, descricao, preco, precoPromocional,
                    categoria, atributos, imagens, modalidade, freteGratis, variacoes);
        }
    }
}
